/**
 * The ExcelJS adapter of the WorkbookPort: reading owned tables, the four write steps on
 * tables loaded from files (whose `rows` ExcelJS does not have), atomic saving, and a
 * `kam kpi --write`-style run on the worked example written by another program (openpyxl).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBook } from '../../src/domain/book';
import { CellValue } from '../../src/domain/cells';
import { serialFromUtc } from '../../src/domain/dates';
import { KpiReport, computeKpis } from '../../src/domain/kpi';
import { parsePeriod } from '../../src/domain/periods';
import { INPUT_TABLES } from '../../src/domain/tables';
import { validate } from '../../src/domain/validate';
import { saveAtomically, xlsxPort } from '../../src/workbook/xlsx/port';
import { loadWorkbook, readXlsxSnapshot } from '../../src/workbook/xlsx/read';
import { writeKpisToFile } from '../../src/cli/writeKpis';
import { openPackageFile } from '../../src/workbook/xlsx/package/file';
import expectedQ4 from '../fixtures/example-2025Q4.expected.json';
import { fingerprints, saveAndReload, removeTempDirs, tableModel, tableValues, tempDir } from '../helpers/xlsx';

const FIXTURE = join(__dirname, '../fixtures/example-2025Q4.xlsx');
const AS_OF = serialFromUtc(2026, 1, 10);
const ZH_SHEETS = INPUT_TABLES.map((t) => t.sheet.zh);
afterAll(removeTempDirs);

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function copyFixture(): string {
  const file = join(tempDir('kam-fixture-'), 'example.xlsx');
  copyFileSync(FIXTURE, file);
  return file;
}

/** A workbook with one table T on sheet S: header a, b, c and the given rows. */
function smallBook(rows: CellValue[][] = [['x', 1, true]]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.addTable({ name: 'T', ref: 'A1', columns: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], rows: rows as ExcelJS.CellValue[][] });
  return wb;
}

async function reportOf(file: string, period: string): Promise<KpiReport> {
  const read = readBook(await readXlsxSnapshot(file));
  validate(read, { asOf: AS_OF });
  return computeKpis(read.book, parsePeriod(period)!, AS_OF);
}

