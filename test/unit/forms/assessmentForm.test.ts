import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quarterPeriod } from '../../../src/domain/periods';
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

const Q4 = quarterPeriod(2025, 4);
const EXPECTED = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'example-2025Q4.expected.json'), 'utf8')) as {
  scores: { staffId: string; total: number; warning: boolean; items: { kpi: string; value: number; target: number | null; weight: number; score: number }[] }[];
};
const scoreOf = (id: string) => EXPECTED.scores.find((s) => s.staffId === id)!;

describe('assessment-form 季度绩效考核表', () => {
  it("holds the employee's scorecard: every KPI with value, target, weight and score, the total and the result", async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'assessment-form', staff: 'S01', period: Q4 });
    expectCommonLayout(g, 'zh', '季度绩效考核表', 'KAM-AF-S01-2025Q4', '人力资源部');
    expect(g.subject).toBe('S01 2025Q4');
    expect(fieldValue(g, '员工编号')?.value).toBe('S01');
    expect(fieldValue(g, '姓名')?.value).toBe('郑专员');
    expect(fieldValue(g, '岗位')?.value).toBe('专员');
    expect(fieldValue(g, '考核期间')?.value).toBe('2025Q4（2025-10-01 至 2025-12-31）');
    expect(fieldValue(g, '考核主体')?.value).toBe('大客户部经理、人力资源部');
    const expected = scoreOf('S01');
    const rows = tableRows(g, '序号');
    expect(rows.map((r) => r[1])).toEqual(['大客户销售计划完成率', '大客户档案完整率', '大客户流失率（越低越好）', '大客户新开发率']);
    rows.forEach((r, i) => {
      const e = expected.items[i];
      expect(r[0]).toBe(i + 1);
      expect(r[2]).toBeCloseTo(e.value, 9);
      expect(r[3]).toBeCloseTo(e.target!, 9);
      expect(r[4]).toBe(e.weight);
      expect(r[5]).toBeCloseTo(e.score, 9);
    });
    // Rates as percentages, scores with one decimal.
    const value = cellsWith(g, expected.items[0].value)[0];
    expect(g.styles[value.style].numFmt).toBe('0.0%');
    const total = fieldValue(g, '综合得分')!;
    expect(total.value).toBeCloseTo(expected.total, 9);
    expect(g.styles[total.style].numFmt).toBe('0.0');
    expect(fieldValue(g, '考核结果')?.value).toBe('合格');
    expect(cellsWith(g, '注：得分 0–120；综合得分 = Σ(权重 × 得分) ÷ Σ权重，实际值为 N/A 的指标不计入。综合得分低于 60 分者，将受到口头警告处分。')).toHaveLength(1);
  });

  it('has signature boxes for the employee, the assessor and Human Resources', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'assessment-form', staff: 'S01', period: Q4 });
    const boxes = ['被考核人', '考核人', '人力资源部'].map((t) => cellsWith(g, t).find((c) => c.style === 'signatureTitle')!);
    expect(new Set(boxes.map((c) => c.row)).size).toBe(1);
    expect(boxes.map((c) => c.col)).toEqual([1, 5, 9]);
    expect(cellsWith(g, '签字：')).toHaveLength(3);
    expect(cellsWith(g, '日期：')).toHaveLength(3);
    // Each box is outlined.
    for (const c of boxes) expect(g.borders.some((b) => b.box.top === c.row && b.box.left === c.col && b.box.bottom > c.row && b.edges.left === 'thin')).toBe(true);
    expect(cellsWith(g, '考核评语')).toHaveLength(1);
  });

  it('scores the clerk on the Assessments items and the manager on the department', async () => {
    const book = bookOf(await fixtureSnapshot());
    const clerk = grid(book, { template: 'assessment-form', staff: 'C01', period: Q4 });
    const rows = tableRows(clerk, '序号');
    expect(rows.map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['专业技能', 80, '—', 80],
      ['调查能力', 70, '—', 70],
      ['问题解决能力', 90, '—', 90],
      ['创新能力', 60, '—', 60],
    ]);
    expect(fieldValue(clerk, '综合得分')?.value).toBe(75);
    const manager = grid(book, { template: 'assessment-form', staff: 'M01', period: Q4 });
    expect(fieldValue(manager, '考核主体')?.value).toBe('营销总监、人力资源部');
    expect(fieldValue(manager, '综合得分')?.value).toBeCloseTo(scoreOf('M01').total, 9);
  });

  it('says 警告 below the warning score, and N/A for a KPI without a value', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Settings', 'warning_score', '值', 70);
    const g = grid(bookOf(snapshot), { template: 'assessment-form', staff: 'S01', period: Q4 });
    expect(fieldValue(g, '考核结果')?.value).toBe('警告');
    // No plan in 2025Q3: no sales completion value, left out of the total.
    const q3 = grid(bookOf(await fixtureSnapshot()), { template: 'assessment-form', staff: 'S01', period: quarterPeriod(2025, 3) });
    expect(tableRows(q3, '序号')[0].slice(2)).toEqual(['N/A', 1, 40, '—']);
  });

  it('is in English in an English workbook', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'assessment-form', staff: 'S01', period: Q4 }, 'en');
    expectCommonLayout(g, 'en', 'Quarterly Performance Assessment', 'KAM-AF-S01-2025Q4', 'Human Resources Department');
    expectNoChineseWords(g);
    expect(tableRows(g, 'No.').map((r) => r[1])).toEqual(['Sales plan completion', 'Archive completeness', 'Churn rate (lower is better)', 'New development rate']);
    expect(fieldValue(g, 'Result')?.value).toBe('Pass');
    expect(fieldValue(g, 'Role')?.value).toBe('Specialist');
    for (const t of ['Employee', 'Assessor', 'Human Resources Department']) expect(cellsWith(g, t).some((c) => c.style === 'signatureTitle')).toBe(true);
  });

  it('assesses the last quarter that ended by default', async () => {
    const g = grid(bookOf(await fixtureSnapshot()), { template: 'assessment-form', staff: 'S01' });
    expect(fieldValue(g, '考核期间')?.value).toBe('2025Q4（2025-10-01 至 2025-12-31）');
  });

  it('refuses an unknown employee, and one who has no scorecard', async () => {
    const book = bookOf(await fixtureSnapshot());
    expect(error(book, { template: 'assessment-form', staff: 'X1', period: Q4 })).toMatchObject({ code: 'unknown_staff', id: 'X1' });
    expect(error(book, { template: 'assessment-form', period: Q4 }).code).toBe('missing_subject');
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Staff', 'S02', '在职', '否');
    const e = error(bookOf(snapshot), { template: 'assessment-form', staff: 'S02', period: Q4 });
    expect(e.code).toBe('not_assessed');
    expect(e.message.zh).toContain('S02');
    expect(e.message.en).toContain('no scorecard for 2025Q4');
  });

  it('keeps formula-looking text as text', async () => {
    const snapshot = await fixtureSnapshot();
    editCell(snapshot, 'Staff', 'S01', '姓名', FORMULA);
    const g = grid(bookOf(snapshot), { template: 'assessment-form', staff: 'S01', period: Q4 });
    expect(expectText(g, FORMULA)).toEqual(fieldValue(g, '姓名'));
  });
});
