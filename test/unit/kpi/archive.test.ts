import { markBad } from '../../../src/domain/parse';
import { RowInput } from '../../helpers/snapshot';
import { ndv, run } from './kpiBook';

/** A 合作中 account with every default required field filled. */
function complete(id: string, ownerId: string, extra: RowInput = {}): RowInput {
  return {
    customerId: id,
    name: `客户${id}`,
    creditCode: '91440001MA2000131Q',
    industry: '制造',
    region: '华东',
    tier: 'A',
    ownerId,
    status: '合作中',
    createdOn: '2024-01-01',
    developedOn: '2024-02-01',
    contact: '张三',
    phone: '13900000001',
    address: '示例路1号',
    ...extra,
  };
}

describe('archive_completeness (a snapshot)', () => {
  it('counts 开发中 and 合作中 accounts; complete when every required field is filled and the row has no error', () => {
    const report = run({
      Customers: [
        complete('C01', 'S01'),
        complete('C02', 'S01', { status: '开发中', developedOn: null }),
        complete('C03', 'S01', { contact: null }), // a required field blank
        complete('C04', 'S01', { phone: '110' }), // an error on a required field
        complete('C05', 'S01', { email: 'not-an-email' }), // an error on another field
        complete('C06', 'S01', { status: '潜在', developedOn: null }), // not counted
        complete('C07', 'S01', { status: '流失', lostOn: '2024-06-01', lostReason: '搬迁' }), // not counted
        complete('C08', 'S02', { notes: '备注不必填' }),
      ],
    });
    expect(ndv(report, 'S01', 'archive_completeness')).toEqual([2, 5, 0.4]);
    expect(ndv(report, 'S02', 'archive_completeness')).toEqual([1, 1, 1]);
    expect(ndv(report, null, 'archive_completeness')).toEqual([3, 6, 0.5]);
    // Incomplete is not excluded.
    expect(report.excluded).toEqual({});
  });

  it('does not depend on the period', () => {
    const tables = { Customers: [complete('C01', 'S01'), complete('C02', 'S01', { address: null })] };
    expect(ndv(run(tables, { period: '2019-01' }), 'S01', 'archive_completeness')).toEqual([1, 2, 0.5]);
    expect(ndv(run(tables, { period: '2025' }), 'S01', 'archive_completeness')).toEqual([1, 2, 0.5]);
  });

  it('uses the required_fields setting, in Chinese or English headers', () => {
    const tables = { Customers: [complete('C01', 'S01', { creditCode: null, tier: null }), complete('C02', 'S01', { email: 'a@b.cn' })] };
    const report = run(tables, { settings: { required_fields: 'Customer Name, 联系人, Email' } });
    expect(ndv(report, 'S01', 'archive_completeness')).toEqual([1, 2, 0.5]);
  });

  it('leaves out an account whose owner or status cannot be read, and counts it', () => {
    const report = run(
      { Customers: [complete('C01', 'S01'), complete('C02', 'S09'), complete('C03', 'S01', { status: 'unknown' }), complete('C04', 'S01')] },
      { tweak: (read) => markBad(read.book.Customers.rows[3], 'customerId') },
    );
    expect(ndv(report, 'S01', 'archive_completeness')).toEqual([1, 1, 1]);
    expect(report.excluded).toEqual({ Customers: 3 });
  });
});
