import { serialFromUtc } from '../../../src/domain/dates';
import { quarterPeriod } from '../../../src/domain/periods';
import {
  FORMULA,
  addRow,
  bookOf,
  editCell,
  error,
  expectCommonLayout,
  expectNoChineseWords,
  expectText,
  fieldValue,
  fixtureSnapshot,
  grid,
  tableRows,
} from './helpers';

const Q4 = quarterPeriod(2025, 4);

describe('reception-register 客户接待登记表', () => {
  it("lists the period's receptions of the whole department", async () => {
    const snapshot = await fixtureSnapshot();
    addRow(snapshot, 'Visits', {
      拜访编号: 'V7',
      客户编号: 'C05',
      员工编号: 'S02',
      拜访类型: '接待',
      计划日期: '2025-10-20',
      状态: '计划',
      目的: '参观工厂',
    });
    // Outside the period, and not a reception: not listed.
    addRow(snapshot, 'Visits', { 拜访编号: 'V8', 客户编号: 'C05', 员工编号: 'S02', 拜访类型: '接待', 计划日期: '2026-01-05', 状态: '计划' });
    const g = grid(bookOf(snapshot), { template: 'reception-register', period: Q4 });
    expectCommonLayout(g, 'zh', '客户接待登记表', 'KAM-RR-2025Q4', '市场营销部');
    expect(g.subject).toBe('2025Q4');
    expect(fieldValue(g, '期间')?.value).toBe('2025Q4（2025-10-01 至 2025-12-31）');
    expect(fieldValue(g, '接待人')?.value).toBe('全部');
    expect(fieldValue(g, '接待次数')?.value).toBe('2 次');
    const rows = tableRows(g, '序号');
    expect(rows.slice(0, 2)).toEqual([
      [1, serialFromUtc(2025, 10, 20), 'C05 示例客户05有限公司', '冯专员', '参观工厂', null, '计划'],
      [2, serialFromUtc(2025, 12, 1), 'C01 示例客户01有限公司', '郑专员', null, null, '已完成'],
    ]);
    expect(rows).toHaveLength(15);
  });

  it("lists one host's receptions with --staff, and says when there are none", async () => {
    const book = bookOf(await fixtureSnapshot());
    const s01 = grid(book, { template: 'reception-register', staff: 'S01', period: Q4 });
    expect(s01.subject).toBe('S01 2025Q4');
    expect(fieldValue(s01, '接待人')?.value).toBe('S01 郑专员');
    expect(tableRows(s01, '序号')[0][0]).toBe(1);
    const s02 = grid(book, { template: 'reception-register', staff: 'S02', period: Q4 });
    expect(tableRows(s02, '序号')[0][0]).toBe('（本期没有接待记录）');
    // By default, the quarter of the as-of day.
    expect(fieldValue(grid(book, { template: 'reception-register' }), '期间')?.value).toMatch(/^2026Q1/);
  });

  it('is in English in an English workbook', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'reception-register', period: Q4 }, 'en');
    expectCommonLayout(g, 'en', 'Customer Reception Register', 'KAM-RR-2025Q4', 'Marketing Department');
    expectNoChineseWords(g);
    expect(fieldValue(g, 'Host')?.value).toBe('All');
    expect(tableRows(g, 'No.')[0][6]).toBe('Done');
  });

  it('refuses an unknown host', async () => {
    const e = error(bookOf(await fixtureSnapshot()), { template: 'reception-register', staff: 'S77', period: Q4 });
    expect(e).toMatchObject({ code: 'unknown_staff', id: 'S77', template: 'reception-register' });
  });

  it('keeps formula-looking text as text', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Customers', 'C01', '客户名称', FORMULA);
    const g = grid(bookOf(snapshot), { template: 'reception-register', period: Q4 });
    expectText(g, `C01 ${FORMULA}`);
  });
});
