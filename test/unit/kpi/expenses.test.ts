import { CellValue } from '../../../src/domain/cells';
import { customer, ndv, run } from './kpiBook';

describe('expense_ratio', () => {
  const customers = [customer('C01', 'S01')];
  const expense = (id: string, staffId: string, spentOn: CellValue, amount: CellValue, customerId: string | null = null) => ({ expenseId: id, spentOn, staffId, customerId, amount });

  it('Σ expenses spent in P / service budget, with a budget from month rows', () => {
    const report = run({
      Customers: customers,
      Plans: [
        { period: '2025-10', staffId: 'S01', serviceBudget: 2000 },
        { period: '2025-11', staffId: 'S01', serviceBudget: 2000 },
        { period: '2025-12', staffId: 'S01', serviceBudget: 2000 },
        { period: '2025Q4', staffId: 'S02', serviceBudget: 1000 },
      ],
      Expenses: [
        expense('E1', 'S01', '2025-10-01', 4000, 'C01'),
        expense('E2', 'S01', '2025-12-31', 3500),
        expense('E3', 'S01', '2026-01-01', 99999),
        expense('E4', 'S02', '2025-11-11', '1,500'),
      ],
    });
    expect(ndv(report, 'S01', 'expense_ratio')).toEqual([7500, 6000, 1.25]);
    expect(ndv(report, 'S02', 'expense_ratio')).toEqual([1500, 1000, 1.5]);
    expect(ndv(report, null, 'expense_ratio')).toEqual([9000, 7000, 9000 / 7000]);
  });

  it('is null without a budget; a negative amount or an unknown customer leaves the row out', () => {
    const report = run({
      Customers: customers,
      Expenses: [expense('E1', 'S01', '2025-10-05', 100), expense('E2', 'S01', '2025-10-05', -5), expense('E3', 'S01', '2025-10-05', 7, 'C99')],
    });
    expect(ndv(report, 'S01', 'expense_ratio')).toEqual([100, null, null]);
    expect(report.excluded).toEqual({ Expenses: 2 });
  });
});
