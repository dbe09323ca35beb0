import { CellValue } from '../../../src/domain/cells';
import { kpiScore, totalScore } from '../../../src/domain/kpi';
import { RowInput } from '../../helpers/snapshot';
import { customer, run } from './kpiBook';

describe('kpiScore (SPEC §3, Scores)', () => {
  const higher = (value: number | null, target: number | null) => kpiScore('sales_completion', value, target, '越高越好', 20);
  const lower = (value: number | null, target: number | null) => kpiScore('churn_rate', value, target, '越低越好', 20);
  const count = (code: 'valid_complaints' | 'churn_count', value: number, target: number | null, penalty = 20) =>
    kpiScore(code, value, target, '越低越好', penalty);

  it('higher-better: min(value / target, 1.2) × 100', () => {
    expect(higher(0.8, 1)).toBeCloseTo(80, 12);
    expect(higher(1, 1)).toBe(100);
    expect(higher(1.2, 1)).toBeCloseTo(120, 12);
    expect(higher(5, 1)).toBe(120);
    expect(higher(0, 1)).toBe(0);
    expect(higher(0.4, 0.1)).toBe(120);
  });

  it('higher-better with target 0: met is 100, passed is 120', () => {
    expect(higher(0, 0)).toBe(100);
    expect(higher(0.3, 0)).toBe(120);
  });

  it('lower-better rate: 100 at or below target, then falling linearly to 0 at twice the target', () => {
    expect(lower(0, 0.05)).toBe(100);
    expect(lower(0.05, 0.05)).toBe(100);
    expect(lower(0.075, 0.05)).toBeCloseTo(50, 9);
    expect(lower(0.1, 0.05)).toBeCloseTo(0, 9);
    expect(lower(0.2, 0.05)).toBe(0);
  });

  it('lower-better rate with target 0: 100 if the value is 0, else 0', () => {
    expect(lower(0, 0)).toBe(100);
    expect(lower(0.01, 0)).toBe(0);
  });

  it('counts lose complaint_penalty points per unit above target', () => {
    expect(count('valid_complaints', 0, 0)).toBe(100);
    expect(count('valid_complaints', 1, 0)).toBe(80);
    expect(count('valid_complaints', 3, 1)).toBe(60);
    expect(count('valid_complaints', 1, 2)).toBe(100);
    expect(count('churn_count', 6, 0)).toBe(0);
    expect(count('churn_count', 2, 0, 10)).toBe(80);
    // A blank target is 0.
    expect(count('churn_count', 1, null)).toBe(80);
  });

  it('a null value has no score; a rate without a target cannot be scored', () => {
    expect(higher(null, 1)).toBeNull();
    expect(lower(null, 0.05)).toBeNull();
    expect(higher(0.5, null)).toBeNull();
  });

  it('total = Σ weight·score / Σ weight over the scored items; null when none is scored', () => {
    expect(totalScore([{ weight: 40, score: 50 }, { weight: 20, score: null }, { weight: 60, score: 100 }])).toBe(80);
    expect(totalScore([{ weight: 40, score: null }])).toBeNull();
    expect(totalScore([])).toBeNull();
  });
});

