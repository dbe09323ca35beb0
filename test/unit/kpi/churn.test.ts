import { CellValue } from '../../../src/domain/cells';
import { markBad } from '../../../src/domain/parse';
import { customer, ndv, run, serial } from './kpiBook';

const active = (id: string, owner: string, developedOn: CellValue) => customer(id, owner, { status: '合作中', developedOn });
const lost = (id: string, owner: string, developedOn: CellValue, lostOn: CellValue) =>
  customer(id, owner, { status: '流失', developedOn, lostOn, lostReason: '预算削减' });

describe('churn and development (2025Q4 = 2025-10-01 … 2025-12-31)', () => {
  const customers = [
    active('C01', 'S01', '2025-09-30'), // the day before start: active at start
    active('C02', 'S01', '2025-10-01'), // on the first day: developed in P, not active at start
    lost('C03', 'S01', '2025-02-01', '2025-10-01'), // lost on the first day: active at start, lost in P
    lost('C04', 'S01', '2025-02-01', '2025-09-30'), // lost the day before: not active at start
    lost('C05', 'S02', '2025-10-10', '2025-12-31'), // developed and lost inside P
    active('C06', 'S02', '2025-12-31'), // developed on the last day
    lost('C07', 'S02', '2024-01-01', '2026-01-01'), // lost after P: active, not lost in P
    active('C08', 'S02', '2026-01-01'), // developed after P
    customer('C09', 'S02'), // a prospect: no dates
  ];
  const plans = [
    { period: '2025Q4', staffId: 'S01', developmentPlan: 2 },
    { period: '2025Q4', staffId: 'S02', developmentPlan: 4 },
  ];
  const report = run({ Customers: customers, Plans: plans });

  it('churn_count: status 流失 with Lost On in P, a count', () => {
    expect(ndv(report, 'S01', 'churn_count')).toEqual([1, null, 1]);
    expect(ndv(report, 'S02', 'churn_count')).toEqual([1, null, 1]);
    expect(ndv(report, null, 'churn_count')).toEqual([2, null, 2]);
  });

  it('churn_rate: lost in P among the accounts active at start; developed-and-lost inside P is not in it', () => {
    expect(ndv(report, 'S01', 'churn_rate')).toEqual([1, 2, 0.5]);
    expect(ndv(report, 'S02', 'churn_rate')).toEqual([0, 1, 0]);
    expect(ndv(report, null, 'churn_rate')).toEqual([1, 3, 1 / 3]);
  });

  it('development_completion and new_development_rate: Developed On in P', () => {
    expect(ndv(report, 'S01', 'development_completion')).toEqual([1, 2, 0.5]);
    expect(ndv(report, 'S02', 'development_completion')).toEqual([2, 4, 0.5]);
    expect(ndv(report, null, 'development_completion')).toEqual([3, 6, 0.5]);
    expect(ndv(report, 'S01', 'new_development_rate')).toEqual([1, 2, 0.5]);
    expect(ndv(report, 'S02', 'new_development_rate')).toEqual([2, 1, 2]);
    expect(ndv(report, null, 'new_development_rate')).toEqual([3, 3, 1]);
    expect(report.excluded).toEqual({});
  });

  it('reads text dates and serial numbers alike', () => {
    const r = run({
      Customers: [
        active('C01', 'S01', '2025/9/30'),
        active('C02', 'S01', serial('2025-09-30')),
        active('C03', 'S01', '2025年10月1日'),
        lost('C04', 'S01', serial('2025-01-01'), '2025/11/11'),
      ],
    });
    expect(ndv(r, 'S01', 'churn_rate')).toEqual([1, 3, 1 / 3]);
    expect(ndv(r, 'S01', 'new_development_rate')).toEqual([1, 3, 1 / 3]);
  });

  it('zero accounts active at start and no plan give null values, never 0 or ∞', () => {
    const r = run({ Customers: [active('C01', 'S01', '2025-11-01')] });
    expect(ndv(r, 'S01', 'churn_rate')).toEqual([0, 0, null]);
    expect(ndv(r, 'S01', 'new_development_rate')).toEqual([1, 0, null]);
    expect(ndv(r, 'S01', 'development_completion')).toEqual([1, null, null]);
    expect(ndv(r, 'S02', 'churn_count')).toEqual([0, null, 0]);
  });

  it('a bad phone does not take an account out of the churn figures', () => {
    const r = run({ Customers: [lost('C01', 'S01', '2025-01-01', '2025-11-11'), { ...active('C02', 'S01', '2025-01-01'), phone: '110' }] });
    expect(ndv(r, 'S01', 'churn_rate')).toEqual([1, 2, 0.5]);
    expect(r.excluded).toEqual({});
  });

  it('an error on a date it reads takes the account out, counted once however many KPIs left it out', () => {
    const r = run({
      Customers: [
        lost('C01', 'S01', '2025-01-01', '2025-11-11'),
        active('C02', 'S01', '2025-01-01'),
        lost('C03', 'S01', '2025-01-01', 'soon'), // unreadable Lost On
        lost('C04', 'S01', '2025-05-01', '2025-04-01'), // Lost On before Developed On (validate)
      ],
    });
    expect(ndv(r, 'S01', 'churn_count')).toEqual([1, null, 1]);
    expect(ndv(r, 'S01', 'churn_rate')).toEqual([1, 2, 0.5]);
    expect(r.excluded).toEqual({ Customers: 2 });
  });

  it('an unreadable status leaves the account out of churn_rate but not out of new_development_rate', () => {
    const r = run(
      { Customers: [active('C01', 'S01', '2025-01-01'), active('C02', 'S01', '2025-01-01')] },
      { tweak: (read) => markBad(read.book.Customers.rows[1], 'status') },
    );
    expect(ndv(r, 'S01', 'churn_rate')).toEqual([0, 1, 0]);
    expect(ndv(r, 'S01', 'new_development_rate')).toEqual([0, 2, 0]);
    expect(r.excluded).toEqual({ Customers: 1 });
  });

  it('over a year: accounts developed during the year are not active at its start', () => {
    const r = run({ Customers: customers }, { period: '2025' });
    // Active at 2025-01-01: C07 only (developed 2024).
    expect(ndv(r, null, 'churn_rate')).toEqual([0, 1, 0]);
    expect(ndv(r, null, 'churn_count')).toEqual([3, null, 3]);
    expect(ndv(r, null, 'new_development_rate')).toEqual([6, 1, 6]);
  });
});
