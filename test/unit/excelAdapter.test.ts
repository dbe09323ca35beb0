/**
 * The Office.js adapter on the Excel simulator: the same snapshot as the ExcelJS reader for the
 * same workbook, a constant number of syncs under the payload limit, chunks above it, user text
 * kept as text, tables that grow by writing below them.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/domain/cells';
import { serialFromDate } from '../../src/domain/dates';
import type { TableSnapshot, WorkbookSnapshot } from '../../src/domain/snapshot';
import { Contracts, Customers, Plans, Staff, Visits } from '../../src/domain/tables';
import { PAYLOAD_LIMIT_BYTES, SimWorkbook, Simulator } from '../../src/preview/simulator';
import { officePort } from '../../src/workbook/excel';
import type { ExcelRun } from '../../src/workbook/excel/api';
import { pointsFromWidth } from '../../src/workbook/excel/apply';
import { READ_BYTES_PER_CELL, SYNC_BUDGET_BYTES, planReads } from '../../src/workbook/excel/budget';
import { needsTextPrefix, toExcel } from '../../src/workbook/excel/cells';
import type { WriteStep } from '../../src/workbook/port';
import { snapshotOf } from '../../src/workbook/xlsx/read';
import { tableSnapshot } from '../helpers/snapshot';

// ---------------------------------------------------------------------------------------------
// The same workbook for ExcelJS and for the simulator

/** Tables and plain ranges, headers in both languages, columns reordered, an extra user column, blanks. */
function content(): WorkbookSnapshot {
  return {
    tables: {
      Staff: tableSnapshot(
        Staff,
        [
          { staffId: 'S1', name: '张三', role: '专员', region: '华东', 备用: 'x' },
          { staffId: 'S2', name: '李四', role: '经理', region: null, 备用: null },
        ],
        { columns: ['name', 'staffId', 'role', 'region'], extraHeaders: ['备用'] },
      ),
      Customers: tableSnapshot(
        Customers,
        [
          { customerId: 'C1', name: 'Alpha Ltd', ownerId: 'S1', status: 'Active', createdOn: new Date(Date.UTC(2025, 0, 5)), annualValue: 120.5 },
          {},
          { customerId: 'C2', name: 'Beta', ownerId: 'S1', status: 'Prospect', createdOn: new Date(Date.UTC(2025, 5, 30)), annualValue: 0 },
        ],
        { lang: 'en', tableName: null, headerRow: 3, firstColumn: 2, columns: ['ownerId', 'customerId', 'name', 'status', 'createdOn', 'annualValue'] },
      ),
      Contracts: tableSnapshot(Contracts, [{ contractId: 'K1', customerId: 'C1', staffId: 'S1', signedOn: new Date(Date.UTC(2025, 2, 1)), amount: 30 }], { lang: 'en' }),
      Plans: tableSnapshot(Plans, []),
      Visits: tableSnapshot(Visits, [{ visitId: 'V1', customerId: 'C1', staffId: 'S1', visitType: '首访', plannedOn: 45700, status: '计划' }], { tableName: null }),
    },
  };
}

const cellRef = (t: TableSnapshot) => `${String.fromCharCode(64 + t.firstColumn)}${t.headerRow}`;

/** What the ExcelJS reader makes of the content, written to a real .xlsx and loaded back. */
async function xlsxSnapshot(snapshot: WorkbookSnapshot): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  for (const t of Object.values(snapshot.tables)) {
    if (!t) continue;
    const ws = wb.getWorksheet(t.sheetName) ?? wb.addWorksheet(t.sheetName);
    if (t.tableName) {
      ws.addTable({
        name: t.tableName,
        ref: cellRef(t),
        headerRow: true,
        columns: t.headers.map((h) => ({ name: String(h) })),
        rows: (t.rows.length > 0 ? t.rows : [t.headers.map(() => null)]) as ExcelJS.CellValue[][],
      });
    } else {
      [t.headers, ...t.rows].forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== null && v !== undefined) ws.getCell(t.headerRow + i, t.firstColumn + j).value = v as ExcelJS.CellValue;
        }),
      );
    }
  }
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return snapshotOf(back);
}

