import { locateTables, rangeTable } from '../../src/domain/snapshot';
import { INPUT_TABLES } from '../../src/domain/tables';

describe('rangeTable', () => {
  it('takes the first non-empty row as headers and trims blank edges', () => {
    const t = rangeTable('客户档案', [
      [null, null, null],
      [null, '客户编号', '客户名称', null],
      [null, 'C1', '甲', null],
      [null, null, null, null],
    ], 1, 1)!;
    expect(t).toEqual({ tableName: null, sheetName: '客户档案', headerRow: 2, firstColumn: 2, headers: ['客户编号', '客户名称'], rows: [['C1', '甲']] });
  });
  it('is null for an empty sheet', () => expect(rangeTable('x', [[null], ['  ']])).toBeNull());
});

describe('locateTables', () => {
  it('prefers a table by name (any case), else a sheet by its Chinese or English name', () => {
    const found = locateTables(INPUT_TABLES, [{ name: 'customers', sheetName: 'Sheet9' }], ['员工', 'Visits', '合同']);
    expect(found.Customers).toEqual({ kind: 'table', name: 'customers', sheetName: 'Sheet9' });
    expect(found.Staff).toEqual({ kind: 'range', sheetName: '员工' });
    expect(found.Visits).toEqual({ kind: 'range', sheetName: 'Visits' });
    expect(found.Plans).toBeUndefined();
  });
});
