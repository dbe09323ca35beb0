import ExcelJS from 'exceljs';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { loadWorkbook } from '../../../src/workbook/xlsx/read';
import { EXPECTED_Q4, FIXTURE, STACK_LINE, expectReportMatches, kam, sha, tempDir } from './helpers';

// The real file system, with a rename the last test can make fail like a broken disk.
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual('node:fs/promises');
  return { ...actual, rename: jest.fn(actual.rename) };
});

/** The 期间 column of an output table, as written. */
function periods(wb: ExcelJS.Workbook, sheet: string): string[] {
  const ws = wb.getWorksheet(sheet)!;
  const out: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).value !== null) out.push(String(row.getCell(1).value));
  });
  return out;
}

describe('kam kpi --write', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.cleanup());

  it('stores the outputs in a workbook another program wrote, prints the same JSON, and keeps one set of rows per period', async () => {
    const file = join(dir.dir, 'book.xlsx');
    copyFileSync(FIXTURE, file);
    const first = await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--json', '--write']);
    expect(first.code).toBe(0);
    expectReportMatches(JSON.parse(first.stdout), JSON.parse(readFileSync(EXPECTED_Q4, 'utf8')));
    expect(first.stderr).toMatch(/已将结果保存到 .*KPI结果.*考核汇总.*商机漏斗/);

    const wb = await loadWorkbook(file);
    const kpiRows = periods(wb, 'KPI结果');
    expect(kpiRows.length).toBeGreaterThan(0);
    expect(new Set(kpiRows)).toEqual(new Set(['2025Q4']));

    expect((await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--write'])).code).toBe(0);
    expect((await kam(['kpi', file, '--period', '2026Q1', '--as-of', '2026-04-10', '--write'])).code).toBe(0);
    const again = await loadWorkbook(file);
    const after = periods(again, 'KPI结果');
    expect(after.filter((p) => p === '2025Q4')).toHaveLength(kpiRows.length);
    expect(after.filter((p) => p === '2026Q1').length).toBeGreaterThan(0);
    expect(periods(again, '考核汇总').filter((p) => p === '2025Q4')).toHaveLength(4);
    // The input tables are still read as before.
    const check = await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--json']);
    expectReportMatches(JSON.parse(check.stdout), JSON.parse(readFileSync(EXPECTED_Q4, 'utf8')));
  });

  it('leaves the file untouched when --strict refuses', async () => {
    const file = join(dir.dir, 'book.xlsx');
    copyFileSync(FIXTURE, file);
    // A contract amount that is not a number leaves that contract out of sales_completion.
    const wb = await loadWorkbook(file);
    const ws = wb.getWorksheet('合同')!;
    ws.getCell('E2').value = 'lots';
    await wb.xlsx.writeFile(file);
    const before = sha(file);
    const r = await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--strict', '--write']);
    expect(r.code).toBe(1);
    expect(sha(file)).toBe(before);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('says it cannot write, and leaves the original intact and no temp file, when saving fails', async () => {
    const file = join(dir.dir, 'book.xlsx');
    copyFileSync(FIXTURE, file);
    const before = sha(file);
    // The disk fails at the last step (the rename over the original), as a full or broken disk would.
    const rename = fsPromises.rename as jest.Mock;
    rename.mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' }));
    const r = await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--write'], { LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kam: cannot write .*book\.xlsx: EIO: i\/o error, rename\.$/m);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(rename).toHaveBeenCalled();
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir.dir)).toEqual(['book.xlsx']);
  });
});
