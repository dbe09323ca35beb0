import { CellValue } from '../../../src/domain/cells';
import { customer, ndv, run } from './kpiBook';

const customers = [customer('C01', 'S01'), customer('C02', 'S02')];
const complaint = (id: string, staffId: string, receivedOn: CellValue, valid: CellValue) => ({
  complaintId: id,
  customerId: staffId === 'S01' ? 'C01' : 'C02',
  staffId,
  receivedOn,
  valid,
});

describe('valid_complaints', () => {
  it('counts valid complaints received in P, first and last day included, per responsible staff', () => {
    const report = run({
      Customers: customers,
      Complaints: [
        complaint('P1', 'S01', '2025-10-01', '是'),
        complaint('P2', 'S01', '2025-12-31', 'Yes'),
        complaint('P3', 'S01', '2025-11-01', '否'),
        complaint('P4', 'S01', '2025-09-30', '是'),
        complaint('P5', 'S01', '2026-01-01', true),
        complaint('P6', 'S02', '2025-11-01', true),
      ],
    });
    expect(ndv(report, 'S01', 'valid_complaints')).toEqual([2, null, 2]);
    expect(ndv(report, 'S02', 'valid_complaints')).toEqual([1, null, 1]);
    expect(ndv(report, null, 'valid_complaints')).toEqual([3, null, 3]);
    expect(ndv(report, 'M01', 'valid_complaints')).toEqual([3, null, 3]);
  });

  it('is 0, not null, without complaints', () => {
    expect(ndv(run({ Customers: customers }), 'S01', 'valid_complaints')).toEqual([0, null, 0]);
  });

  it('leaves out a complaint whose Valid cannot be read, and counts it', () => {
    const report = run({
      Customers: customers,
      Complaints: [complaint('P1', 'S01', '2025-10-05', 'maybe'), complaint('P2', 'S01', '2025-10-05', '是')],
    });
    expect(ndv(report, 'S01', 'valid_complaints')).toEqual([1, null, 1]);
    expect(report.excluded).toEqual({ Complaints: 1 });
  });
});
