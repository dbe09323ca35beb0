import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED_Q4, Variant, expectReportMatches, kam, sha, tempDir, writeVariant } from './helpers';

/**
 * SPEC §2: columns are matched by header, Chinese or English, in any order, with full-width
 * and half-width brackets alike; tables are found by name, else by sheet name (plain ranges).
 * The worked example rebuilt by plain ExcelJS in these shapes gives the same KPIs.
 */
const expected = JSON.parse(readFileSync(EXPECTED_Q4, 'utf8')) as Record<string, unknown>;
const { dir, cleanup } = tempDir();
afterAll(cleanup);

const variants: [string, Variant][] = [
  ['plain ranges, English headers and words, reordered columns', { lang: 'en', tables: false, reorder: true, englishWords: true }],
  ['plain ranges, Chinese headers with half-width brackets, offset, a user column', { lang: 'zh', tables: false, halfWidth: true, offset: true, extraColumn: true }],
  ['real tables, English headers, reordered columns', { lang: 'en', tables: true, reorder: true }],
  ['real tables, Chinese headers, reordered columns, English words', { lang: 'zh', tables: true, reorder: true, englishWords: true }],
];

describe.each(variants)('a workbook written by another program: %s', (name, variant) => {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.xlsx`);
  beforeAll(() => writeVariant(file, variant));

  it('kam kpi --json gives the worked example', async () => {
    const before = sha(file);
    const r = await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectReportMatches(JSON.parse(r.stdout), expected);
    expect(sha(file)).toBe(before);
  });

  it('kam validate --json finds C08’s phone, naming the header as written', async () => {
    const r = await kam(['validate', file, '--json', '--as-of', '2026-01-10', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: { table: string; code: string; column: string; row: number }[] }).findings;
    const errors = findings.filter((f) => (f as unknown as { severity: string }).severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ table: 'Customers', code: 'phone', column: variant.lang === 'en' ? 'Phone' : '联系电话' });
    // Excel row: the header row (1, or 2 after an empty row) + the customer's position (8th).
    expect(errors[0].row).toBe(variant.offset ? 10 : 9);
  });
});

describe('a minimal workbook typed by hand in English', () => {
  it('reads `Amount (10k CNY)` with half-width brackets and text numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = (name: string, rows: unknown[][]) => {
      const ws = wb.addWorksheet(name);
      for (const r of rows) ws.addRow(r);
    };
    sheet('Staff', [
      ['Role', 'Name', 'Staff ID', 'Active'],
      ['Specialist', 'Ann', 'S1', 'Yes'],
      ['Manager', 'Bob', 'M1', 'Yes'],
    ]);
    sheet('Customers', [
      ['Status', 'Customer Name', 'Customer ID', 'Owner ID', 'Created On', 'Developed On', 'Lost On', 'Lost Reason', 'Annual Contract Value (10k CNY)'],
      ['Active', 'Acme Ltd', 'C1', 'S1', '2025-01-05', '2025-02-01', null, null, 150],
    ]);
    sheet('Visits', [['Visit ID', 'Customer ID', 'Staff ID', 'Visit Type', 'Planned On', 'Visited On', 'Status']]);
    sheet('Contracts', [
      ['Amount (10k CNY)', 'Signed On', 'Staff ID', 'Customer ID', 'Contract ID', 'Status'],
      ['1,250.5', '2026/8/3', 'S1', 'C1', 'K1', 'Valid'],
    ]);
    sheet('Plans', [
      ['Staff ID', 'Period', 'Sales Plan (10k CNY)', 'Development Plan (accounts)', 'Service Budget (CNY)'],
      ['S1', '2026Q3', 2501, 1, 1000],
    ]);
    for (const name of ['Opportunities', 'Complaints', 'Feedback', 'Expenses', 'Surveys', 'Assessments', 'Settings', 'ScoringScheme']) {
      const def = (await import('../../../src/domain/tables')).TABLES_BY_NAME.get(name)!;
      sheet(name, [def.columns.map((c) => c.en)]);
    }
    const { dir: d, cleanup: done } = tempDir();
    try {
      const file = join(d, 'typed.xlsx');
      await wb.xlsx.writeFile(file);
      const v = await kam(['validate', file, '--json', '--as-of', '2026-10-10', '--period', '2026Q3']);
      expect(v.stderr).toBe('');
      const findings = JSON.parse(v.stdout).findings as { severity: string }[];
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(v.code).toBe(0);
      const r = await kam(['kpi', file, '--period', '2026Q3', '--as-of', '2026-10-10', '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      const sales = report.results.find((x: { staffId: string; kpi: string }) => x.staffId === 'S1' && x.kpi === 'sales_completion');
      expect(sales).toMatchObject({ numerator: 1250.5, denominator: 2501, value: 0.5 });
    } finally {
      done();
    }
  });
});
