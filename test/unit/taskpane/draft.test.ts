import { serialFromUtc } from '../../../src/domain/dates';
import type { Finding } from '../../../src/domain/findings';
import { Customers, Opportunities, Staff, Visits } from '../../../src/domain/tables';
import { checkDraft, findingDetail, nextId, pickOptions, recordOf } from '../../../src/taskpane/draft';
import { bookSnapshot, tableSnapshot } from '../../helpers/snapshot';

const AS_OF = serialFromUtc(2026, 10, 10);

describe('recordOf: what the fields hold → what appendRows writes', () => {
  it('turns numbers, dates, yes/no and rates into values, and leaves what is not one as text', () => {
    expect(recordOf(Opportunities, { expectedAmount: '1,234.5', winProbability: '40%', signedOn: '2026-07-01', projectName: '  ERP  ' })).toEqual({
      expectedAmount: 1234.5,
      winProbability: 0.4,
      signedOn: new Date(Date.UTC(2026, 6, 1)),
      projectName: 'ERP',
    });
    expect(recordOf(Opportunities, { winProbability: '0.25', expectedAmount: '12万' })).toEqual({ winProbability: 0.25, expectedAmount: '12万' });
    expect(recordOf(Opportunities, { winProbability: '60' })).toEqual({ winProbability: 0.6 });
    expect(recordOf(Staff, { active: 'yes', staffId: '', name: 'x' })).toEqual({ active: true, name: 'x' });
    expect(recordOf(Visits, { plannedOn: '2026/7/1' })).toEqual({ plannedOn: '2026/7/1' });
  });
});

describe('checkDraft', () => {
  const snapshot = bookSnapshot({
    Staff: [{ staffId: 'S01', name: '王建国', role: '经理' }],
    Customers: [{ customerId: 'C0001', name: '杭州甲公司', ownerId: 'S01', status: '潜在', createdOn: serialFromUtc(2026, 1, 5) }, {}],
  });

  it('finds the draft’s errors and warnings on the row it will land on (blank rows are filled first)', () => {
    const check = checkDraft(snapshot, 'Customers', { customerId: 'C0001', name: '杭州甲公司', ownerId: 'S99', status: '潜在', createdOn: new Date(Date.UTC(2026, 9, 1)), phone: '123' }, AS_OF);
    expect(check.row).toBe(3);
    expect(check.problems).toEqual([]);
    expect(check.findings.map((f) => [f.key, f.code, f.severity]).sort()).toEqual([
      ['customerId', 'duplicate_id', 'error'],
      ['name', 'duplicate_name', 'warning'],
      ['ownerId', 'ref', 'error'],
      ['phone', 'phone', 'error'],
    ]);
  });

  it('says when the table is missing', () => {
    expect(checkDraft(bookSnapshot({}, { omit: ['Visits'] }), 'Visits', {}, AS_OF).problems).toEqual([{ code: 'missing_table', table: 'Visits', sheet: { zh: '拜访记录', en: 'Visits' } }]);
  });
});

describe('small helpers', () => {
  it('findingDetail drops the table, row and column the field shows already', () => {
    const f: Finding = { table: 'Customers', row: 7, column: '联系电话', key: 'phone', code: 'phone', severity: 'error', params: { value: '123' } };
    expect(findingDetail(f, 'zh')).toMatch(/^“123” 不是有效的电话号码/);
    expect(findingDetail({ ...f, column: 'Phone' }, 'en')).toMatch(/^"123" is not a valid phone number/);
  });

  it('nextId follows the table’s own pattern', () => {
    const snap = tableSnapshot(Customers, [{ customerId: 'C0009' }, { customerId: 'C0120' }, { customerId: 'X-1' }, {}]);
    expect(nextId(snap, Customers)).toBe('C0121');
    expect(nextId(tableSnapshot(Customers, []), Customers)).toBeNull();
  });

  it('pickOptions lists staff as “ID name”, once each', () => {
    const snap = { tables: { Staff: tableSnapshot(Staff, [{ staffId: 'S01', name: '王建国' }, { staffId: 's01', name: '重复' }, { staffId: 'S02' }]) } };
    expect(pickOptions(snap, 'Staff')).toEqual([
      { id: 'S01', label: 'S01 王建国' },
      { id: 'S02', label: 'S02' },
    ]);
  });
});
