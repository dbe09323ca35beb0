/**
 * The output tables of SPEC §2 (KpiResults, Scorecards, Pipeline): layouts, blanks for nulls,
 * both languages, and the period merge that keeps history.
 */
import * as path from 'node:path';
import { Book, readBook } from '../../src/domain/book';
import { CellValue } from '../../src/domain/cells';
import { serialFromUtc } from '../../src/domain/dates';
import { KPI_CODES, KpiReport, computeKpis } from '../../src/domain/kpi';
import {
  KPI_RESULT_COLUMNS,
  OutputTable,
  PIPELINE_COLUMNS,
  kpiNumFmt,
  layoutRows,
  mergePeriod,
  outputRows,
  scorecardColumns,
} from '../../src/domain/outputs';
import { parsePeriod } from '../../src/domain/periods';
import { validate } from '../../src/domain/validate';
import { readXlsxSnapshot } from '../../src/workbook/xlsx/read';
import { STAFF, run } from './kpi/kpiBook';
import { bookSnapshot } from '../helpers/snapshot';

const FIXTURE = path.join(__dirname, '../fixtures/example-2025Q4.xlsx');
const AS_OF = serialFromUtc(2026, 1, 10);

let report: KpiReport;
let book: Book;

beforeAll(async () => {
  const read = readBook(await readXlsxSnapshot(FIXTURE));
  validate(read, { asOf: AS_OF });
  book = read.book;
  report = computeKpis(book, parsePeriod('2025Q4')!, AS_OF);
});

