import { serialFromUtc } from '../../../src/domain/dates';
import {
  FORMULA,
  bookOf,
  boxAt,
  cellsWith,
  editCell,
  error,
  expectCommonLayout,
  expectNoChineseWords,
  expectText,
  fieldValue,
  fixtureSnapshot,
  grid,
} from './helpers';

describe('visit-report 客户拜访记录表', () => {
  it('holds the visit, its customer and ruled blanks to fill by hand', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'visit-report', visit: 'V1' });
    expectCommonLayout(g, 'zh', '客户拜访记录表', 'KAM-VR-V1', '市场营销部');
    expect(g.subject).toBe('V1');
    expect(fieldValue(g, '拜访编号')?.value).toBe('V1');
    expect(fieldValue(g, '拜访类型')?.value).toBe('回访');
    expect(fieldValue(g, '客户编号')?.value).toBe('C01');
    expect(fieldValue(g, '客户名称')?.value).toBe('示例客户01有限公司');
    expect(fieldValue(g, '联系人')?.value).toBe('联系人1');
    expect(fieldValue(g, '联系电话')?.value).toBe('13900000001');
    expect(fieldValue(g, '拜访人')?.value).toBe('S01 郑专员');
    expect(fieldValue(g, '状态')?.value).toBe('已完成');
    expect(fieldValue(g, '计划日期')).toMatchObject({ value: serialFromUtc(2025, 10, 8), style: 'date' });
    expect(fieldValue(g, '实际日期')).toMatchObject({ value: serialFromUtc(2025, 10, 9), style: 'date' });
    // Nothing recorded: the purpose is ruled lines to write on (dotted lines between them).
    const purpose = cellsWith(g, '拜访目的')[0];
    const box = boxAt(g, purpose.row, purpose.col);
    expect(box.bottom - box.top + 1).toBe(3);
    const ruled = g.borders.find((b) => b.box.top === box.top && b.box.bottom === box.bottom && b.box.right === 12);
    expect(ruled?.edges.insideHorizontal).toBe('dotted');
    for (const label of ['拜访结果', '下一步计划', '客户意见与需求', '主管意见', '拜访人签字', '签字日期']) expect(cellsWith(g, label)).toHaveLength(1);
    expect(fieldValue(g, '拜访人签字')?.value).toBeNull();
  });

  it('prints the recorded purpose, outcome and next step in their areas', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Visits', 'V1', '目的', '了解使用情况');
    editCell(snapshot, 'Visits', 'V1', '结果', '客户满意');
    editCell(snapshot, 'Visits', 'V1', '下一步', '安排技术交流');
    const g = grid(bookOf(snapshot), { template: 'visit-report', visit: 'V1' });
    expect(fieldValue(g, '拜访目的')).toMatchObject({ value: '了解使用情况', style: 'textTop' });
    expect(fieldValue(g, '拜访结果')?.value).toBe('客户满意');
    expect(fieldValue(g, '下一步计划')?.value).toBe('安排技术交流');
  });

  it('is in English in an English workbook', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'visit-report', visit: 'V3' }, 'en');
    expectCommonLayout(g, 'en', 'Customer Visit Report', 'KAM-VR-V3', 'Marketing Department');
    expectNoChineseWords(g);
    expect(fieldValue(g, 'Visit Type')?.value).toBe('Reception');
    expect(fieldValue(g, 'Status')?.value).toBe('Done');
  });

  it('refuses an unknown or a missing visit', async () => {
    const book = bookOf(await fixtureSnapshot());
    const e = error(book, { template: 'visit-report', visit: 'V404' });
    expect(e).toMatchObject({ code: 'unknown_visit', id: 'V404' });
    expect(e.message.zh).toBe('拜访记录表中没有拜访编号为“V404”的拜访。');
    expect(e.message.en).toBe('There is no visit with ID "V404" in the Visits table.');
    expect(error(book, { template: 'visit-report' }).message.en).toBe('The Customer Visit Report needs a visit ID.');
  });

  it('keeps formula-looking text as text', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Customers', 'C01', '客户名称', FORMULA);
    editCell(snapshot, 'Visits', 'V1', '结果', '-2+3');
    const g = grid(bookOf(snapshot), { template: 'visit-report', visit: 'V1' });
    expectText(g, FORMULA);
    expectText(g, '-2+3');
  });
});
