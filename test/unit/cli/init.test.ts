import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STACK_LINE, kam, sha, tempDir } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const path = (name: string) => join(dir, name);

describe('kam init', () => {
  it('writes a new Chinese workbook with every table and says what it holds', async () => {
    const file = path('new.xlsx');
    const r = await kam(['init', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(r.stdout).toContain(`已创建 ${file}：新的中文工作簿，表格为空。`);
    for (const sheet of ['员工', '客户档案', '拜访记录', '合同', '计划指标', '商机', '设置', '考核方案']) expect(r.stdout).toMatch(new RegExp(`^  ${sheet} +\\d+ 行$`, 'm'));
    expect(r.stdout).toMatch(/^ {2}员工 +0 行$/m);

    // An empty workbook is a valid one.
    const v = await kam(['validate', file, '--json', '--as-of', '2026-10-10']);
    expect(v.stderr).toBe('');
    expect(JSON.parse(v.stdout).findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    const k = await kam(['kpi', file, '--period', '2026Q3', '--as-of', '2026-10-10', '--json']);
    expect(k.code).toBe(0);
  });

  it('never overwrites a file', async () => {
    const file = path('existing.xlsx');
    writeFileSync(file, 'precious');
    const before = sha(file);
    const r = await kam(['init', file, '--demo', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`kam: ${file} already exists: kam init never overwrites a file; choose another name or remove it first.\n`);
    expect(sha(file)).toBe(before);
    const zh = await kam(['init', file]);
    expect(zh.stderr).toContain('已存在：kam init 不会覆盖文件');
  });

  it('refuses a folder, a name without .xlsx, a missing folder', async () => {
    mkdirSync(path('taken.xlsx'));
    const taken = await kam(['init', path('taken.xlsx'), '--lang', 'en']);
    expect(taken.stderr).toContain('already exists');
    const csv = await kam(['init', path('book.csv'), '--lang', 'en']);
    expect(csv.stderr).toContain("the new workbook's name must end with .xlsx");
    const nowhere = await kam(['init', path('no/such/folder/book.xlsx'), '--lang', 'en']);
    expect(nowhere.stderr).toContain('its folder does not exist');
    for (const r of [taken, csv, nowhere]) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
    expect(existsSync(path('book.csv'))).toBe(false);
  });

  it('writes an English demo workbook that validates and computes', async () => {
    const file = path('demo-en.xlsx');
    const r = await kam(['init', file, '--lang', 'en', '--demo', '--seed', '7', '--as-of', '2026-10-10']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Created ${file}: a new English workbook with demo data (seed 7, scale 1).`);
    expect(r.stdout).toMatch(/^ {2}Customers +\d+ rows$/m);
    expect(r.stdout).not.toMatch(/^ {2}Customers +0 rows$/m);

    const v = await kam(['validate', file, '--json', '--as-of', '2026-10-10', '--lang', 'en']);
    expect(v.stderr).toBe('');
    expect([0, 1]).toContain(v.code);
    const k = await kam(['kpi', file, '--period', '2026Q3', '--as-of', '2026-10-10', '--json']);
    expect(k.stderr).toBe('');
    expect(k.code).toBe(0);
    const report = JSON.parse(k.stdout);
    expect(report.period).toBe('2026Q3');
    expect(report.results.length).toBeGreaterThan(12);
    const text = await kam(['kpi', file, '--period', '2026Q3', '--as-of', '2026-10-10', '--lang', 'en']);
    expect(text.stdout).toContain('Scorecards');
  });

  it('gives the same workbook contents for the same seed', async () => {
    const a = path('seed-a.xlsx');
    const b = path('seed-b.xlsx');
    await kam(['init', a, '--demo', '--seed', '3', '--as-of', '2026-10-10']);
    await kam(['init', b, '--demo', '--seed', '3', '--as-of', '2026-10-10']);
    const ka = await kam(['kpi', a, '--period', '2026Q3', '--as-of', '2026-10-10', '--json']);
    const kb = await kam(['kpi', b, '--period', '2026Q3', '--as-of', '2026-10-10', '--json']);
    expect(ka.stdout).toBe(kb.stdout);
  });
});
