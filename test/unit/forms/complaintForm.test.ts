import { serialFromUtc } from '../../../src/domain/dates';
import {
  FORMULA,
  bookOf,
  editCell,
  error,
  expectCommonLayout,
  expectNoChineseWords,
  expectText,
  fieldValue,
  fixtureSnapshot,
  grid,
} from './helpers';

describe('complaint-form 客户投诉处理单', () => {
  it('holds the complaint and its handling', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'complaint-form', complaint: 'P1' });
    expectCommonLayout(g, 'zh', '客户投诉处理单', 'KAM-CF-P1', '客服部');
    expect(g.subject).toBe('P1');
    expect(fieldValue(g, '投诉编号')?.value).toBe('P1');
    expect(fieldValue(g, '投诉日期')).toMatchObject({ value: serialFromUtc(2025, 10, 20), style: 'date' });
    expect(fieldValue(g, '客户编号')?.value).toBe('C01');
    expect(fieldValue(g, '客户名称')?.value).toBe('示例客户01有限公司');
    expect(fieldValue(g, '责任人')?.value).toBe('S01 郑专员');
    expect(fieldValue(g, '有效投诉')?.value).toBe('是');
    expect(fieldValue(g, '结案日期')).toMatchObject({ value: serialFromUtc(2025, 10, 22), style: 'date' });
    expect(fieldValue(g, '处理状态')?.value).toBe('已结案，用时 2 天');
    expect(fieldValue(g, '投诉内容')?.value).toBe('发货错误');
    expect(fieldValue(g, '处理结果')?.value).toBe('补发');
    for (const label of ['原因分析', '改进措施', '客户回访意见']) expect(fieldValue(g, label)?.value).toBeNull();
    expect(fieldValue(g, '责任人签字')?.value).toBeNull();
    expect(fieldValue(g, '部门经理签字')?.value).toBeNull();
  });

  it('says how long an open complaint has waited by the as-of day', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Complaints', 'P2', '结案日期', null);
    const g = grid(bookOf(snapshot), { template: 'complaint-form', complaint: 'P2' });
    expect(fieldValue(g, '结案日期')?.value).toBe('处理中');
    expect(fieldValue(g, '处理状态')?.value).toBe('处理中，已 68 天');
    expect(fieldValue(g, '有效投诉')?.value).toBe('否');
  });

  it('is in English in an English workbook', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'complaint-form', complaint: 'P1' }, 'en');
    expectCommonLayout(g, 'en', 'Customer Complaint Form', 'KAM-CF-P1', 'Customer Service Department');
    expectNoChineseWords(g);
    expect(fieldValue(g, 'Valid')?.value).toBe('Yes');
    expect(fieldValue(g, 'Handling')?.value).toBe('Closed after 2 days');
  });

  it('refuses an unknown or a missing complaint', async () => {
    const book = bookOf(await fixtureSnapshot());
    const e = error(book, { template: 'complaint-form', complaint: 'P9' });
    expect(e).toMatchObject({ code: 'unknown_complaint', id: 'P9' });
    expect(e.message.zh).toBe('投诉表中没有投诉编号为“P9”的投诉。');
    expect(error(book, { template: 'complaint-form' }).message.zh).toBe('客户投诉处理单需要指定投诉编号。');
  });

  it('keeps formula-looking text as text', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Customers', 'C01', '客户名称', FORMULA);
    editCell(snapshot, 'Complaints', 'P1', '投诉内容', '=WEBSERVICE("http://x")');
    const g = grid(bookOf(snapshot), { template: 'complaint-form', complaint: 'P1' });
    expectText(g, FORMULA);
    expectText(g, '=WEBSERVICE("http://x")');
  });
});
