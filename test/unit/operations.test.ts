/**
 * The workbook operations (initWorkbook, appendRows, validateWorkbook, recalculate,
 * generateForm) on the ExcelJS port, saved and loaded again between steps as the CLI does.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CellValue } from '../../src/domain/cells';
import { serialFromUtc } from '../../src/domain/dates';
import { schemeRows, settingsRows } from '../../src/domain/demo';
import { OUTPUT_TABLE_NAMES } from '../../src/domain/outputs';
import { INPUT_TABLES } from '../../src/domain/tables';
import { appendRows, detectLang, generateForm, initWorkbook, recalculate, validateWorkbook } from '../../src/workbook/operations';
import { saveAtomically, xlsxPort } from '../../src/workbook/xlsx/port';
import { loadWorkbook, snapshotOf } from '../../src/workbook/xlsx/read';
import { writeNewWorkbook } from '../../src/workbook/xlsx/init';
import { fingerprints, saveAndReload, spyPort, removeTempDirs, tableModel, tableValues, tempDir } from '../helpers/xlsx';

const AS_OF = serialFromUtc(2026, 10, 10);
// Each save and load of a demo workbook takes a second or two.
afterAll(removeTempDirs);
const ZH_SHEETS = INPUT_TABLES.map((t) => t.sheet.zh);

/** A new workbook made by initWorkbook, saved and loaded again. */
async function initialized(lang: 'zh' | 'en' = 'zh'): Promise<{ wb: ExcelJS.Workbook; file: string }> {
  const file = join(tempDir(), 'book.xlsx');
  const wb = new ExcelJS.Workbook();
  await initWorkbook(xlsxPort(wb), { lang });
  return { wb: await saveAndReload(wb, file), file };
}

const STAFF = [
  { staffId: 'M01', name: '周经理', role: '经理' },
  { staffId: 'S01', name: '郑专员', role: 'Specialist', region: '华东', active: true },
];

/** Names of the sheets whose tab is selected, from the package's XML. */
async function selectedSheets(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out: string[] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)![1];
    const xml = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
    if (/<sheetView [^>]*tabSelected="1"/.test(xml)) out.push(m[1]);
  }
  return out;
}