describe('scores in the report', () => {
  const customers = [
    customer('C01', 'S01', { status: '合作中', developedOn: '2025-01-01', contact: 'x' }),
    customer('C02', 'S02', { status: '合作中', developedOn: '2025-01-01' }),
  ];
  const plans = [
    { period: '2025Q4', staffId: 'S01', salesPlan: 100 },
    { period: '2025Q4', staffId: 'S02', salesPlan: 100 },
  ];
  const contracts = [
    { contractId: 'K1', customerId: 'C01', staffId: 'S01', signedOn: '2025-10-10', amount: 90 },
    { contractId: 'K2', customerId: 'C02', staffId: 'S02', signedOn: '2025-10-10', amount: 30 },
  ];
  const scheme = (rows: [string, string, number, CellValue, string?][]): RowInput[] =>
    rows.map(([role, kpi, weight, target, direction]) => ({ role, kpi, weight, target, direction: direction ?? null }));

  it('scores every active employee whose role has scheme rows, in Staff order; warning below warning_score', () => {
    const report = run({
      Customers: customers,
      Plans: plans,
      Contracts: contracts,
      ScoringScheme: scheme([
        ['专员', 'sales_completion', 60, '100%'],
        ['专员', 'valid_complaints', 40, 0, '越低越好'],
        ['经理', 'sales_completion', 100, 1],
      ]),
      Complaints: [
        { complaintId: 'P1', customerId: 'C02', staffId: 'S02', receivedOn: '2025-11-01', valid: '是' },
        { complaintId: 'P2', customerId: 'C02', staffId: 'S02', receivedOn: '2025-11-02', valid: '是' },
      ],
    });
    expect(report.scores.map((s) => [s.staffId, s.role])).toEqual([
      ['M01', '经理'],
      ['S01', '专员'],
      ['S02', '专员'],
    ]);
    const [m01, s01, s02] = report.scores;
    // The manager is scored on the department: 120 / 200.
    expect(m01.items[0]).toMatchObject({ kpi: 'sales_completion', value: 0.6, target: 1, weight: 100, score: 60 });
    expect(m01).toMatchObject({ total: 60, warning: false });
    expect(s01.total).toBeCloseTo((60 * 90 + 40 * 100) / 100, 9);
    expect(s01.warning).toBe(false);
    expect(s02.items[1]).toMatchObject({ kpi: 'valid_complaints', value: 2, target: 0, weight: 40, score: 60 });
    expect(s02.total).toBeCloseTo((60 * 30 + 40 * 60) / 100, 9);
    expect(s02.warning).toBe(true);
  });

  it('leaves null KPIs out of the total; with none left the total is null and there is no warning', () => {
    const report = run({
      Customers: customers,
      Plans: [{ period: '2025Q4', staffId: 'S01', salesPlan: 100 }],
      Contracts: contracts,
      ScoringScheme: scheme([
        ['专员', 'sales_completion', 50, 1],
        ['专员', 'churn_rate', 50, 0.05, '越低越好'],
      ]),
    });
    const [s01, s02] = report.scores;
    // churn_rate: C01 is active at start and not lost → 0 ≤ 5 % → 100.
    expect(s01.total).toBeCloseTo((50 * 90 + 50 * 100) / 100, 9);
    // S02: no plan (sales null); churn_rate 0 → 100.
    expect(s02.items.map((i) => i.score)).toEqual([null, 100]);
    expect(s02.total).toBe(100);

    const empty = run({ ScoringScheme: scheme([['专员', 'sales_completion', 40, 1]]) });
    expect(empty.scores.map((s) => [s.staffId, s.total, s.warning])).toEqual([
      ['S01', null, false],
      ['S02', null, false],
    ]);
  });

  it('the warning_score setting draws the line', () => {
    const tables = { Customers: customers, Plans: plans, Contracts: contracts, ScoringScheme: scheme([['专员', 'sales_completion', 1, 1]]) };
    expect(run(tables, { settings: { warning_score: 95 } }).scores.map((s) => s.warning)).toEqual([true, true]);
    expect(run(tables, { settings: { warning_score: 30 } }).scores.map((s) => s.warning)).toEqual([false, false]);
  });

  it('uses complaint_penalty for counts', () => {
    const report = run(
      { Customers: customers, ScoringScheme: scheme([['专员', 'churn_count', 1, 0, '越低越好']]) },
      { settings: { complaint_penalty: 35 } },
    );
    expect(report.scores.map((s) => s.total)).toEqual([100, 100]);
    const lost = run(
      {
        Customers: [customer('C01', 'S01', { status: '流失', developedOn: '2025-01-01', lostOn: '2025-11-01', lostReason: '倒闭' })],
        ScoringScheme: scheme([['专员', 'churn_count', 1, 0, '越低越好']]),
      },
      { settings: { complaint_penalty: 35 } },
    );
    expect(lost.scores[0].total).toBe(65);
  });

  describe('the clerk, from Assessments', () => {
    const assessments = [
      { period: '2025Q4', staffId: 'C01', item: '专业技能', score: 80 },
      { period: '2025Q4', staffId: 'C01', item: '专业技能', score: 90 },
      { period: '2025Q4', staffId: 'C01', item: '调查能力', score: 70 },
      { period: '2025Q3', staffId: 'C01', item: '问题解决能力', score: 10 },
      { period: '2025Q4', staffId: 'S01', item: '问题解决能力', score: 10 },
    ];

    it('scores each item by the mean entered score of the period (default scheme)', () => {
      const report = run({ Assessments: assessments });
      const clerk = report.scores.find((s) => s.staffId === 'C01')!;
      expect(clerk.role).toBe('内勤');
      expect(clerk.items.map((i) => [i.kpi, i.value, i.target, i.weight, i.score])).toEqual([
        ['专业技能', 85, null, 25, 85],
        ['调查能力', 70, null, 25, 70],
        ['问题解决能力', null, null, 25, null],
        ['创新能力', null, null, 25, null],
      ]);
      expect(clerk.total).toBe(77.5);
      // The clerk is scored, not listed in the KPI results.
      expect(report.results.some((r) => r.staffId === 'C01')).toBe(false);
    });

    it('matches the period by label: quarter rows do not count for the year', () => {
      const report = run({ Assessments: assessments }, { period: '2025' });
      const clerk = report.scores.find((s) => s.staffId === 'C01')!;
      expect(clerk.total).toBeNull();
      expect(clerk.warning).toBe(false);
    });

    it('skips an inactive clerk and counts an unreadable score as excluded', () => {
      const report = run({
        Staff: [
          { staffId: 'C01', name: '吴', role: '内勤', active: '否' },
          { staffId: 'C02', name: '郑', role: '内勤' },
        ],
        Assessments: [
          { period: '2025Q4', staffId: 'C02', item: '专业技能', score: 'A+' },
          { period: '2025Q4', staffId: 'C02', item: '专业技能', score: 60 },
        ],
      });
      expect(report.scores.map((s) => [s.staffId, s.total])).toEqual([['C02', 60]]);
      expect(report.excluded).toEqual({ Assessments: 1 });
    });
  });
});
