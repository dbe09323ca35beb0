import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED_Q4, EXPECTED_YEAR, FIXTURE, STACK_LINE, expectReportMatches, kam, sha, tempDir, writeVariant } from './helpers';

const expectedQ4 = JSON.parse(readFileSync(EXPECTED_Q4, 'utf8')) as Record<string, unknown>;
const expectedYear = JSON.parse(readFileSync(EXPECTED_YEAR, 'utf8')) as Record<string, unknown>;
const STAFF_NAMES = ['周经理', '郑专员', '冯专员', '吴内勤'];

describe('kam kpi', () => {
  const before = sha(FIXTURE);
  afterAll(() => expect(sha(FIXTURE)).toBe(before));

  it('prints the worked example of 2025Q4 as JSON (SPEC §6, relative tolerance 1e-6)', async () => {
    const r = await kam(['kpi', FIXTURE, '--period', '2025Q4', '--as-of', '2026-01-10', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of ['period', 'start', 'end', 'asOf', 'results', 'scores', 'excluded']) expect(report).toHaveProperty(key);
    expectReportMatches(report, expectedQ4);
  });

  it('prints the year 2025 of the worked example', async () => {
    const r = await kam(['kpi', FIXTURE, '--period', '2025', '--as-of', '2026-01-10', '--json']);
    expect(r.code).toBe(0);
    expectReportMatches(JSON.parse(r.stdout), expectedYear);
  });

  it('prints a readable table: every person, the department, N/A, the scorecards, the excluded rows', async () => {
    const r = await kam(['kpi', FIXTURE, '--period', '2025', '--as-of', '2026-01-10']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    for (const name of STAFF_NAMES) expect(out).toContain(name);
    expect(out).toContain('2025 期间 KPI（2025-01-01 至 2025-12-31），截至 2026-01-10');
    expect(out).toMatch(/^部门$/m);
    expect(out).toMatch(/大客户流失率 +0 +0 +N\/A/);
    expect(out).toMatch(/大客户销售计划完成率 +265\.5 +300 +88\.5%/);
    expect(out).toContain('考核汇总');
    expect(out).toMatch(/C01 吴内勤（内勤） +综合得分 N\/A +无得分/);
    expect(out).toMatch(/M01 周经理（经理） +综合得分 81\.2 +合格/);
    expect(out).toContain('所有行均已计入');
    expect(out).not.toMatch(STACK_LINE);
  });

  it('aligns the columns of a block by display width', async () => {
    const r = await kam(['kpi', FIXTURE, '--period', '2025Q4', '--as-of', '2026-01-10']);
    const lines = r.stdout.split('\n');
    const start = lines.indexOf('部门') + 1;
    const block = lines.slice(start, start + 13);
    const { displayWidth } = await import('../../../src/cli/format');
    expect(new Set(block.map(displayWidth)).size).toBe(1);
  });

  it('prints English labels with --lang en', async () => {
    const r = await kam(['kpi', FIXTURE, '--period', '2025Q4', '--as-of', '2026-01-10', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KPIs for 2025Q4 (2025-10-01 to 2025-12-31), as of 2026-01-10');
    expect(r.stdout).toMatch(/^Department$/m);
    expect(r.stdout).toMatch(/Sales plan completion +225\.5 +300 +75\.2%/);
    expect(r.stdout).toMatch(/S02 冯专员 \(Specialist\) +Total 87\.5 +Pass/);
    expect(r.stdout).toContain('Every row was counted');
  });

  it('defaults --as-of to today', async () => {
    const r = await kam(['kpi', FIXTURE, '--period', '2025Q4', '--json']);
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(JSON.parse(r.stdout).asOf).toBe(iso);
  });

  it('accepts --strict when no row is left out', async () => {
    const r = await kam(['kpi', FIXTURE, '--period', '2025Q4', '--as-of', '2026-01-10', '--json', '--strict']);
    expect(r.code).toBe(0);
    expectReportMatches(JSON.parse(r.stdout), expectedQ4);
  });

  describe('with a row left out (a negative contract amount)', () => {
    const { dir, cleanup } = tempDir();
    const file = join(dir, 'negative.xlsx');
    beforeAll(() =>
      writeVariant(file, {
        lang: 'zh',
        tables: true,
        edit: (t, k, r, v) => (t === 'Contracts' && k === 'amount' && r === 0 ? -50 : v),
      }),
    );
    afterAll(cleanup);

    it('counts the row as excluded', async () => {
      const r = await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).excluded).toEqual({ Contracts: 1 });
      const text = await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10']);
      expect(text.stdout).toContain('因数据错误未计入至少一项指标的行：合同 1。');
    });

    it('refuses to compute with --strict: exit status 1, the counts named', async () => {
      const before = sha(file);
      const r = await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--json', '--strict', '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('kam: --strict: no KPIs computed: 1 row of');
      expect(r.stderr).toContain('(Contracts 1)');
      expect(r.stderr).toContain('kam validate');
      expect(r.stderr).not.toMatch(STACK_LINE);
      const zh = await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--strict']);
      expect(zh.stderr).toContain('有 1 行因数据错误将不能计入（合同 1）');
      expect(sha(file)).toBe(before);
    });
  });
});
