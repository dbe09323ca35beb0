import {
  FORMULA,
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

describe('satisfaction-survey 大客户满意度调查表', () => {
  it("is a blank survey for the customer: a tick box per question on the 1–5 scale", async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'satisfaction-survey', customer: 'C05' });
    expectCommonLayout(g, 'zh', '大客户满意度调查表', 'KAM-SS-C05', '市场营销部');
    expect(fieldValue(g, '客户编号')?.value).toBe('C05');
    expect(fieldValue(g, '客户名称')?.value).toBe('示例客户05有限公司');
    expect(fieldValue(g, '联系人')?.value).toBe('联系人5');
    expect(fieldValue(g, '负责专员')?.value).toBe('S02 冯专员');
    const head = cellsWith(g, '调查项目')[0];
    const scale = g.cells.filter((c) => c.row === head.row && c.col > head.col).map((c) => c.value);
    expect(scale).toEqual(['非常满意\n（5）', '满意\n（4）', '一般\n（3）', '不满意\n（2）', '非常不满意\n（1）']);
    const rows = tableRows(g, '序号');
    expect(rows).toHaveLength(11);
    expect(rows[0]).toEqual([1, '产品与服务质量', '□', '□', '□', '□', '□']);
    expect(rows[10][1]).toBe('总体满意度');
    expect(cellsWith(g, '□').every((c) => c.style === 'check')).toBe(true);
    // Blanks for the respondent.
    for (const label of ['填表人（签字）', '职务', '调查人', '填表日期']) expect(fieldValue(g, label)?.value).toBeNull();
    expect(cellsWith(g, '意见和建议')).toHaveLength(1);
  });

  it('is in English in an English workbook', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'satisfaction-survey', customer: 'C05' }, 'en');
    expectCommonLayout(g, 'en', 'Key Account Satisfaction Survey', 'KAM-SS-C05', 'Marketing Department');
    expectNoChineseWords(g);
    expect(tableRows(g, 'No.')[0][1]).toBe('Quality of products and services');
  });

  it('refuses an unknown customer', async () => {
    const e = error(bookOf(await fixtureSnapshot()), { template: 'satisfaction-survey', customer: 'NOPE' });
    expect(e).toMatchObject({ code: 'unknown_customer', id: 'NOPE', template: 'satisfaction-survey' });
  });

  it('keeps formula-looking text as text', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Customers', 'C05', '客户名称', FORMULA);
    const g = grid(bookOf(snapshot), { template: 'satisfaction-survey', customer: 'C05' });
    expect(expectText(g, FORMULA)).toEqual(fieldValue(g, '客户名称'));
  });
});
