import { readBook } from '../../src/domain/book';
import { matchHeaders } from '../../src/domain/parse';
import { Contracts, Customers, Opportunities, Surveys } from '../../src/domain/tables';
import { bookSnapshot, tableSnapshot } from '../helpers/snapshot';

describe('header matching (SPEC §2)', () => {
  it('accepts Chinese and English headers in any order, full- and half-width brackets, any case', () => {
    const m = matchHeaders(Contracts, ['STATUS', '合同金额(万元)', 'my notes', 'contract id', '客户编号', 'Staff ID', ' 签订日期 ']);
    expect(m.positions).toEqual({ status: 0, amount: 1, contractId: 3, customerId: 4, staffId: 5, signedOn: 6 });
    expect(m.written.amount).toBe('合同金额(万元)');
    expect(m.missing).toEqual([]);
  });
  it('names the needed columns that are missing', () => {
    const m = matchHeaders(Contracts, ['合同编号', '客户编号', '员工编号', '签订日期']);
    expect(m.missing.map((c) => c.zh)).toEqual(['合同金额（万元）', '状态']);
  });
});

describe('readBook', () => {
  it('reports a missing table and a missing needed column as problems', () => {
    const snap = bookSnapshot({ Contracts: tableSnapshot(Contracts, [], { columns: ['contractId', 'customerId', 'staffId', 'signedOn', 'status'] }) }, { omit: ['Surveys'] });
    const { problems } = readBook(snap);
    expect(problems).toContainEqual({ code: 'missing_table', table: 'Surveys', sheet: { zh: '满意度调查', en: 'Surveys' } });
    expect(problems).toContainEqual({ code: 'missing_column', table: 'Contracts', column: { zh: '合同金额（万元）', en: 'Amount (10k CNY)' }, sheetName: '合同' });
  });

  it('coerces cells, applies defaults, skips blank rows, and reports cell errors with the Excel row and written header', () => {
    const snap = bookSnapshot({
      Contracts: tableSnapshot(
        Contracts,
        [
          { contractId: 'K1', customerId: 'C1', staffId: 'S1', signedOn: '2026/7/1', amount: '1,200.5' },
          {},
          { contractId: 'K2', customerId: 'C1', staffId: 'S1', signedOn: 'soon', amount: -3, status: 'Void' },
        ],
        { headerRow: 3, headerOverrides: { amount: '合同金额(万元)' } },
      ),
    });
    const { book, findings } = readBook(snap);
    const rows = book.Contracts.rows;
    expect(rows.map((r) => r.row)).toEqual([4, 6]);
    expect(rows[0].v).toMatchObject({ amount: 1200.5, status: '有效', signedOn: 46204 });
    expect(rows[0].bad).toBeNull();
    expect(rows[1].v.status).toBe('作废');
    expect([...rows[1].bad!]).toEqual(['signedOn', 'amount']);
    expect(findings).toEqual([
      { table: 'Contracts', row: 6, column: '签订日期', key: 'signedOn', code: 'type', severity: 'error', params: { value: 'soon' } },
      { table: 'Contracts', row: 6, column: '合同金额(万元)', key: 'amount', code: 'negative', severity: 'error', params: { value: '-3' } },
    ]);
  });

  it('reports required blanks, unknown enum words and out-of-range scores', () => {
    const snap = bookSnapshot({
      Customers: [{ customerId: 'C1', name: '甲公司', ownerId: 'S1', status: 'Sleeping', createdOn: '2026-01-01' }],
      Surveys: [{ surveyId: 'Q1', customerId: 'C1', staffId: 'S1', surveyedOn: '2026-01-01', score: 101 }],
      Opportunities: [{ opportunityId: 'O1', customerId: 'C1', staffId: 'S1', stage: '已丢单', winProbability: '120%' }],
    });
    const codes = readBook(snap).findings.map((f) => `${f.table}.${f.key}:${f.code}`);
    expect(codes).toEqual(
      expect.arrayContaining(['Customers.status:enum', 'Surveys.score:range', 'Opportunities.projectName:required', 'Opportunities.winProbability:range']),
    );
    expect(Customers.name).toBe('Customers');
    expect(Surveys.name).toBe('Surveys');
    expect(Opportunities.name).toBe('Opportunities');
  });

  it('reads settings by key, defaults blanks, reports bad values and falls back', () => {
    const snap = bookSnapshot({
      Settings: [
        { key: 'feedback_hours', value: '24' },
        { key: 'ka_threshold', value: 'lots' },
        { key: 'stage_probabilities', value: '0.1,0.2,0.3,0.5,0.9,1' },
        { key: 'required_fields', value: 'Customer Name, 联系电话' },
      ],
    });
    const { book, findings } = readBook(snap);
    expect(book.settings.feedbackHours).toBe(24);
    expect(book.settings.kaThreshold).toBe(100);
    expect(book.settings.stageProbabilities).toEqual([0.1, 0.2, 0.3, 0.5, 0.9, 1]);
    expect(book.settings.requiredFields).toEqual(['name', 'phone']);
    expect(book.settings.warningScore).toBe(60);
    expect(findings).toEqual([{ table: 'Settings', row: 3, column: '值', key: 'value', code: 'type', severity: 'error', params: { value: 'lots', setting: 'ka_threshold' } }]);
  });

  it('reads the scoring scheme with percent targets and default direction', () => {
    const snap = bookSnapshot({ ScoringScheme: [{ role: 'Specialist', kpi: 'churn_rate', weight: 20, target: '5%', direction: 'Lower' }, { role: '内勤', kpi: '创新能力', weight: 25 }] });
    expect(readBook(snap).book.scheme).toEqual([
      { role: '专员', kpi: 'churn_rate', weight: 20, target: 0.05, direction: '越低越好' },
      { role: '内勤', kpi: '创新能力', weight: 25, target: null, direction: '越高越好' },
    ]);
  });
});

describe('numbers too large to compute with (issue 8)', () => {
  it('1e308 amounts are a finding on their cells, and no KPI becomes Infinity or a score of 120', async () => {
    const { readXlsxSnapshot } = await import('../../src/workbook/xlsx/read');
    const { validate } = await import('../../src/domain/validate');
    const { computeKpis } = await import('../../src/domain/kpi');
    const { parsePeriod } = await import('../../src/domain/periods');
    const { serialFromUtc } = await import('../../src/domain/dates');
    const snap = await readXlsxSnapshot(`${__dirname}/../fixtures/example-2025Q4.xlsx`);
    const contracts = snap.tables.Contracts!;
    const amount = contracts.headers.indexOf('合同金额（万元）');
    expect(amount).toBeGreaterThanOrEqual(0);
    // Two huge amounts sum to Infinity: 1e308 + 1e308.
    contracts.rows[0][amount] = 1e308;
    contracts.rows[1][amount] = 1e308;
    const read = readBook(snap);
    const asOf = serialFromUtc(2026, 1, 10);
    const findings = validate(read, { asOf });
    const huge = findings.filter((f) => f.code === 'too_large');
    expect(huge.map((f) => [f.table, f.row, f.column, f.params?.value])).toEqual([
      ['Contracts', contracts.headerRow + 1, '合同金额（万元）', '1e+308'],
      ['Contracts', contracts.headerRow + 2, '合同金额（万元）', '1e+308'],
    ]);
    const report = computeKpis(read.book, parsePeriod('2025Q4')!, asOf);
    for (const r of report.results) expect(r.value === null || Number.isFinite(r.value)).toBe(true);
    for (const s of report.scores) for (const v of Object.values(s)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });
});
