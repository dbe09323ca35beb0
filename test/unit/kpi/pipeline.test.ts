import { CellValue } from '../../../src/domain/cells';
import { OPEN_STAGES } from '../../../src/domain/tables';
import { customer, ndv, run } from './kpiBook';

const customers = [customer('C01', 'S01'), customer('C02', 'S02')];
let n = 0;
const opportunity = (staffId: string, stage: string, expectedAmount: CellValue, winProbability: CellValue = null) => ({
  opportunityId: `O${++n}`,
  customerId: staffId === 'S01' ? 'C01' : 'C02',
  staffId,
  projectName: `项目${n}`,
  stage,
  expectedAmount,
  winProbability,
  // Every key-node date, so no stage-gate error.
  infoConfirmedOn: '2025-01-01',
  initiatedOn: '2025-02-01',
  proposalOn: '2025-03-01',
  bidOn: '2025-04-01',
  signedOn: '2025-05-01',
  acceptedOn: '2025-06-01',
});

describe('pipeline_weighted and the Pipeline summary', () => {
  it('a blank Win Probability takes the default of its stage: 10, 20, 40, 60, 80, 100 %', () => {
    const report = run({ Customers: customers, Opportunities: OPEN_STAGES.map((stage) => opportunity('S01', stage, 100)) });
    expect(ndv(report, 'S01', 'pipeline_weighted')).toEqual([310, null, 310]);
    const rows = report.pipeline.filter((r) => r.staffId === 'S01');
    expect(rows.map((r) => r.stage)).toEqual(OPEN_STAGES);
    expect(rows.map((r) => r.weightedAmount)).toEqual([10, 20, 40, 60, 80, 100]);
    expect(rows.every((r) => r.count === 1 && r.expectedAmount === 100)).toBe(true);
  });

  it('reads probabilities as fractions, percent text and percent points; closed and lost are not open', () => {
    const report = run({
      Customers: customers,
      Opportunities: [
        opportunity('S02', '商务谈判', 200, '70%'),
        opportunity('S02', '提案', 100, 0.25),
        opportunity('S02', 'Bidding', 10, 50),
        opportunity('S02', '已结项', 80),
        opportunity('S02', '已丢单', 80, 0.9),
        opportunity('S02', '立项', null, 0.5), // no amount: counted, adds nothing
      ],
    });
    expect(ndv(report, 'S02', 'pipeline_weighted')[2]).toBeCloseTo(140 + 25 + 5, 9);
    const dept = report.pipeline.filter((r) => r.staffId === null);
    expect(dept.map((r) => r.count)).toEqual([0, 1, 1, 1, 1, 0]);
    expect(dept.map((r) => r.expectedAmount)).toEqual([0, 0, 100, 10, 200, 0]);
  });

  it('uses the stage_probabilities setting', () => {
    const report = run(
      { Customers: customers, Opportunities: [opportunity('S01', '客户开发', 100), opportunity('S01', '工程实施', 100)] },
      { settings: { stage_probabilities: '5,20,40,60,80,90' } },
    );
    expect(ndv(report, 'S01', 'pipeline_weighted')[2]).toBeCloseTo(95, 9);
  });

  it('lists the six stages for every active specialist, then the department', () => {
    const report = run({ Customers: customers, Opportunities: [opportunity('S01', '提案', 100), opportunity('S02', '提案', 50, 0.5)] });
    expect(report.pipeline.map((r) => r.staffId)).toEqual([...Array(6).fill('S01'), ...Array(6).fill('S02'), ...Array(6).fill(null)]);
    const dept = report.pipeline.filter((r) => r.staffId === null && r.stage === '提案')[0];
    expect(dept).toEqual({ staffId: null, stage: '提案', count: 2, expectedAmount: 150, weightedAmount: 65 });
    expect(ndv(report, 'M01', 'pipeline_weighted')).toEqual([65, null, 65]);
    expect(ndv(report, null, 'pipeline_weighted')).toEqual([65, null, 65]);
  });

  it('leaves out an opportunity with a bad amount or stage, and counts it; a stage-gate error does not', () => {
    const gateless = { ...opportunity('S01', '招投标', 100), initiatedOn: null };
    const report = run({
      Customers: customers,
      Opportunities: [opportunity('S01', '提案', -1), opportunity('S01', 'Lottery', 100), gateless, opportunity('S01', '提案', 100)],
    });
    // 100 × 60 % (招投标, its gate broken) + 100 × 40 % (提案).
    expect(ndv(report, 'S01', 'pipeline_weighted')).toEqual([100, null, 100]);
    expect(report.excluded).toEqual({ Opportunities: 2 });
  });
});