/** Rows as records keyed by header, for readable expectations. */
function records(t: OutputTable): Record<string, CellValue>[] {
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

describe('KpiResults', () => {
  it('has the columns of SPEC §2 in both languages', () => {
    const zh = outputRows(report, book, 'zh').KpiResults;
    expect(zh.sheetName).toBe('KPI结果');
    expect(zh.headers).toEqual(['期间', '员工编号', '姓名', '岗位', '指标代码', '指标', '分子', '分母', '值', '目标', '权重', '得分']);
    const en = outputRows(report, book, 'en').KpiResults;
    expect(en.sheetName).toBe('KpiResults');
    expect(en.headers).toEqual(['Period', 'Staff ID', 'Name', 'Role', 'KPI Code', 'KPI', 'Numerator', 'Denominator', 'Value', 'Target', 'Weight', 'Score']);
  });

  it('holds every result of the report with its numerator, denominator and value; null stays blank', () => {
    const rows = records(outputRows(report, book, 'zh').KpiResults);
    for (const r of report.results) {
      const row = rows.find((x) => x['员工编号'] === r.staffId && x['指标代码'] === r.kpi);
      expect(row).toBeDefined();
      expect([row!['分子'], row!['分母'], row!['值']]).toEqual([r.numerator, r.denominator, r.value]);
    }
    // Counts have no denominator: a blank cell, not 0.
    const churn = rows.find((x) => x['员工编号'] === 'S01' && x['指标代码'] === 'churn_count')!;
    expect(churn['分母']).toBeNull();
  });

  it('lists people in Staff order, each with the twelve KPIs then their other scorecard items, the department last', () => {
    const rows = records(outputRows(report, book, 'zh').KpiResults);
    const people = [...new Set(rows.map((r) => r['员工编号']))];
    expect(people).toEqual(['M01', 'C01', 'S01', 'S02', null]);
    expect(rows.filter((r) => r['员工编号'] === 'S01').map((r) => r['指标代码'])).toEqual([...KPI_CODES]);
    const dept = rows.filter((r) => r['员工编号'] === null);
    expect(dept.map((r) => r['指标代码'])).toEqual([...KPI_CODES]);
    expect(dept.every((r) => r['姓名'] === '大客户部' && r['岗位'] === null && r['权重'] === null && r['得分'] === null)).toBe(true);
    expect(rows.every((r) => r['期间'] === '2025Q4')).toBe(true);
  });

  it('carries target, weight and score on the KPIs the role is scored on, and only there', () => {
    const rows = records(outputRows(report, book, 'zh').KpiResults);
    const s01 = report.scores.find((s) => s.staffId === 'S01')!;
    for (const item of s01.items) {
      const row = rows.find((x) => x['员工编号'] === 'S01' && x['指标代码'] === item.kpi)!;
      expect([row['目标'], row['权重'], row['得分']]).toEqual([item.target, item.weight, item.score]);
      expect(row['岗位']).toBe('专员');
      expect(row['姓名']).toBe('郑专员');
    }
    const unscored = rows.find((x) => x['员工编号'] === 'S01' && x['指标代码'] === 'satisfaction')!;
    expect([unscored['目标'], unscored['权重'], unscored['得分']]).toEqual([null, null, null]);
    // The manager's rows are the department's values, with the manager's scores.
    const mgr = rows.find((x) => x['员工编号'] === 'M01' && x['指标代码'] === 'sales_completion')!;
    const dept = rows.find((x) => x['员工编号'] === null && x['指标代码'] === 'sales_completion')!;
    expect(mgr['值']).toBe(dept['值']);
    expect(mgr['权重']).toBe(40);
  });

  it('shows the clerk from Assessments: items with their mean score, no numerator or denominator', () => {
    const rows = records(outputRows(report, book, 'zh').KpiResults).filter((r) => r['员工编号'] === 'C01');
    const clerk = report.scores.find((s) => s.staffId === 'C01')!;
    expect(rows.map((r) => r['指标代码'])).toEqual(clerk.items.map((i) => i.kpi));
    for (const [i, r] of rows.entries()) {
      expect(r).toMatchObject({ 岗位: '内勤', 指标: clerk.items[i].kpi, 分子: null, 分母: null, 值: clerk.items[i].value, 目标: null, 权重: 25, 得分: clerk.items[i].score });
    }
  });

  it('writes English words in an English workbook', () => {
    const rows = records(outputRows(report, book, 'en').KpiResults);
    expect(rows[0]).toMatchObject({ 'Staff ID': 'M01', Role: 'Manager', KPI: 'Sales plan completion' });
    expect(rows[rows.length - 1]).toMatchObject({ 'Staff ID': null, Name: 'Department', 'KPI Code': 'pipeline_weighted' });
  });

  it('formats scores with a decimal and leaves mixed value columns General', () => {
    const fmt = Object.fromEntries(KPI_RESULT_COLUMNS.map((c) => [c.zh, c.numFmt]));
    expect(fmt).toMatchObject({ 期间: '@', 员工编号: '@', 值: 'General', 目标: 'General', 得分: '0.0' });
  });
});

describe('Scorecards', () => {
  it('has one column per scheme item (the union over roles, in scheme order), then total and result', () => {
    const t = outputRows(report, book, 'zh').Scorecards;
    expect(t.sheetName).toBe('考核汇总');
    expect(t.headers).toEqual([
      '期间',
      '员工编号',
      '姓名',
      '岗位',
      '大客户销售计划完成率',
      '大客户档案完整率',
      '大客户流失率',
      '大客户新开发率',
      '专业技能',
      '调查能力',
      '问题解决能力',
      '创新能力',
      '综合得分',
      '考核结果',
    ]);
    expect(outputRows(report, book, 'en').Scorecards.headers.slice(-2)).toEqual(['Total Score', 'Result']);
  });

  it('has one row per scored employee with their values; other roles’ items blank', () => {
    const rows = records(outputRows(report, book, 'zh').Scorecards);
    expect(rows.map((r) => r['员工编号'])).toEqual(report.scores.map((s) => s.staffId));
    const s01 = report.scores.find((s) => s.staffId === 'S01')!;
    const row = rows.find((r) => r['员工编号'] === 'S01')!;
    expect(row).toMatchObject({ 期间: '2025Q4', 姓名: '郑专员', 岗位: '专员', 综合得分: s01.total, 考核结果: '合格' });
    expect(row['大客户销售计划完成率']).toBe(s01.items.find((i) => i.kpi === 'sales_completion')!.value);
    expect(row['专业技能']).toBeNull();
    const clerk = rows.find((r) => r['员工编号'] === 'C01')!;
    expect(clerk['大客户销售计划完成率']).toBeNull();
    expect(clerk['专业技能']).toBe(80);
  });

  it('says 警告 below warning_score, nothing without a total', () => {
    const staff = [...STAFF, { staffId: 'S03', name: '新专员', role: '专员' }];
    const r = run(
      { Staff: staff, Plans: [{ period: '2025Q4', staffId: 'S01', salesPlan: 100 }], Contracts: [] },
      { settings: { warning_score: 70 } },
    );
    const b = readBook(bookSnapshot({ Staff: staff }, { omit: ['ScoringScheme'] })).book;
    const rows = records(outputRows(r, b, 'zh').Scorecards);
    const s01 = rows.find((x) => x['员工编号'] === 'S01')!;
    expect(s01['综合得分']).toBeLessThan(70);
    expect(s01['考核结果']).toBe('警告');
    const none = rows.find((x) => x['员工编号'] === 'C01')!;
    expect(none['综合得分']).toBeNull();
    expect(none['考核结果']).toBeNull();
    expect(records(outputRows(r, b, 'en').Scorecards).find((x) => x['Staff ID'] === 'S01')!['Result']).toBe('Warning');
  });

  it('formats each KPI column by what it measures', () => {
    const cols = scorecardColumns(book);
    expect(cols.find((c) => c.key === 'item:sales_completion')!.numFmt).toBe('0.0%');
    expect(cols.find((c) => c.zh === '专业技能')!.numFmt).toBe('0.0');
    expect(kpiNumFmt('churn_count')).toBe('0');
    expect(kpiNumFmt('pipeline_weighted')).toBe('#,##0.00');
    expect(kpiNumFmt('satisfaction')).toBe('0.0');
  });

  it('takes each scheme item once, whatever its case, and KPI columns answer to their codes', () => {
    const scheme = [
      { role: '专员', kpi: 'satisfaction', weight: 50, target: 80, direction: '越高越好' },
      { role: '经理', kpi: 'Satisfaction', weight: 50, target: 80, direction: '越高越好' },
      { role: '经理', kpi: 'sales_completion', weight: 50, target: 1, direction: '越高越好' },
    ] as Book['scheme'];
    const cols = scorecardColumns({ scheme });
    expect(cols.map((c) => c.key)).toEqual(['period', 'staffId', 'name', 'role', 'item:satisfaction', 'item:sales_completion', 'total', 'result']);
    expect(layoutRows({ columns: cols, rows: [] }, ['期间', 'SATISFACTION', 'sales_completion']).missing.map((c) => c.key)).toEqual([
      'staffId',
      'name',
      'role',
      'total',
      'result',
    ]);
  });
});

describe('Pipeline', () => {
  it('lists the six open stages per specialist, then the department', () => {
    const t = outputRows(report, book, 'zh').Pipeline;
    expect(t.sheetName).toBe('商机漏斗');
    expect(t.headers).toEqual(['期间', '员工编号', '姓名', '阶段', '数量', '预计金额（万元）', '加权金额（万元）']);
    expect(t.rows).toHaveLength(report.pipeline.length);
    const rows = records(t);
    expect(rows.map((r) => r['员工编号'])).toEqual(report.pipeline.map((p) => p.staffId));
    const proposal = rows.find((r) => r['员工编号'] === 'S01' && r['阶段'] === '提案')!;
    expect(proposal).toMatchObject({ 期间: '2025Q4', 姓名: '郑专员', 数量: 1, '预计金额（万元）': 100, '加权金额（万元）': 40 });
    expect(rows[rows.length - 1]).toMatchObject({ 员工编号: null, 姓名: '大客户部', 阶段: '工程实施' });
    const en = records(outputRows(report, book, 'en').Pipeline);
    expect(en.slice(0, 6).map((r) => r['Stage'])).toEqual(['Lead', 'Initiation', 'Proposal', 'Bidding', 'Negotiation', 'Implementation']);
    expect(PIPELINE_COLUMNS.map((c) => c.numFmt)).toEqual(['@', '@', '@', '@', '0', '#,##0.00', '#,##0.00']);
  });
});

describe('layoutRows', () => {
  it('puts values under the headers that name them, Chinese or English, in any order; user columns stay blank', () => {
    const t = outputRows(report, book, 'zh').Pipeline;
    const headers = ['  STAGE ', '备注', 'period', '员工编号', '预计金额(万元)', '数量'];
    const { rows, missing } = layoutRows(t, headers);
    const s01 = rows.find((r) => r[3] === 'S01' && r[0] === '提案')!;
    expect(s01).toEqual(['提案', null, '2025Q4', 'S01', 100, 1]);
    expect(missing.map((c) => c.zh)).toEqual(['姓名', '加权金额（万元）']);
  });
});

describe('mergePeriod', () => {
  const headers = ['期间', '员工编号', '值'];

  it('keeps the other periods in their order and puts the new period’s rows last', () => {
    const existing: CellValue[][] = [
      ['2026Q2', 'S01', 1],
      ['2026Q3', 'S01', 2],
      ['2026Q2', 'S02', 3],
      ['2026Q3', 'S02', 4],
    ];
    const merged = mergePeriod(existing, headers, '2026Q3', [['2026Q3', 'S01', 20]]);
    expect(merged).toEqual([
      ['2026Q2', 'S01', 1],
      ['2026Q2', 'S02', 3],
      ['2026Q3', 'S01', 20],
    ]);
    // Twice the same: the same result.
    expect(mergePeriod(merged, headers, '2026Q3', [['2026Q3', 'S01', 20]])).toEqual(merged);
  });

  it('finds the period column by header in either language and drops blank rows', () => {
    const merged = mergePeriod(
      [
        [null, null, null],
        ['S01', ' 2026q3 ', 1],
        ['S01', '2026', 2],
      ],
      ['Staff ID', 'PERIOD', 'Value'],
      '2026Q3',
      [['S01', '2026Q3', 9]],
    );
    expect(merged).toEqual([
      ['S01', '2026', 2],
      ['S01', '2026Q3', 9],
    ]);
  });

  it('tells a year stored as a number or a month turned into a date by Excel', () => {
    const existing: CellValue[][] = [
      [2026, 'S01', 1],
      [new Date(Date.UTC(2026, 6, 1)), 'S01', 2],
      ['2026-08', 'S01', 3],
    ];
    expect(mergePeriod(existing, headers, '2026', [])).toEqual(existing.slice(1));
    expect(mergePeriod(existing, headers, '2026-07', [])).toEqual([existing[0], existing[2]]);
  });

  it('refuses a table without a period column', () => {
    expect(() => mergePeriod([], ['员工编号'], '2026Q3', [])).toThrow(/期间/);
  });
});