/** Office.js gives dates as serials: the only difference the engine is built to accept. */
function datesAsSerials(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const fix = (v: CellValue) => (v instanceof Date ? serialFromDate(v) : v);
  const tables: Record<string, TableSnapshot> = {};
  for (const [k, t] of Object.entries(snapshot.tables)) if (t) tables[k] = { ...t, headers: t.headers.map(fix), rows: t.rows.map((r) => r.map(fix)) };
  return { tables };
}

function simulator(snapshot = content(), options?: ConstructorParameters<typeof Simulator>[1]): Simulator {
  return new Simulator(SimWorkbook.fromSnapshot(snapshot), options);
}

// ---------------------------------------------------------------------------------------------

describe('the Office.js adapter: read', () => {
  it('accepts Excel.run and the simulator\'s run alike', () => {
    const fromSimulator: ExcelRun = new Simulator().run;
    expect(typeof officePort(fromSimulator).read).toBe('function');
  });

  it('gives the snapshot the ExcelJS reader gives for the same workbook (tables, plain ranges, reordered columns)', async () => {
    const expected = datesAsSerials(await xlsxSnapshot(content()));
    const reply = await officePort(simulator().run).read({ inputs: true });
    expect(reply.snapshot).toEqual(expected);
    expect(Object.keys(reply.snapshot.tables).sort()).toEqual(['Contracts', 'Customers', 'Plans', 'Staff', 'Visits']);
    expect(reply.snapshot.tables.Customers).toMatchObject({ tableName: null, sheetName: 'Customers', headerRow: 3, firstColumn: 2 });
  });

  it('lists every sheet and table name', async () => {
    const reply = await officePort(simulator().run).read({ inputs: false });
    expect(reply.sheetNames).toEqual(['员工', 'Customers', 'Contracts', '计划指标', '拜访记录']);
    expect(reply.tableNames).toEqual(['Staff', 'Contracts', 'Plans']);
    expect(reply.snapshot.tables).toEqual({});
  });

  it('reads a small workbook in 2 syncs', async () => {
    const sim = simulator();
    await officePort(sim.run).read({ inputs: true, owned: ['KpiResults'] });
    expect(sim.stats.syncs).toBe(2);
  });

  it('reads owned tables by name (any case), null when absent', async () => {
    const snap = content();
    snap.tables.Kpi = { tableName: 'KpiResults', sheetName: 'KPI结果', headerRow: 1, firstColumn: 1, headers: ['期间', '值'], rows: [['2026Q1', 0.5]] };
    const reply = await officePort(simulator(snap).run).read({ inputs: false, owned: ['kpiresults', 'Scorecards'] });
    expect(reply.owned).toEqual({ kpiresults: { sheetName: 'KPI结果', headers: ['期间', '值'], rows: [['2026Q1', 0.5]] }, Scorecards: null });
  });

  it('leaves out a sheet found by name that is blank', async () => {
    const wb = new SimWorkbook();
    wb.addSheet('员工');
    const reply = await officePort(new Simulator(wb).run).read({ inputs: true });
    expect(reply.snapshot.tables).toEqual({});
  });

  it('still reads (one sync more) when Excel refuses objects reached through null objects', async () => {
    const expected = datesAsSerials(await xlsxSnapshot(content()));
    const sim = simulator(content(), { navigateNullObject: 'error' });
    const reply = await officePort(sim.run).read({ inputs: true, owned: ['KpiResults'] });
    expect(reply.snapshot).toEqual(expected);
    expect(reply.owned).toEqual({ KpiResults: null });
    expect(sim.stats.syncs).toBe(4); // refused shapes, names, shapes, values
  });

  it('reads a big table (60,000 rows × 10 columns) in chunks under the 5 MB limit, syncs growing only with the chunks', async () => {
    const rows = 60_000;
    const headers = ['客户编号', '客户名称', '行业', '区域', '客户等级', '负责专员', '状态', '建档日期', '年合同额（万元）', '备注'];
    const data: CellValue[][] = Array.from({ length: rows }, (_, i) => [
      `C${String(i).padStart(6, '0')}`,
      `客户${i}有限公司`,
      '制造业',
      i % 2 ? '华东' : '华南',
      'A',
      `S${i % 50}`,
      '合作中',
      45000 + (i % 700),
      (i % 1000) / 10,
      i % 7 ? '' : `第${i}行备注`,
    ]);
    const wb = new SimWorkbook();
    wb.setCells('客户档案', 'A1', [headers, ...data]);
    wb.addTableAt('客户档案', `A1:J${rows + 1}`, 'Customers');
    const sim = new Simulator(wb);

    const reply = await officePort(sim.run).read({ inputs: true });

    const chunks = planReads([{ rows: rows + 1, columns: 10 }], SYNC_BUDGET_BYTES, READ_BYTES_PER_CELL).length;
    expect(chunks).toBeGreaterThan(1);
    expect(sim.stats.syncs).toBe(1 + chunks);
    expect(sim.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    const t = reply.snapshot.tables.Customers!;
    expect(t.headers).toEqual(headers);
    expect(t.rows).toHaveLength(rows);
    expect(t.rows[0]).toEqual(['C000000', '客户0有限公司', '制造业', '华南', 'A', 'S0', '合作中', 45000, 0, '第0行备注']);
    expect(t.rows[rows - 1]).toEqual(data[rows - 1].map((v) => (v === '' ? null : v)));
    expect(t.rows[13_107]).toEqual(data[13_107].map((v) => (v === '' ? null : v)));
  });

  it('reads a reply bigger than estimated again in halves', async () => {
    const long = 'x'.repeat(300);
    const snap: WorkbookSnapshot = { tables: { Staff: { tableName: 'Staff', sheetName: '员工', headerRow: 1, firstColumn: 1, headers: ['员工编号', '姓名'], rows: Array.from({ length: 200 }, (_, i) => [`S${i}`, long]) } } };
    const sim = simulator(snap, { payloadLimitBytes: 40_000 });
    const reply = await officePort(sim.run, { budgetBytes: 32_000 }).read({ inputs: true });
    expect(reply.snapshot.tables.Staff!.rows).toHaveLength(200);
    expect(reply.snapshot.tables.Staff!.rows[199]).toEqual(['S199', long]);
    expect(sim.stats.syncs).toBeGreaterThan(2);
  });
});

// ---------------------------------------------------------------------------------------------

const kpiTable = (rows: CellValue[][] = []): WriteStep => ({
  kind: 'createTable',
  sheetName: 'KPI结果',
  tableName: 'KpiResults',
  headers: ['期间', '员工编号', '值'],
  rows,
  columns: [{ numFmt: '@', width: 10 }, { numFmt: '@', list: ['S1', 'S2'] }, { numFmt: '0.00' }],
  validationRows: 20,
});

describe('the Office.js adapter: apply', () => {
  it('creates a table on a new sheet: header, rows, formats, dropdowns, widths, frozen header — in 1 sync', async () => {
    const sim = new Simulator(new SimWorkbook());
    sim.workbook.addSheet('Sheet1');
    await officePort(sim.run).apply({ steps: [kpiTable([['2026Q1', 'S1', 0.5]])] });
    expect(sim.stats.syncs).toBe(1);
    const dump = sim.workbook.dump();
    expect(dump.tables).toEqual([{ name: 'KpiResults', sheet: 'KPI结果', address: "'KPI结果'!A1:C2", showHeaders: true, showTotals: false, style: 'TableStyleMedium2' }]);
    const sheet = dump.sheets.find((s) => s.name === 'KPI结果')!;
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.columnWidths).toEqual({ A: pointsFromWidth(10) });
    expect(sheet.numberFormats).toEqual([
      { address: 'A1:A21', numberFormat: '@' },
      { address: 'B1:B21', numberFormat: '@' },
      { address: 'C1:C21', numberFormat: '0.00' },
    ]);
    expect(sheet.validations).toEqual([{ address: 'B2:B21', rule: { list: { inCellDropDown: true, source: 'S1,S2' } } }]);
    expect(sim.workbook.values('KPI结果')).toEqual([
      ['期间', '员工编号', '值'],
      ['2026Q1', 'S1', 0.5],
    ]);
  });

  it('appends by writing just below the table, which expands it — in 2 syncs', async () => {
    const sim = simulator();
    await officePort(sim.run).apply({
      steps: [{ kind: 'appendRows', tableName: 'Contracts', rows: [['K2', 'C2', 'S2', 45800, 12, '有效']] }],
    });
    expect(sim.stats.syncs).toBe(2);
    expect(sim.workbook.dump().tables.find((t) => t.name === 'Contracts')!.address).toBe('Contracts!A1:F3');
    const reply = await officePort(sim.run).read({ inputs: true });
    expect(reply.snapshot.tables.Contracts!.rows.map((r) => r[0])).toEqual(['K1', 'K2']);
  });

  it('adds the rows through rows.add, one sync more, when Excel leaves rows written below a table outside it', async () => {
    const sim = simulator();
    sim.workbook.autoExpandTables = false; // Excel's AutoCorrect "Include new rows and columns in table", off
    const port = officePort(sim.run);
    const rows = [
      ['K2', 'C2', 'S2', 45800, 12, '有效'],
      ['K3', 'C1', 'S1', 45801, 13, '=1+2'],
    ];
    await port.apply({ steps: [{ kind: 'appendRows', tableName: 'Contracts', rows }] });
    expect(sim.stats.syncs).toBe(3);
    expect(sim.workbook.dump().tables.find((t) => t.name === 'Contracts')!.address).toBe('Contracts!A1:F4');
    const reply = await port.read({ inputs: true });
    expect(reply.snapshot.tables.Contracts!.rows.map((r) => r[0])).toEqual(['K1', 'K2', 'K3']);
    expect(reply.snapshot.tables.Contracts!.rows[2][5]).toBe('=1+2');
    expect(Object.values(sim.workbook.toCells().Contracts).filter((c) => c.formula !== undefined)).toEqual([]);
  });

  it('fills the blank row of an empty table first', async () => {
    const sim = simulator();
    await officePort(sim.run).apply({ steps: [{ kind: 'appendRows', tableName: 'Plans', rows: [['2026', null, 100, 2, 5000]] }] });
    expect(sim.workbook.dump().tables.find((t) => t.name === 'Plans')!.address).toBe("'计划指标'!A1:E2");
    const reply = await officePort(sim.run).read({ inputs: true });
    expect(reply.snapshot.tables.Plans!.rows).toEqual([['2026', null, 100, 2, 5000]]);
  });

  it('fills the blank rows a table ends with before growing it', async () => {
    const wb = new SimWorkbook();
    wb.setCells('S', 'A1', [['期间', '值'], ['2026Q1', 1]]);
    wb.addTableAt('S', 'A1:B4', 'KpiResults'); // two blank rows at the end
    const sim = new Simulator(wb);
    await officePort(sim.run).apply({ steps: [{ kind: 'appendRows', tableName: 'KpiResults', rows: [['2026Q2', 2], ['2026Q3', 3], ['2026Q4', 4]] }] });
    expect(sim.stats.syncs).toBe(2);
    expect(sim.workbook.dump().tables[0].address).toBe('S!A1:B5');
    expect(sim.workbook.values('S').map((r) => r[0])).toEqual(['期间', '2026Q1', '2026Q2', '2026Q3', '2026Q4']);
  });

  it('refuses to grow a table over cells below it that hold something', async () => {
    const wb = new SimWorkbook();
    wb.setCells('S', 'A1', [['期间', '值'], ['2026Q1', 1], [], [null, 'note']]);
    wb.addTableAt('S', 'A1:B2', 'KpiResults');
    const sim = new Simulator(wb);
    const port = officePort(sim.run);
    await expect(port.apply({ steps: [{ kind: 'appendRows', tableName: 'KpiResults', rows: [['a', 1], ['b', 2]] }] })).rejects.toThrow(
      'table KpiResults cannot grow: row 4 below it on sheet S is not empty',
    );
    expect(sim.workbook.values('S')[3]).toEqual(['', 'note']);
    await port.apply({ steps: [{ kind: 'appendRows', tableName: 'KpiResults', rows: [['a', 1]] }] });
    expect(sim.workbook.dump().tables[0].address).toBe('S!A1:B3');
  });

  it('keeps formula-looking and number-looking text as text, both ways', async () => {
    const tricky = ['=1+2', '=HYPERLINK("http://evil","x")', '+86 138 0000 0000', '-abc', '@SUM(A1)', "'quoted", '0012', '13900000001', '2026-07-01', '2026-07', 'TRUE', '#N/A', '40%', ' 12 '];
    const sim = new Simulator(new SimWorkbook());
    sim.workbook.addSheet('Sheet1');
    const port = officePort(sim.run);
    await port.apply({ steps: [kpiTable(), { kind: 'appendRows', tableName: 'KpiResults', rows: tricky.map((s) => [s, s, s]) }] });
    const reply = await port.read({ inputs: false, owned: ['KpiResults'] });
    expect(reply.owned.KpiResults!.rows).toEqual(tricky.map((s) => [s, s, s]));
    const cells = Object.values(sim.workbook.toCells()['KPI结果']);
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
  });

  it('replaces the body: fewer rows shrink the table, more rows grow it, none leave one blank row', async () => {
    const sim = new Simulator(new SimWorkbook());
    sim.workbook.addSheet('Sheet1');
    const port = officePort(sim.run);
    const address = () => sim.workbook.dump().tables[0].address;
    const rows = (n: number) => Array.from({ length: n }, (_, i): CellValue[] => ['2026Q1', `S${i}`, i]);
    await port.apply({ steps: [kpiTable(rows(5))] });
    expect(address()).toBe("'KPI结果'!A1:C6");

    await port.apply({ steps: [{ kind: 'replaceRows', tableName: 'KpiResults', rows: rows(2) }] });
    expect(address()).toBe("'KPI结果'!A1:C3");
    expect((await port.read({ inputs: false, owned: ['KpiResults'] })).owned.KpiResults!.rows).toEqual(rows(2));

    await port.apply({ steps: [{ kind: 'replaceRows', tableName: 'KpiResults', rows: rows(7) }] });
    expect(address()).toBe("'KPI结果'!A1:C8");
    expect((await port.read({ inputs: false, owned: ['KpiResults'] })).owned.KpiResults!.rows).toEqual(rows(7));

    await port.apply({ steps: [{ kind: 'replaceRows', tableName: 'KpiResults', rows: [] }] });
    expect(address()).toBe("'KPI结果'!A1:C2");
    expect(sim.workbook.values('KPI结果')).toEqual([['期间', '员工编号', '值']]);
  });

  it('creates, fills and activates in one plan within 2 syncs', async () => {
    const sim = simulator();
    await officePort(sim.run).apply({
      steps: [
        kpiTable(),
        { kind: 'replaceRows', tableName: 'KpiResults', rows: [['2026Q1', 'S1', 1]] },
        { kind: 'appendRows', tableName: 'Contracts', rows: [['K9', 'C1', 'S1', 45800, 1, '有效']] },
        { kind: 'activate', sheetName: 'KPI结果' },
      ],
    });
    expect(sim.stats.syncs).toBeLessThanOrEqual(2);
    expect(sim.workbook.dump().activeSheet).toBe('KPI结果');
    expect(sim.workbook.values('KPI结果')[1]).toEqual(['2026Q1', 'S1', 1]);
  });

  it('cuts big writes into syncs under the payload limit', async () => {
    const sim = new Simulator(new SimWorkbook(), { payloadLimitBytes: 100_000 });
    sim.workbook.addSheet('Sheet1');
    const rows = Array.from({ length: 5_000 }, (_, i): CellValue[] => ['2026Q1', `S${i}`, i / 3]);
    await officePort(sim.run, { budgetBytes: 80_000 }).apply({ steps: [kpiTable(rows)] });
    expect(sim.stats.syncs).toBeGreaterThan(2);
    expect(sim.stats.maxRequestBytes).toBeLessThan(100_000);
    expect(sim.workbook.dump().tables[0].address).toBe("'KPI结果'!A1:C5001");
    expect(sim.workbook.values('KPI结果')[5000]).toEqual(['2026Q1', 'S4999', 4999 / 3]);
  });

  it('moves big appends into the table in chunks under the payload limit when Excel leaves them outside', async () => {
    const sim = new Simulator(new SimWorkbook(), { payloadLimitBytes: 100_000 });
    sim.workbook.addSheet('Sheet1');
    sim.workbook.autoExpandTables = false;
    const port = officePort(sim.run, { budgetBytes: 80_000 });
    await port.apply({ steps: [kpiTable([['2026Q1', 'S0', 0]])] });
    const rows = Array.from({ length: 5_000 }, (_, i): CellValue[] => ['2026Q2', `S${i}`, i / 3]);
    sim.resetStats();
    await port.apply({ steps: [{ kind: 'appendRows', tableName: 'KpiResults', rows }] });
    expect(sim.stats.maxRequestBytes).toBeLessThan(100_000);
    expect(sim.workbook.dump().tables[0].address).toBe("'KPI结果'!A1:C5002");
    const back = (await port.read({ inputs: false, owned: ['KpiResults'] })).owned.KpiResults!.rows;
    expect(back).toEqual([['2026Q1', 'S0', 0], ...rows]);
  });

  it('names the table when it does not exist', async () => {
    await expect(officePort(simulator().run).apply({ steps: [{ kind: 'appendRows', tableName: 'Nope', rows: [['x']] }] })).rejects.toThrow(/No Excel table named Nope/);
  });

  it('refuses a row wider than the table', async () => {
    await expect(officePort(simulator().run).apply({ steps: [{ kind: 'appendRows', tableName: 'Plans', rows: [[1, 2, 3, 4, 5, 6]] }] })).rejects.toThrow(/has 6 cells; the table has 5 columns/);
  });
});

describe('cell values for Excel', () => {
  it('prefixes text Excel would not keep as typed, and nothing else', () => {
    for (const s of ['=x', '+1', '-1', '@x', "'x", '12', '.5', '2026-07-01', 'TRUE', '#N/A', '(100)', '$5', 'Jan 5', ' 7']) expect(needsTextPrefix(s)).toBe(true);
    for (const s of ['张三', 'Alpha Ltd', 'S1', 'C000001', 'May', '']) expect(needsTextPrefix(s)).toBe(false);
  });

  it('sends dates as serials and blanks as empty text (null would leave the old value)', () => {
    expect(toExcel(new Date(Date.UTC(2026, 6, 1)))).toBe(46204);
    expect(toExcel(null)).toBe('');
    expect(toExcel(Number.NaN)).toBe('');
    expect(toExcel('0012')).toBe("'0012");
  });
});