describe('initWorkbook', () => {
  it('creates every input table with headers, formats, dropdowns and the default settings and scheme', async () => {
    const wb = new ExcelJS.Workbook();
    const spy = spyPort(xlsxPort(wb));
    const result = await initWorkbook(spy.port, { lang: 'zh' });
    expect(result.created.map((c) => c.table)).toEqual(INPUT_TABLES.map((t) => t.name));
    expect(result.created.map((c) => c.sheetName)).toEqual(ZH_SHEETS);
    expect(spy.reads).toBe(1);
    expect(spy.plans).toHaveLength(1);

    const again = await saveAndReload(wb, join(tempDir(), 'init.xlsx'));
    const snap = snapshotOf(again);
    expect(Object.keys(snap.tables).sort()).toEqual(INPUT_TABLES.map((t) => t.name).sort());
    for (const def of INPUT_TABLES) expect(snap.tables[def.name]!.tableName).toBe(def.name);
    expect(snap.tables.Staff!.headers).toEqual(['员工编号', '姓名', '岗位', '区域', '在职']);
    expect(tableValues(again, 'Settings').rows.map((r) => r[0])).toEqual(settingsRows('zh').map((r) => r.key));
    expect(tableValues(again, 'ScoringScheme').rows).toEqual(schemeRows('zh').map((r) => [r.role, r.kpi, r.weight, r.target, r.direction]));

    const v = await validateWorkbook(xlsxPort(again), { asOf: AS_OF });
    expect(v.problems).toEqual([]);
    expect(v.findings).toEqual([]);
    expect(v.lang).toBe('zh');

    const staff = again.getWorksheet('员工')!;
    const role = (staff as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model['C2'];
    expect(role).toMatchObject({ type: 'list', formulae: ['"经理,内勤,专员"'] });
    const customers = again.getWorksheet('客户档案')!;
    const createdOn = snap.tables.Customers!.headers.indexOf('建档日期') + 1;
    expect(customers.getColumn(createdOn).numFmt).toBe('yyyy-mm-dd');
    expect(customers.getCell(2, createdOn).numFmt).toBe('yyyy-mm-dd');
    expect(customers.getColumn(1).numFmt).toBe('@');
    expect(customers.getColumn(2).width).toBeGreaterThanOrEqual(24);
    // 目标值 fits in 9, a width ExcelJS would drop on saving: 10.
    expect(again.getWorksheet('考核方案')!.getColumn(4).width).toBe(10);
    expect(staff.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('never touches a table that is there (by table or sheet name) and creates nothing twice', async () => {
    const wb = new ExcelJS.Workbook();
    const plain = wb.addWorksheet('员工');
    plain.addRow(['员工编号', '姓名', '岗位', '在职']);
    plain.addRow(['M01', '周经理', '经理', '是']);
    wb.addWorksheet('设置'); // an empty sheet: no table there, and its name is taken
    const before = fingerprints(wb, ['员工']);
    const result = await initWorkbook(xlsxPort(wb));
    expect(result.existing).toEqual(['Staff']);
    expect(result.created.find((c) => c.table === 'Settings')!.sheetName).toBe('设置 (2)');
    const again = await saveAndReload(wb, join(tempDir(), 'partial.xlsx'));
    expect(fingerprints(again, ['员工'])).toEqual(before);
    expect(snapshotOf(again).tables.Settings!.sheetName).toBe('设置 (2)');

    const spy = spyPort(xlsxPort(again));
    const second = await initWorkbook(spy.port);
    expect(second.created).toEqual([]);
    expect(spy.plans).toEqual([]);
  });

  it('makes an English workbook: sheet names are the table names, English headers and words', async () => {
    const { wb } = await initialized('en');
    expect(wb.worksheets.map((w) => w.name)).toEqual(INPUT_TABLES.map((t) => t.name));
    const snap = snapshotOf(wb);
    expect(snap.tables.Staff!.headers).toEqual(['Staff ID', 'Name', 'Role', 'Region', 'Active']);
    expect(detectLang(snap)).toBe('en');
    expect(tableValues(wb, 'ScoringScheme').rows[0]).toEqual(['Manager', 'sales_completion', 40, 1, 'Higher']);
  });
});

describe('appendRows', () => {
  it('writes good rows into the table, which expands; enum words in the workbook language', async () => {
    const { wb, file } = await initialized();
    const spy = spyPort(xlsxPort(wb));
    const out = await appendRows(spy.port, 'Staff', STAFF, { asOf: AS_OF });
    expect(out).toMatchObject({ kind: 'appended', table: 'Staff', sheetName: '员工', firstRow: 2, count: 2 });
    expect(spy.reads).toBe(1);
    expect(spy.plans).toEqual([{ steps: [{ kind: 'appendRows', tableName: 'Staff', rows: expect.any(Array) }] }]);
    const again = await saveAndReload(wb, file);
    expect(tableModel(again, 'Staff').tableRef).toBe('A1:E3');
    expect(tableValues(again, 'Staff').rows).toEqual([
      ['M01', '周经理', '经理', null, null],
      ['S01', '郑专员', '专员', '华东', '是'],
    ]);

    // More rows go below the last filled one, and the table grows with them.
    const more = await appendRows(xlsxPort(again), 'Staff', [{ staffId: 'S02', name: '冯专员', role: '专员' }], { asOf: AS_OF });
    expect(more).toMatchObject({ kind: 'appended', firstRow: 4, count: 1 });
    const third = await saveAndReload(again, file);
    expect(tableModel(third, 'Staff')).toMatchObject({ tableRef: 'A1:E4', autoFilterRef: 'A1:E4' });
    expect(snapshotOf(third).tables.Staff!.rows).toHaveLength(3);
    // The new row has the column's formats and dropdowns.
    const ws = third.getWorksheet('员工')!;
    expect(ws.getCell('A4').numFmt).toBe('@');
    expect((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model['C4']).toMatchObject({ type: 'list' });
  });

  it('refuses the lot when a new row has an error, and writes nothing', async () => {
    const { wb } = await initialized();
    await appendRows(xlsxPort(wb), 'Staff', STAFF, { asOf: AS_OF });
    const before = fingerprints(wb, ZH_SHEETS);
    const spy = spyPort(xlsxPort(wb));
    const out = await appendRows(
      spy.port,
      'Staff',
      [
        { staffId: 'S02', name: '冯专员', role: '专员' },
        { staffId: 'S01', name: '重复', role: '专员' },
        { staffId: 'S03', name: '无岗位', role: '老板' },
      ],
      { asOf: AS_OF },
    );
    expect(out.kind).toBe('refused');
    if (out.kind !== 'refused') return;
    expect(out.findings.filter((f) => f.severity === 'error').map((f) => [f.row, f.code])).toEqual([
      [5, 'duplicate_id'],
      [6, 'enum'],
    ]);
    expect(spy.plans).toEqual([]);
    expect(fingerprints(wb, ZH_SHEETS)).toEqual(before);
  });

  it('checks references against the workbook: a customer of an unknown specialist is refused', async () => {
    const { wb } = await initialized();
    await appendRows(xlsxPort(wb), 'Staff', STAFF, { asOf: AS_OF });
    const out = await appendRows(xlsxPort(wb), 'Customers', [{ customerId: 'C01', name: '甲公司', ownerId: 'S99', status: '潜在', createdOn: AS_OF }], { asOf: AS_OF });
    expect(out).toMatchObject({ kind: 'refused', findings: [expect.objectContaining({ code: 'ref', row: 2, column: '负责专员' })] });
  });

  it('keeps formula-looking text as text and dates as dates', async () => {
    const { wb, file } = await initialized();
    await appendRows(xlsxPort(wb), 'Staff', STAFF, { asOf: AS_OF });
    const tricky = { name: '=HYPERLINK("http://x","y")', contact: '@boss', address: '-3层', notes: '+1+2' };
    const out = await appendRows(
      xlsxPort(wb),
      'Customers',
      [{ customerId: 'C01', ownerId: 'S01', status: '潜在', createdOn: new Date(Date.UTC(2026, 6, 1)), ...tricky }],
      { asOf: AS_OF },
    );
    expect(out.kind).toBe('appended');
    const again = await saveAndReload(wb, file);
    const ws = again.getWorksheet('客户档案')!;
    const row = snapshotOf(again).tables.Customers!;
    const at = (h: string) => row.headers.indexOf(h);
    expect(row.rows[0][at('客户名称')]).toBe(tricky.name);
    expect(row.rows[0][at('联系人')]).toBe(tricky.contact);
    expect(row.rows[0][at('地址')]).toBe(tricky.address);
    expect(row.rows[0][at('备注')]).toBe(tricky.notes);
    expect(ws.getCell(2, at('客户名称') + 1).type).toBe(ExcelJS.ValueType.String);
    // No formula anywhere in the sheet's XML.
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheets = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/);
    for (const s of sheets) expect(await s.async('string')).not.toContain('<f>');
    // The date: a date cell under the column's date format.
    const { value, numFmt } = ws.getCell(2, at('建档日期') + 1);
    expect(value).toEqual(new Date(Date.UTC(2026, 6, 1)));
    expect(numFmt).toBe('yyyy-mm-dd');
  });

  it('writes in the table’s own column order, user columns blank, into a table made by someone else', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('People');
    ws.addTable({
      name: 'Staff',
      ref: 'B2',
      columns: [{ name: 'Active' }, { name: 'my notes' }, { name: 'NAME' }, { name: '员工编号' }, { name: 'Role' }],
      rows: [['Yes', 'keep me', 'Zhou', 'M01', 'Manager']],
    });
    await initWorkbook(xlsxPort(wb), { lang: 'en' });
    const file = join(tempDir(), 'own.xlsx');
    const loaded = await saveAndReload(wb, file);
    const out = await appendRows(xlsxPort(loaded), 'Staff', [{ staffId: 'S01', name: 'Zheng', role: '专员', active: false }], { asOf: AS_OF });
    expect(out).toMatchObject({ kind: 'appended', firstRow: 4 });
    const again = await saveAndReload(loaded, file);
    expect(tableModel(again, 'Staff').tableRef).toBe('B2:F4');
    expect(tableValues(again, 'Staff').rows).toEqual([
      ['Yes', 'keep me', 'Zhou', 'M01', 'Manager'],
      ['No', null, 'Zheng', 'S01', 'Specialist'],
    ]);
  });

  it('says which table or column is missing instead of writing', async () => {
    const wb = new ExcelJS.Workbook();
    const out = await appendRows(xlsxPort(wb), 'Staff', STAFF, { asOf: AS_OF });
    expect(out).toMatchObject({ kind: 'problems', problems: [{ code: 'missing_table', table: 'Staff' }] });
    await expect(appendRows(xlsxPort(wb), 'Staff', [{ staffid: 'x' }], { asOf: AS_OF })).rejects.toThrow(/no column staffid/);
    await expect(appendRows(xlsxPort(wb), 'Nope', [], { asOf: AS_OF })).rejects.toThrow(/no input table/);
  });
});

describe('recalculate', () => {
  /** The demo workbook, and a copy with the outputs of 2026Q3 written. */
  let file: string;
  let withOutputs: string;
  beforeAll(async () => {
    const dir = tempDir('kam-recalc-');
    file = join(dir, 'demo.xlsx');
    await writeNewWorkbook(file, { lang: 'zh', demo: true, seed: 3, scale: 0.3, asOf: AS_OF });
    withOutputs = join(dir, 'outputs.xlsx');
    const wb = await loadWorkbook(file);
    await recalculate(xlsxPort(wb), { period: '2026Q3', asOf: AS_OF });
    await saveAtomically(wb, withOutputs);
  });

  /** Period label → number of rows, in the order the periods appear. */
  function periods(wb: ExcelJS.Workbook, table: string): [string, number][] {
    const { headers, rows } = tableValues(wb, table);
    const at = headers.indexOf('期间');
    const counts: [string, number][] = [];
    for (const r of rows) {
      const p = String(r[at]);
      if (counts.length === 0 || counts[counts.length - 1][0] !== p) counts.push([p, 0]);
      counts[counts.length - 1][1]++;
    }
    return counts;
  }

  it('keeps exactly one set of rows per period: Q3 twice, then Q2, then Q3 again', async () => {
    const book = join(tempDir(), 'book.xlsx');
    copyFileSync(file, book);
    let wb = await loadWorkbook(book);
    const inputsBefore = fingerprints(wb, ZH_SHEETS);
    const spy = spyPort(xlsxPort(wb));
    const first = await recalculate(spy.port, { period: '2026Q3', asOf: AS_OF });
    expect(first.kind).toBe('written');
    if (first.kind !== 'written') return;
    expect(spy.reads).toBe(1);
    expect(spy.plans).toHaveLength(1);
    expect(spy.plans[0].steps.map((s) => s.kind)).toEqual(['createTable', 'createTable', 'createTable', 'activate']);
    const q3 = { KpiResults: first.tables.KpiResults.rows, Scorecards: first.tables.Scorecards.rows, Pipeline: first.tables.Pipeline.rows };
    expect(q3.KpiResults).toBeGreaterThan(24);

    wb = await saveAndReload(wb, book);
    const spy2 = spyPort(xlsxPort(wb));
    const second = await recalculate(spy2.port, { period: '2026Q3', asOf: AS_OF });
    expect(spy2.plans[0].steps.map((s) => s.kind)).toEqual(['replaceRows', 'replaceRows', 'replaceRows', 'activate']);
    expect(second).toMatchObject({ kind: 'written', tables: { KpiResults: { created: false, rows: q3.KpiResults, totalRows: q3.KpiResults } } });
    wb = await saveAndReload(wb, book);
    for (const t of OUTPUT_TABLE_NAMES) expect(periods(wb, t)).toEqual([['2026Q3', q3[t]]]);

    const q2 = await recalculate(xlsxPort(wb), { period: '2026Q2', asOf: AS_OF });
    if (q2.kind !== 'written') throw new Error(q2.kind);
    wb = await saveAndReload(wb, book);
    for (const t of OUTPUT_TABLE_NAMES) {
      expect(periods(wb, t)).toEqual([
        ['2026Q3', q3[t]],
        ['2026Q2', q2.tables[t].rows],
      ]);
      // The table covers exactly its rows.
      expect(tableModel(wb, t).tableRef).toMatch(new RegExp(`^A1:[A-Z]+${1 + q3[t] + q2.tables[t].rows}$`));
    }

    const third = await recalculate(xlsxPort(wb), { period: '2026Q3', asOf: AS_OF });
    if (third.kind !== 'written') throw new Error(third.kind);
    wb = await saveAndReload(wb, book);
    for (const t of OUTPUT_TABLE_NAMES) {
      expect(periods(wb, t)).toEqual([
        ['2026Q2', q2.tables[t].rows],
        ['2026Q3', q3[t]],
      ]);
    }

    // The values are the report's.
    const { headers, rows } = tableValues(wb, 'KpiResults');
    const col = (h: string) => headers.indexOf(h);
    for (const r of third.report.results) {
      const row = rows.find((x) => x[col('期间')] === '2026Q3' && (x[col('员工编号')] ?? null) === r.staffId && x[col('指标代码')] === r.kpi)!;
      expect(row[col('值')] ?? null).toBe(r.value);
      expect(row[col('分母')] ?? null).toBe(r.denominator);
    }

    // Inputs: every value, type, number format, validation, table and column as before.
    expect(fingerprints(wb, ZH_SHEETS)).toEqual(inputsBefore);
    // The KPI sheet is in front, alone selected (ExcelJS forgets tabSelected on loading: read the file).
    expect(wb.views[0]).toMatchObject({ activeTab: wb.worksheets.findIndex((w) => w.name === 'KPI结果') });
    expect(await selectedSheets(book)).toEqual(['KPI结果']);
  });

  it('formats the output columns: text, percentages of rates, numbers', async () => {
    const wb = await loadWorkbook(withOutputs);
    await recalculate(xlsxPort(wb), { period: '2026Q2', asOf: AS_OF });
    const cards = wb.getWorksheet('考核汇总')!;
    const headers = (cards.getRow(1).values as CellValue[]).slice(1);
    const at = (h: string) => headers.indexOf(h) + 1;
    expect(cards.getCell(2, at('大客户销售计划完成率')).numFmt).toBe('0.0%');
    expect(cards.getCell(2, at('综合得分')).numFmt).toBe('0.0');
    expect(cards.getCell(2, at('期间')).numFmt).toBe('@');
    const funnel = wb.getWorksheet('商机漏斗')!;
    expect(funnel.getCell('F2').numFmt).toBe('#,##0.00');
    // Rows added by a later recalculation carry the same formats.
    const last = tableValues(wb, 'Pipeline').rows.length + 1;
    expect(funnel.getCell(`F${last}`).numFmt).toBe('#,##0.00');
  });

  it('writes an English workbook’s outputs in English, found again by their English headers', async () => {
    const en = join(tempDir(), 'en.xlsx');
    await writeNewWorkbook(en, { lang: 'en', demo: true, seed: 5, scale: 0.2, asOf: AS_OF });
    let wb = await loadWorkbook(en);
    const out = await recalculate(xlsxPort(wb), { period: '2026Q3', asOf: AS_OF });
    expect(out).toMatchObject({ kind: 'written', lang: 'en', tables: { KpiResults: { sheetName: 'KpiResults' }, Scorecards: { sheetName: 'Scorecards' } } });
    wb = await saveAndReload(wb, en);
    expect(tableValues(wb, 'Pipeline').headers).toEqual(['Period', 'Staff ID', 'Name', 'Stage', 'Count', 'Expected Amount (10k CNY)', 'Weighted Amount (10k CNY)']);
    await recalculate(xlsxPort(wb), { period: '2026Q3', asOf: AS_OF });
    const again = tableValues(wb, 'KpiResults');
    if (out.kind !== 'written') throw new Error(out.kind);
    expect(again.rows).toHaveLength(out.tables.KpiResults.rows);
  });

  it('reports the Scorecards columns an existing table lacks when the scheme gains an item', async () => {
    const wb = await loadWorkbook(withOutputs);
    const port = xlsxPort(wb);
    const ws = wb.getWorksheet('考核方案')!;
    const schemeRows = tableValues(wb, 'ScoringScheme').rows.length;
    await appendRows(port, 'ScoringScheme', [{ role: '专员', kpi: 'satisfaction', weight: 10, target: 80 }], { asOf: AS_OF });
    expect(ws.getCell(2 + schemeRows, 2).value).toBe('satisfaction');
    const out = await recalculate(port, { period: '2026Q4', asOf: AS_OF });
    expect(out).toMatchObject({ kind: 'written', tables: { Scorecards: { missingColumns: ['大客户满意程度'] }, KpiResults: { missingColumns: [] } } });
  });

  it('writes nothing when the workbook cannot be computed or an output lost its period column', async () => {
    const wb = await loadWorkbook(file);
    wb.removeWorksheet(wb.getWorksheet('满意度调查')!.id);
    const spy = spyPort(xlsxPort(wb));
    expect(await recalculate(spy.port, { period: '2026Q3', asOf: AS_OF })).toMatchObject({ kind: 'problems', problems: [{ code: 'missing_table', table: 'Surveys' }] });
    expect(spy.plans).toEqual([]);

    const wb2 = await loadWorkbook(withOutputs);
    wb2.getWorksheet('商机漏斗')!.getCell('A1').value = '季度';
    const spy2 = spyPort(xlsxPort(wb2));
    expect(await recalculate(spy2.port, { period: '2026Q3', asOf: AS_OF })).toMatchObject({
      kind: 'problems',
      problems: [{ code: 'missing_column', table: 'Pipeline', column: { zh: '期间' }, sheetName: '商机漏斗' }],
    });
    expect(spy2.plans).toEqual([]);
    await expect(recalculate(xlsxPort(wb2), { period: '2026Q5', asOf: AS_OF })).rejects.toThrow(/not a period/);
  });

  it('refuses in strict mode when rows would be left out, writing nothing', async () => {
    const { wb } = await initialized();
    await appendRows(xlsxPort(wb), 'Staff', STAFF, { asOf: AS_OF });
    // A bad amount: the contract is left out of sales (written as a plain cell, as a person would).
    const ws = wb.getWorksheet('合同')!;
    ['K1', 'C01', 'S01', AS_OF - 30, -5, '有效'].forEach((v, i) => (ws.getCell(2, i + 1).value = v));
    await appendRows(xlsxPort(wb), 'Customers', [{ customerId: 'C01', name: '甲', ownerId: 'S01', status: '潜在', createdOn: AS_OF - 100 }], { asOf: AS_OF });
    const spy = spyPort(xlsxPort(wb));
    expect(await recalculate(spy.port, { period: '2026Q3', asOf: AS_OF, strict: true })).toMatchObject({ kind: 'refused', excluded: { Contracts: 1 } });
    expect(spy.plans).toEqual([]);
  });
});

describe('generateForm', () => {
  const FIXTURE = join(__dirname, '..', 'fixtures', 'example-2025Q4.xlsx');
  const Q4_AS_OF = serialFromUtc(2026, 1, 10);

  it('reads once and writes once: the form on a new sheet, brought to the front; the tables as they were', async () => {
    const wb = await loadWorkbook(FIXTURE);
    const before = snapshotOf(wb);
    const spy = spyPort(xlsxPort(wb));
    const out = await generateForm(spy.port, { template: 'assessment-form', staff: 'S01', period: '2025Q4', asOf: Q4_AS_OF });
    expect(out).toMatchObject({ kind: 'generated', sheetName: '季度绩效考核表 S01 2025Q4', grid: { template: 'assessment-form', lang: 'zh', subject: 'S01 2025Q4' } });
    expect(spy.reads).toBe(1);
    expect(spy.plans.map((p) => p.steps.map((s) => [s.kind, 'sheetName' in s ? s.sheetName : null]))).toEqual([
      [
        ['addSheet', '季度绩效考核表 S01 2025Q4'],
        ['activate', '季度绩效考核表 S01 2025Q4'],
      ],
    ]);
    expect(wb.worksheets[wb.worksheets.length - 1].name).toBe('季度绩效考核表 S01 2025Q4');
    expect(snapshotOf(wb)).toEqual(before);
    // The same again: a name of its own; another language when asked.
    const again = await generateForm(xlsxPort(wb), { template: 'assessment-form', staff: 'S01', period: '2025Q4', asOf: Q4_AS_OF });
    expect(again).toMatchObject({ kind: 'generated', sheetName: '季度绩效考核表 S01 2025Q4 (2)' });
    const en = await generateForm(xlsxPort(wb), { template: 'complaint-form', complaint: 'P1', asOf: Q4_AS_OF, lang: 'en' });
    expect(en).toMatchObject({ kind: 'generated', sheetName: 'Complaint P1', grid: { lang: 'en', title: 'Customer Complaint Form' } });
  });

  it('writes nothing for an unknown or missing subject, or a workbook lacking a table', async () => {
    const wb = await loadWorkbook(FIXTURE);
    const spy = spyPort(xlsxPort(wb));
    expect(await generateForm(spy.port, { template: 'customer-profile', customer: 'C99', asOf: Q4_AS_OF })).toMatchObject({
      kind: 'error',
      error: { code: 'unknown_customer', id: 'C99' },
    });
    expect(await generateForm(spy.port, { template: 'visit-report', asOf: Q4_AS_OF })).toMatchObject({ kind: 'error', error: { code: 'missing_subject' } });
    wb.removeWorksheet(wb.getWorksheet('投诉')!.id);
    expect(await generateForm(spy.port, { template: 'complaint-form', complaint: 'P1', asOf: Q4_AS_OF })).toMatchObject({
      kind: 'problems',
      problems: [{ code: 'missing_table', table: 'Complaints' }],
    });
    expect(spy.plans).toEqual([]);
    await expect(generateForm(spy.port, { template: 'visit-plan', staff: 'S01', period: '2025Q5', asOf: Q4_AS_OF })).rejects.toThrow(/not a period/);
  });
});
