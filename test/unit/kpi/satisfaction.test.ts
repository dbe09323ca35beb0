import { CellValue } from '../../../src/domain/cells';
import { customer, ndv, run } from './kpiBook';

describe('satisfaction', () => {
  const customers = [customer('C01', 'S01'), customer('C02', 'S02')];
  const survey = (id: string, staffId: string, surveyedOn: CellValue, score: CellValue) => ({
    surveyId: id,
    customerId: staffId === 'S01' ? 'C01' : 'C02',
    staffId,
    surveyedOn,
    score,
  });

  it('numerator = Σ scores, denominator = their count, value = the mean', () => {
    const report = run({
      Customers: customers,
      Surveys: [survey('Q1', 'S01', '2025-10-01', 90), survey('Q2', 'S01', '2025-12-31', 81), survey('Q3', 'S01', '2025-09-30', 0), survey('Q4', 'S02', '2025-11-01', '72')],
    });
    expect(ndv(report, 'S01', 'satisfaction')).toEqual([171, 2, 85.5]);
    expect(ndv(report, null, 'satisfaction')).toEqual([243, 3, 81]);
  });

  it('is null without surveys; a score above 100 is left out and counted', () => {
    const report = run({ Customers: customers, Surveys: [survey('Q1', 'S01', '2025-10-01', 120)] });
    expect(ndv(report, 'S01', 'satisfaction')).toEqual([0, 0, null]);
    expect(ndv(report, 'S02', 'satisfaction')).toEqual([0, 0, null]);
    expect(report.excluded).toEqual({ Surveys: 1 });
  });
});