describe('saveAtomically', () => {
  it('replaces the file with the new workbook, keeping its permissions and leaving no temp file', async () => {
    const file = copyFixture();
    chmodSync(file, 0o640);
    const wb = await loadWorkbook(file);
    wb.getWorksheet('员工')!.getCell('H1').value = 'note';
    await saveAtomically(wb, file);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(file, '..'))).toEqual(['example.xlsx']);
    expect((await loadWorkbook(file)).getWorksheet('员工')!.getCell('H1').value).toBe('note');
  });

  it('leaves the original byte-identical and no temp file when writing fails', async () => {
    const file = copyFixture();
    const before = sha(file);
    const wb = await loadWorkbook(file);
    wb.xlsx.writeFile = async (temp: string) => {
      writeFileSync(temp, 'half a workbook');
      throw new Error('disk full');
    };
    await expect(saveAtomically(wb, file)).rejects.toThrow('disk full');
    expect(sha(file)).toBe(before);
    expect(readdirSync(join(file, '..'))).toEqual(['example.xlsx']);
  });

  it('fails cleanly into a folder that does not exist', async () => {
    const dir = tempDir();
    await expect(saveAtomically(new ExcelJS.Workbook(), join(dir, 'missing', 'x.xlsx'))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeKpisToFile on a workbook written by openpyxl', () => {
  let file: string;
  let inputsBefore: ReturnType<typeof fingerprints>;
  let report: KpiReport;

  beforeAll(async () => {
    file = copyFixture();
    inputsBefore = fingerprints(await loadWorkbook(file), ZH_SHEETS);
    report = await reportOf(file, '2025Q4');
    const out = await writeKpisToFile(file, '2025Q4', AS_OF);
    expect(out.kind).toBe('written');
  });

  it('adds the three output sheets after the input sheets, KPI结果 in front', async () => {
    const wb = await loadWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...ZH_SHEETS, 'KPI结果', '考核汇总', '商机漏斗']);
    expect(wb.views[0].activeTab).toBe(ZH_SHEETS.length);
    expect(tableModel(wb, 'KpiResults')).toMatchObject({ sheet: 'KPI结果', tableRef: `A1:L${1 + report.results.length + 4}` });
  });

  it('stores in KPI结果 exactly the values `kam kpi --json` prints', async () => {
    const { headers, rows } = tableValues(await loadWorkbook(file), 'KpiResults');
    const col = (h: string) => headers.indexOf(h);
    for (const r of expectedQ4.results) {
      const row = rows.find((x) => (x[col('员工编号')] ?? null) === r.staffId && x[col('指标代码')] === r.kpi);
      expect(row).toBeDefined();
      for (const [h, v] of [
        ['分子', r.numerator],
        ['分母', r.denominator],
        ['值', r.value],
      ] as const) {
        const cell = row![col(h)] ?? null;
        if (v === null) expect(cell).toBeNull();
        else expect(cell as number).toBeCloseTo(v, 9);
      }
    }
    // The clerk's Assessments items are there too, scored.
    expect(rows.filter((x) => x[col('员工编号')] === 'C01').map((x) => x[col('得分')])).toEqual(
      report.scores.find((s) => s.staffId === 'C01')!.items.map((i) => i.score),
    );
  });

  it('stores the scorecards and the funnel of the report', async () => {
    const wb = await loadWorkbook(file);
    const cards = tableValues(wb, 'Scorecards');
    const at = (h: string) => cards.headers.indexOf(h);
    expect(cards.rows.map((r) => [r[at('员工编号')], r[at('综合得分')], r[at('考核结果')]])).toEqual(
      report.scores.map((s) => [s.staffId, s.total, s.total === null ? null : s.warning ? '警告' : '合格']),
    );
    const funnel = tableValues(wb, 'Pipeline');
    expect(funnel.rows.map((r) => [r[1] ?? null, r[4], r[5], r[6]])).toEqual(report.pipeline.map((p) => [p.staffId, p.count, p.expectedAmount, p.weightedAmount]));
  });

  it('leaves every input sheet as it was: values, types, formats, validations, tables', async () => {
    expect(fingerprints(await loadWorkbook(file), ZH_SHEETS)).toEqual(inputsBefore);
  });

  it('adds the year’s rows next to the quarter’s, and writes nothing when the workbook cannot be computed', async () => {
    const out = await writeKpisToFile(file, '2025', AS_OF, undefined, { opened: await openPackageFile(file) });
    expect(out.kind).toBe('written');
    const { headers, rows } = tableValues(await loadWorkbook(file), 'KpiResults');
    const periods = rows.map((r) => r[headers.indexOf('期间')]);
    expect(new Set(periods)).toEqual(new Set(['2025Q4', '2025']));
    expect(periods.indexOf('2025')).toBe(periods.lastIndexOf('2025Q4') + 1);

    const broken = join(tempDir(), 'broken.xlsx');
    const wb = await loadWorkbook(file);
    wb.removeWorksheet(wb.getWorksheet('合同')!.id);
    await wb.xlsx.writeFile(broken);
    const before = sha(broken);
    expect(await writeKpisToFile(broken, '2025Q4', AS_OF)).toMatchObject({ kind: 'problems' });
    expect(sha(broken)).toBe(before);
  });
});

