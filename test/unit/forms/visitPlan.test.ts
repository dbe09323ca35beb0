import { serialFromUtc } from '../../../src/domain/dates';
import { quarterPeriod } from '../../../src/domain/periods';
import {
  FORMULA,
  allText,
  bookOf,
  cellsWith,
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

describe('visit-plan 大客户拜访计划表', () => {
  it("lists the specialist's visits planned in the period, in date order, with ruled rows to add more", async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'visit-plan', staff: 'S01', period: Q4 });
    expectCommonLayout(g, 'zh', '大客户拜访计划表', 'KAM-VP-S01-2025Q4', '市场营销部');
    expect(g.subject).toBe('S01 2025Q4');
    expect(fieldValue(g, '专员')?.value).toBe('S01 郑专员');
    expect(fieldValue(g, '区域')?.value).toBe('华东');
    expect(fieldValue(g, '计划期间')?.value).toBe('2025Q4（2025-10-01 至 2025-12-31）');
    expect(fieldValue(g, '计划拜访次数')?.value).toBe('3（已完成 2）');
    expect(fieldValue(g, '按类型')?.value).toBe('首访 0、回访 2、接待 1、电话 0');
    const rows = tableRows(g, '序号');
    expect(rows.slice(0, 3)).toEqual([
      [1, serialFromUtc(2025, 10, 8), 'C01 示例客户01有限公司', '回访', null, '已完成'],
      [2, serialFromUtc(2025, 11, 1), 'C03 示例客户03有限公司', '回访', null, '已取消'],
      [3, serialFromUtc(2025, 12, 1), 'C01 示例客户01有限公司', '接待', null, '已完成'],
    ]);
    // Blank ruled rows up to twelve.
    expect(rows).toHaveLength(12);
    expect(rows.slice(3).every((r) => r.every((v) => v === null))).toBe(true);
    expect(cellsWith(g, '部门经理审核意见')).toHaveLength(1);
  });

  it('covers the quarter of the as-of day by default, and says when nothing is planned', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'visit-plan', staff: 'S02' });
    expect(fieldValue(g, '计划期间')?.value).toBe('2026Q1（2026-01-01 至 2026-03-31）');
    expect(tableRows(g, '序号')[0][0]).toBe('（本期没有计划拜访）');
  });

  it('is in English in an English workbook', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'visit-plan', staff: 'S02', period: Q4 }, 'en');
    expectCommonLayout(g, 'en', 'Key Account Visit Plan', 'KAM-VP-S02-2025Q4', 'Marketing Department');
    expectNoChineseWords(g);
    expect(fieldValue(g, 'Period')?.value).toBe('2025Q4 (2025-10-01 to 2025-12-31)');
    expect(fieldValue(g, 'Planned visits')?.value).toBe('2 (2 done)');
    expect(tableRows(g, 'No.').slice(0, 2).map((r) => [r[0], r[3], r[5]])).toEqual([
      [1, 'Revisit', 'Done'],
      [2, 'Revisit', 'Done'],
    ]);
  });

  it('refuses an unknown or a missing specialist', async () => {
    const book = bookOf(await fixtureSnapshot());
    const e = error(book, { template: 'visit-plan', staff: 'S99', period: Q4 });
    expect(e).toMatchObject({ code: 'unknown_staff', id: 'S99' });
    expect(e.message.zh).toBe('员工表中没有员工编号为“S99”的员工。');
    expect(e.message.en).toBe('There is no employee with ID "S99" in the Staff table.');
    expect(error(book, { template: 'visit-plan', period: Q4 }).code).toBe('missing_subject');
  });

  it('keeps formula-looking text as text', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Customers', 'C03', '客户名称', FORMULA);
    editCell(snapshot, 'Visits', 'V1', '目的', '=1+1');
    const g = grid(bookOf(snapshot), { template: 'visit-plan', staff: 'S01', period: Q4 });
    expectText(g, `C03 ${FORMULA}`);
    expectText(g, '=1+1');
    expect(allText(g)).not.toContain('HYPERLINK("http://x")\n2');
  });
});
