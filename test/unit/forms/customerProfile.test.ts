import { serialFromUtc } from '../../../src/domain/dates';
import {
  AS_OF,
  FORMULA,
  addRow,
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

describe('customer-profile 大客户信息档案表', () => {
  it('holds the archive fields of the customer, in the right cells and formats', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'customer-profile', customer: 'C01' });
    expectCommonLayout(g, 'zh', '大客户信息档案表', 'KAM-CP-C01', '市场营销部');
    expect(g.subject).toBe('C01');
    expect(fieldValue(g, '客户编号')?.value).toBe('C01');
    expect(fieldValue(g, '客户名称')?.value).toBe('示例客户01有限公司');
    expect(fieldValue(g, '统一社会信用代码')?.value).toBe('91440001MA2000131Q');
    expect(fieldValue(g, '行业')?.value).toBe('制造');
    expect(fieldValue(g, '区域')?.value).toBe('华东');
    expect(fieldValue(g, '客户等级')?.value).toBe('A');
    expect(fieldValue(g, '负责专员')?.value).toBe('S01 郑专员');
    expect(fieldValue(g, '状态')?.value).toBe('合作中');
    expect(fieldValue(g, '联系人')?.value).toBe('联系人1');
    expect(fieldValue(g, '联系人职务')?.value).toBe('总监');
    // A phone number stays text (no number format eats its digits).
    expect(fieldValue(g, '联系电话')).toMatchObject({ value: '13900000001', style: 'text' });
    expect(fieldValue(g, '地址')?.value).toBe('示例路1号');
    expect(fieldValue(g, '流失日期')?.value).toBeNull();
    const annual = fieldValue(g, '年合同额（万元）')!;
    expect(annual).toMatchObject({ value: 150, style: 'amount' });
    expect(g.styles.amount.numFmt).toBe('#,##0.00');
    expect(fieldValue(g, '建档日期')).toMatchObject({ value: serialFromUtc(2024, 5, 1), style: 'date' });
    expect(fieldValue(g, '开发日期')).toMatchObject({ value: serialFromUtc(2025, 1, 10), style: 'date' });
    expect(g.styles.date.numFmt).toBe('yyyy-mm-dd');
    // A full-width field spans the value columns to the right edge.
    const address = fieldValue(g, '地址')!;
    expect(g.merges.find((m) => m.box.top === address.row && m.box.left === address.col)?.box.right).toBe(12);
  });

  it('lists the last visits (newest first, up to the as-of day), the contracts with their total, and the complaints', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'customer-profile', customer: 'C01' });
    expect(tableRows(g, '拜访编号')).toEqual([
      ['V3', serialFromUtc(2025, 12, 1), '接待', '已完成', '郑专员', null],
      ['V1', serialFromUtc(2025, 10, 9), '回访', '已完成', '郑专员', null],
    ]);
    expect(tableRows(g, '合同编号')).toEqual([
      ['K3', serialFromUtc(2025, 11, 2), 60, '作废', 'S01 郑专员'],
      ['K1', serialFromUtc(2025, 10, 15), 120, '有效', 'S01 郑专员'],
    ]);
    expect(allText(g)).toContain('共 2 份合同，有效合同金额合计 120.00 万元。');
    expect(tableRows(g, '投诉编号')).toEqual([['P1', serialFromUtc(2025, 10, 20), '是', '发货错误', '补发', serialFromUtc(2025, 10, 22)]]);
    expect(allText(g)).toContain('共 1 次投诉，其中有效投诉 1 次。');
    for (const heading of ['一、客户基本信息', '二、最近拜访记录', '三、合同记录', '四、投诉记录']) {
      expect(cellsWith(g, heading)[0]?.style).toBe('section');
    }
  });

  it('says (none) for empty lists, and lists only the latest visits when there are many', async () => {
    const snapshot = await fixtureSnapshot();
    for (let i = 1; i <= 6; i++) {
      addRow(snapshot, 'Visits', {
        拜访编号: `VX${i}`,
        客户编号: 'C04',
        员工编号: 'S01',
        拜访类型: '首访',
        计划日期: `2025-0${i}-10`,
        实际日期: `2025-0${i}-11`,
        状态: '已完成',
        目的: `目的${i}`,
        结果: `结果${i}`,
      });
    }
    // A visit after the as-of day is not one of the "last" ones.
    addRow(snapshot, 'Visits', { 拜访编号: 'VX9', 客户编号: 'C04', 员工编号: 'S01', 拜访类型: '首访', 计划日期: '2026-03-01', 状态: '计划' });
    const g = grid(bookOf(snapshot), { template: 'customer-profile', customer: 'C04' });
    const visits = tableRows(g, '拜访编号');
    expect(visits.map((r) => r[0])).toEqual(['VX6', 'VX5', 'VX4', 'VX3', 'VX2']);
    expect(visits[0][5]).toBe('目的6 / 结果6');
    expect(allText(g)).toContain('仅列最近 5 条，共 6 条。');
    expect(cellsWith(g, '（无）')).toHaveLength(2); // no contracts, no complaints
  });

  it('is in English in an English workbook', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'customer-profile', customer: 'C01' }, 'en');
    expectCommonLayout(g, 'en', 'Key Account Profile', 'KAM-CP-C01', 'Marketing Department');
    expect(fieldValue(g, 'Customer Name')?.value).toBe('示例客户01有限公司');
    expect(fieldValue(g, 'Status')?.value).toBe('Active');
    expect(fieldValue(g, 'Annual Value (10k CNY)')?.value).toBe(150);
    expect(tableRows(g, 'Visit ID').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['V3', 'Reception', 'Done'],
      ['V1', 'Revisit', 'Done'],
    ]);
    expect(tableRows(g, 'Contract ID').map((r) => r[3])).toEqual(['Void', 'Valid']);
    expect(tableRows(g, 'Complaint ID')[0][2]).toBe('Yes');
    expect(allText(g)).toContain('2 contracts; valid contracts total 120.00 (10k CNY).');
    expectNoChineseWords(g);
  });

  it('finds the customer whatever the case of the ID', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'customer-profile', customer: ' c02 ' });
    expect(fieldValue(g, '客户编号')?.value).toBe('C02');
  });

  it('refuses an unknown or a missing customer with a clear error in both languages', async () => {
    const book = bookOf(await fixtureSnapshot());
    const e = error(book, { template: 'customer-profile', customer: 'C99' });
    expect(e).toMatchObject({ kind: 'error', code: 'unknown_customer', template: 'customer-profile', id: 'C99', subject: 'customer' });
    expect(e.message.zh).toBe('客户档案表中没有客户编号为“C99”的客户。');
    expect(e.message.en).toBe('There is no customer with ID "C99" in the Customers table.');
    const missing = error(book, { template: 'customer-profile' });
    expect(missing).toMatchObject({ code: 'missing_subject', subject: 'customer' });
    expect(missing.message.zh).toBe('大客户信息档案表需要指定客户编号。');
    expect(missing.message.en).toBe('The Key Account Profile needs a customer ID.');
    expect(error(book, { template: 'customer-profile', customer: '   ' }).code).toBe('missing_subject');
  });

  it('keeps formula-looking text as text', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Customers', 'C01', '客户名称', FORMULA);
    editCell(snapshot, 'Customers', 'C01', '备注', '@SUM(A1)');
    editCell(snapshot, 'Customers', 'C01', '地址', '+1-2');
    const g = grid(bookOf(snapshot), { template: 'customer-profile', customer: 'C01' });
    expect(expectText(g, FORMULA)).toEqual(fieldValue(g, '客户名称'));
    expectText(g, '@SUM(A1)');
    expectText(g, '+1-2');
  });

  it('lays out the same whatever the as-of day, except the visits it counts', async () => {
    const book = bookOf(await fixtureSnapshot());
    const early = grid(book, { template: 'customer-profile', customer: 'C01', asOf: serialFromUtc(2025, 11, 1) });
    expect(tableRows(early, '拜访编号').map((r) => r[0])).toEqual(['V1']);
    expect(allText(early)).toContain('数据截至：2025-11-01');
    expect(allText(grid(book, { template: 'customer-profile', customer: 'C01', asOf: AS_OF }))).toContain('数据截至：2026-01-10');
  });
});