describe('xlsxPort', () => {
  it('recalculates twice in one session (tables made in memory) as across saves', async () => {
    const file = copyFixture();
    const wb = await openPackageFile(file);
    expect((await writeKpisToFile(file, '2025Q4', AS_OF, 'en', { opened: wb })).kind).toBe('written');
    expect((await writeKpisToFile(file, '2025', AS_OF, undefined, { opened: wb })).kind).toBe('written');
    expect((await writeKpisToFile(file, '2025Q4', AS_OF, undefined, { opened: wb })).kind).toBe('written');
    const again = await loadWorkbook(file);
    expect(again.worksheets.slice(-3).map((w) => w.name)).toEqual(['KpiResults', 'Scorecards', 'Pipeline']);
    const { headers, rows } = tableValues(again, 'Pipeline');
    expect(headers[0]).toBe('Period');
    expect(rows.map((r) => r[0])).toEqual([...Array(18).fill('2025'), ...Array(18).fill('2025Q4')]);
    expect(tableModel(again, 'Pipeline')).toMatchObject({ tableRef: 'A1:G37', autoFilterRef: 'A1:G37' });
  });

  it('reads owned tables by name (any case), with their sheet, headers and rows', async () => {
    const port = xlsxPort(smallBook([['x', 1, true], [null, null, null]]));
    const reply = await port.read({ inputs: false, owned: ['t', 'Missing'] });
    expect(reply.owned).toEqual({ t: { sheetName: 'S', headers: ['a', 'b', 'c'], rows: [['x', 1, true], [null, null, null]] }, Missing: null });
    expect(reply.sheetNames).toEqual(['S']);
    expect(reply.tableNames).toEqual(['T']);
    expect(reply.snapshot).toEqual({ tables: {} });
  });

  it('creates a table that stores text as text, whatever it starts with', async () => {
    const wb = new ExcelJS.Workbook();
    await xlsxPort(wb).apply({
      steps: [
        {
          kind: 'createTable',
          sheetName: '新表',
          tableName: 'New',
          headers: ['文本', '数', '日期'],
          rows: [
            ['=1+1', 1.5, serialFromUtc(2026, 7, 1)],
            ['@x', -2, null],
            ['-y', Number.NaN, null],
            ['+86', null, null],
          ],
          columns: [{ numFmt: '@', width: 12 }, { numFmt: '0.0%' }, { numFmt: 'yyyy-mm-dd', list: ['a', 'b'] }],
          validationRows: 5,
        },
      ],
    });
    const file = join(tempDir(), 'new.xlsx');
    const again = await saveAndReload(wb, file);
    expect(tableValues(again, 'New').rows).toEqual([
      ['=1+1', 1.5, new Date(Date.UTC(2026, 6, 1))],
      ['@x', -2, null],
      ['-y', null, null],
      ['+86', null, null],
    ]);
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('<f>');
    const ws = again.getWorksheet('新表')!;
    expect([ws.getCell('A1').numFmt, ws.getCell('A2').numFmt, ws.getCell('B3').numFmt, ws.getCell('C2').numFmt]).toEqual([undefined, '@', '0.0%', 'yyyy-mm-dd']);
    expect(ws.getColumn(1).width).toBe(12);
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(dv['C2']).toMatchObject({ type: 'list', formulae: ['"a,b"'] });
    expect(dv['C10']).toBeDefined(); // 4 rows + 5 rows of room
    expect(dv['C11']).toBeUndefined();
  });

  it('keeps one blank row in an empty table', async () => {
    const wb = new ExcelJS.Workbook();
    await xlsxPort(wb).apply({ steps: [{ kind: 'createTable', sheetName: 'E', tableName: 'Empty', headers: ['a', 'b'], rows: [], columns: [], validationRows: 0 }] });
    const again = await saveAndReload(wb, join(tempDir(), 'empty.xlsx'));
    expect(tableModel(again, 'Empty').tableRef).toBe('A1:B2');
    await xlsxPort(again).apply({ steps: [{ kind: 'appendRows', tableName: 'Empty', rows: [['x', 1]] }] });
    expect(tableModel(again, 'Empty').tableRef).toBe('A1:B2');
    expect(tableValues(again, 'Empty').rows).toEqual([['x', 1]]);
  });

  it('replaces the body of a loaded table: it grows and shrinks, old rows emptied', async () => {
    const file = join(tempDir(), 'replace.xlsx');
    let wb = await saveAndReload(smallBook([['x', 1, true], ['y', 2, false]]), file);
    await xlsxPort(wb).apply({ steps: [{ kind: 'replaceRows', tableName: 'T', rows: [['p', 1, null], ['q', 2, null], ['r', 3, null]] }] });
    wb = await saveAndReload(wb, file);
    expect(tableModel(wb, 'T')).toMatchObject({ tableRef: 'A1:C4', autoFilterRef: 'A1:C4' });
    expect(tableValues(wb, 'T').rows).toEqual([['p', 1, null], ['q', 2, null], ['r', 3, null]]);

    await xlsxPort(wb).apply({ steps: [{ kind: 'replaceRows', tableName: 'T', rows: [['z', 9, true]] }] });
    wb = await saveAndReload(wb, file);
    expect(tableModel(wb, 'T').tableRef).toBe('A1:C2');
    const ws = wb.getWorksheet('S')!;
    expect([ws.getCell('A3').value, ws.getCell('A4').value]).toEqual([null, null]);

    await xlsxPort(wb).apply({ steps: [{ kind: 'replaceRows', tableName: 'T', rows: [] }] });
    expect(tableModel(wb, 'T').tableRef).toBe('A1:C2');
    expect(tableValues(wb, 'T').rows).toEqual([[null, null, null]]);
  });

  it('will not grow a table over cells below it, nor write a row wider than the table', async () => {
    const wb = smallBook();
    wb.getWorksheet('S')!.getCell('B3').value = 'a note under the table';
    const port = xlsxPort(wb);
    await expect(port.apply({ steps: [{ kind: 'appendRows', tableName: 'T', rows: [['y', 2, null], ['z', 3, null]] }] })).rejects.toThrow(/row 3 .* not empty/);
    expect(wb.getWorksheet('S')!.getCell('A2').value).toBe('x');
    expect(wb.getWorksheet('S')!.getCell('A3').value).toBeNull();
    await expect(port.apply({ steps: [{ kind: 'replaceRows', tableName: 'T', rows: [['y', 2, null, 'extra']] }] })).rejects.toThrow(/does not fit/);
    await expect(port.apply({ steps: [{ kind: 'replaceRows', tableName: 'Nope', rows: [] }] })).rejects.toThrow(/no table Nope/);
  });

  it('appends below an input table that was converted to a plain range', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('员工');
    ws.getCell('B2').value = '员工编号';
    ws.getCell('C2').value = '姓名';
    ws.getCell('B3').value = 'M01';
    ws.getCell('C3').value = '周经理';
    ws.getCell('B3').numFmt = '@';
    await xlsxPort(wb).apply({ steps: [{ kind: 'appendRows', tableName: 'Staff', rows: [['S01', '郑专员']] }] });
    expect([ws.getCell('B4').value, ws.getCell('C4').value, ws.getCell('B4').numFmt]).toEqual(['S01', '郑专员', '@']);
  });

  it('brings a sheet to the front, alone selected, visible', async () => {
    const wb = smallBook();
    const other = wb.addWorksheet('Other', { views: [{ state: 'normal' }] });
    other.state = 'hidden';
    await xlsxPort(wb).apply({ steps: [{ kind: 'activate', sheetName: 'other' }] });
    expect(wb.views[0]).toMatchObject({ activeTab: 1, firstSheet: 0 });
    expect(other.state).toBe('visible');
    expect((other.views[0] as { tabSelected?: boolean }).tabSelected).toBe(true);
    await expect(xlsxPort(wb).apply({ steps: [{ kind: 'activate', sheetName: 'nope' }] })).rejects.toThrow(/no sheet/);
  });

  it('refuses to move a table with a totals row', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addTable({ name: 'T', ref: 'A1', totalsRow: true, columns: [{ name: 'a', totalsRowLabel: 'Σ' }, { name: 'b', totalsRowFunction: 'sum' }], rows: [['x', 1]] });
    await expect(xlsxPort(wb).apply({ steps: [{ kind: 'replaceRows', tableName: 'T', rows: [] }] })).rejects.toThrow(/totals row/);
  });
});
