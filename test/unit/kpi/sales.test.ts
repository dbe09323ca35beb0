import { CellValue } from '../../../src/domain/cells';
import { dateFromSerial } from '../../../src/domain/dates';
import { customer, ndv, run, serial } from './kpiBook';

const customers = [customer('C01', 'S01', { status: '合作中', developedOn: '2024-05-01' }), customer('C02', 'S02', { status: '合作中', developedOn: '2024-05-01' })];
const plans = [
  { period: '2025Q4', staffId: 'S01', salesPlan: 100 },
  { period: '2025Q4', staffId: 'S02', salesPlan: 200 },
];
const contract = (id: string, staffId: string, signedOn: CellValue, amount: CellValue, extra: Record<string, CellValue> = {}) => ({
  contractId: id,
  customerId: staffId === 'S01' ? 'C01' : 'C02',
  staffId,
  signedOn,
  amount,
  ...extra,
});

describe('sales_completion', () => {
  it('counts contracts signed on the first and the last day of the period, not the days around it', () => {
    const report = run({
      Customers: customers,
      Plans: plans,
      Contracts: [
        contract('K1', 'S01', '2025-09-30', 1),
        contract('K2', 'S01', '2025-10-01', 10),
        contract('K3', 'S01', '2025-12-31', 20),
        contract('K4', 'S01', '2026-01-01', 1000),
      ],
    });
    expect(ndv(report, 'S01', 'sales_completion')).toEqual([30, 100, 0.3]);
  });

  it('reads serial numbers, JS dates, date-times on the last day and every text date form', () => {
    const report = run({
      Customers: customers,
      Plans: plans,
      Contracts: [
        contract('K1', 'S01', serial('2025-11-15'), 1),
        contract('K2', 'S01', dateFromSerial(serial('2025-11-16')), 2),
        contract('K3', 'S01', serial('2025-12-31') + 0.999, 4),
        contract('K4', 'S01', '2025-12-31 23:59', 8),
        contract('K5', 'S01', '2025/10/1', 16),
        contract('K6', 'S01', '2025年12月31日', 32),
        // The first instant of the next period is outside.
        contract('K7', 'S01', serial('2026-01-01'), 1000),
      ],
    });
    expect(ndv(report, 'S01', 'sales_completion')).toEqual([63, 100, 0.63]);
  });

  it('leaves out void contracts and reads amounts written as text', () => {
    const report = run({
      Customers: customers,
      Plans: plans,
      Contracts: [
        contract('K1', 'S02', '2025-10-05', '75.5'),
        contract('K2', 'S02', '2025-10-05', '1,000', { status: '作废' }),
        contract('K3', 'S02', '2025-10-05', 24.5, { status: 'Valid' }),
      ],
    });
    expect(ndv(report, 'S02', 'sales_completion')).toEqual([100, 200, 0.5]);
  });

  it('leaves out a contract whose amount or staff has an error and counts it once in excluded', () => {
    const report = run({
      Customers: customers,
      Plans: plans,
      Contracts: [
        contract('K1', 'S01', '2025-10-05', 50),
        contract('K2', 'S01', '2025-10-05', -5),
        contract('K3', 'S09', '2025-10-05', 7),
        contract('K4', 'S01', 'not a date', 9),
        // An error on a contract of another period does not touch this period's figures.
        contract('K5', 'S01', '2024-10-05', -1),
      ],
    });
    expect(ndv(report, 'S01', 'sales_completion')).toEqual([50, 100, 0.5]);
    expect(ndv(report, null, 'sales_completion')).toEqual([50, 300, 50 / 300]);
    expect(report.excluded).toEqual({ Contracts: 3 });
  });

  it('gives null when the plan is missing or zero, with the sales still as numerator', () => {
    const report = run({
      Customers: customers,
      Plans: [{ period: '2025Q4', staffId: 'S01', salesPlan: 0 }],
      Contracts: [contract('K1', 'S01', '2025-10-05', 5), contract('K2', 'S02', '2025-10-05', 6)],
    });
    expect(ndv(report, 'S01', 'sales_completion')).toEqual([5, 0, null]);
    expect(ndv(report, 'S02', 'sales_completion')).toEqual([6, null, null]);
    // The department: no blank-staff row, so the sum of the staff plans that exist (0).
    expect(ndv(report, null, 'sales_completion')).toEqual([11, 0, null]);
  });

  it('counts an inactive specialist in the department without listing them; the manager shows the department', () => {
    const report = run({
      Staff: [
        { staffId: 'M01', name: '经理', role: '经理' },
        { staffId: 'S01', name: '甲', role: '专员' },
        { staffId: 'S02', name: '乙', role: '专员', active: '否' },
      ],
      Customers: customers,
      Plans: plans,
      Contracts: [contract('K1', 'S01', '2025-10-05', 30), contract('K2', 'S02', '2025-10-05', 60)],
    });
    expect(report.results.some((r) => r.staffId === 'S02')).toBe(false);
    expect(ndv(report, 'S01', 'sales_completion')).toEqual([30, 100, 0.3]);
    expect(ndv(report, null, 'sales_completion')).toEqual([90, 300, 0.3]);
    expect(ndv(report, 'M01', 'sales_completion')).toEqual([90, 300, 0.3]);
  });
});
