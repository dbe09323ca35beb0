/**
 * The streaming reader gives the engine the same snapshot ExcelJS's whole-workbook load gave
 * (the reader it replaces), on the fixture, on a demo workbook `kam init` writes, and on plain
 * ranges; and refuses what would not fit instead of allocating it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { serialFromUtc } from '../../../src/domain/dates';
import { writeNewWorkbook } from '../../../src/workbook/xlsx/init';
import { LimitError } from '../../../src/workbook/xlsx/package/limits';
import { XlsxPackage } from '../../../src/workbook/xlsx/package/package';
import { readSnapshot } from '../../../src/workbook/xlsx/package/readTables';
import { loadWorkbook, snapshotOf } from '../../../src/workbook/xlsx/read';

const FIXTURE = join(__dirname, '../../fixtures/example-2025Q4.xlsx');

/** ExcelJS keeps a table's trailing empty rows; the streaming reader stops at the last value. */
function trimmed(snapshot: ReturnType<typeof snapshotOf>) {
  for (const t of Object.values(snapshot.tables)) {
    if (!t) continue;
    while (t.rows.length > 0 && t.rows[t.rows.length - 1].every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) t.rows.pop();
  }
  return snapshot;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kam-read-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('reads the fixture as ExcelJS did', async () => {
  const ours = readSnapshot(XlsxPackage.open(await readFile(FIXTURE)));
  expect(ours).toEqual(trimmed(snapshotOf(await loadWorkbook(FIXTURE))));
  expect(Object.keys(ours.tables).length).toBeGreaterThan(10);
});

it('reads a demo workbook kam init writes as ExcelJS did', async () => {
  const file = join(dir, 'demo.xlsx');
  await writeNewWorkbook(file, { lang: 'zh', demo: true, seed: 7, scale: 1, asOf: serialFromUtc(2026, 11, 28) });
  expect(readSnapshot(XlsxPackage.open(await readFile(file)))).toEqual(trimmed(snapshotOf(await loadWorkbook(file))));
});

it('reads a plain range found by sheet name, headers in the first filled row', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('员工');
  ws.getCell('C3').value = '员工编号';
  ws.getCell('D3').value = '姓名';
  ws.getCell('C4').value = 'S01';
  ws.getCell('D4').value = '张三';
  ws.getCell('D6').value = '李四';
  ws.getCell('Z40').value = 'far away, outside the header columns';
  const file = join(dir, 'range.xlsx');
  await wb.xlsx.writeFile(file);
  const snap = readSnapshot(XlsxPackage.open(await readFile(file))).tables.Staff!;
  expect(snap).toEqual({ tableName: null, sheetName: '员工', headerRow: 3, firstColumn: 3, headers: ['员工编号', '姓名'], rows: [['S01', '张三'], [null, null], [null, '李四']] });
});

it('refuses a range wider and longer than the cell limit before allocating it', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('员工');
  ws.getCell('A1').value = '员工编号';
  ws.getCell('XFD1').value = '姓名';
  ws.getCell('A100').value = 'S01';
  const file = join(dir, 'wide.xlsx');
  await wb.xlsx.writeFile(file);
  const pkg = XlsxPackage.open(await readFile(file), { maxTotalBytes: 1e9, maxRatio: 1000, maxParts: 100, maxCellText: 32767, maxCells: 1_000_000 });
  expect(() => readSnapshot(pkg)).toThrow(LimitError);
});
