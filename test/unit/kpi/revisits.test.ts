import { CellValue } from '../../../src/domain/cells';
import { customer, ndv, run } from './kpiBook';

const customers = ['C01', 'C02', 'C03', 'C04'].map((id) => customer(id, 'S01')).concat([customer('C05', 'S02'), customer('C06', 'S02')]);
let n = 0;
const visit = (customerId: string, staffId: string, plannedOn: CellValue, status: string, visitedOn: CellValue = null, visitType = '回访') => ({
  visitId: `V${++n}`,
  customerId,
  staffId,
  visitType,
  plannedOn,
  visitedOn,
  status,
});

describe('revisit_rate', () => {
  it('distinct customers revisited in P / distinct customers with a revisit planned in P (any status)', () => {
    const report = run({
      Customers: customers,
      Visits: [
        visit('C01', 'S01', '2025-10-01', '已完成', '2025-10-02'),
        visit('C01', 'S01', '2025-11-01', '已完成', '2025-11-01'), // same customer: once
        visit('C02', 'S01', '2025-12-31', '已取消'), // planned in P, cancelled: below the line
        visit('C03', 'S01', '2025-12-20', '计划'),
        visit('C04', 'S01', '2025-09-30', '已完成', '2025-10-01'), // planned in Q3, done in Q4: above only
        visit('C02', 'S01', '2025-11-05', '已完成', '2025-11-06', '首访'), // not a revisit
        visit('C03', 'S01', '2025-12-30', '已完成', '2026-01-02'), // done after P: below only
      ],
    });
    expect(ndv(report, 'S01', 'revisit_rate')).toEqual([2, 3, 2 / 3]);
  });

  it('may pass 100 % (the document formula), and is null with nothing planned', () => {
    const report = run({
      Customers: customers,
      Visits: [
        visit('C05', 'S02', '2025-12-20', '已完成', '2026-01-03'),
        visit('C05', 'S02', '2025-11-01', '已完成', '2025-11-02'),
        visit('C06', 'S02', '2025-09-28', '已完成', '2025-10-02'),
        visit('C01', 'S01', '2025-09-28', '已完成', '2025-10-02'),
      ],
    });
    expect(ndv(report, 'S02', 'revisit_rate')).toEqual([2, 1, 2]);
    expect(ndv(report, 'S01', 'revisit_rate')).toEqual([1, 0, null]);
  });

  it('the department counts a customer once even when two specialists revisit it', () => {
    const report = run({
      Customers: customers,
      Visits: [visit('C01', 'S01', '2025-10-10', '已完成', '2025-10-10'), visit('C01', 'S02', '2025-10-11', '计划'), visit('C05', 'S02', '2025-10-11', '计划')],
    });
    expect(ndv(report, 'S01', 'revisit_rate')).toEqual([1, 1, 1]);
    expect(ndv(report, 'S02', 'revisit_rate')).toEqual([0, 2, 0]);
    expect(ndv(report, null, 'revisit_rate')).toEqual([1, 2, 0.5]);
  });

  it('leaves out a done visit without Visited On (an error), and counts it', () => {
    const report = run({
      Customers: customers,
      Visits: [visit('C01', 'S01', '2025-10-10', '已完成'), visit('C02', 'S01', '2025-10-10', '已完成', '2025-10-11')],
    });
    expect(ndv(report, 'S01', 'revisit_rate')).toEqual([1, 1, 1]);
    expect(report.excluded).toEqual({ Visits: 1 });
  });
});
