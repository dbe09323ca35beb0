/**
 * The three output tables the add-in owns (SPEC §2, Outputs): KpiResults (long form, one row
 * per person and KPI), Scorecards (one row per scored employee) and Pipeline (open
 * opportunities per stage). Pure: a KPI report in, rows of plain cell values out.
 *
 * The tables keep history: every row carries its period, and recalculating a period replaces
 * only that period's rows (mergePeriod). Their headers are read like input headers (Chinese or
 * English, trimmed, case- and width-insensitive), so the rows of a new period are laid out in
 * whatever column order the workbook's table has, user columns left blank (layoutRows).
 */
import type { Book } from './book';
import { CellValue, isBlank, normalizeWord, toPeriod } from './cells';
import type { Lang } from './i18n/messages';
import { COUNT_KPIS, KPI_LABELS, KpiCode, KpiReport, RATE_KPIS, Score, ScoreItem, kpiCodeOf } from './kpi';
import { AMOUNT_FORMAT, PERCENT_FORMAT, ROLE, STAGE } from './tables';

export const OUTPUT_TABLE_NAMES = ['KpiResults', 'Scorecards', 'Pipeline'] as const;
export type OutputTableName = (typeof OUTPUT_TABLE_NAMES)[number];

/** Sheet names of the output tables: Chinese workbook, English workbook (= the table name). */
export const OUTPUT_SHEETS: Readonly<Record<OutputTableName, { zh: string; en: string }>> = {
  KpiResults: { zh: 'KPI结果', en: 'KpiResults' },
  Scorecards: { zh: '考核汇总', en: 'Scorecards' },
  Pipeline: { zh: '商机漏斗', en: 'Pipeline' },
};

/** One column of an output table. */
export interface OutputColumn {
  key: string;
  zh: string;
  en: string;
  /** Other headers that name the column too (a Scorecards KPI column also answers to its code). */
  aliases?: readonly string[];
  /** Excel number format of the column's data cells. */
  numFmt: string;
  /** Width in characters. */
  width: number;
}

/** An output table for one period, laid out in its own column order. */
export interface OutputTable {
  name: OutputTableName;
  /** Sheet name in the workbook's language. */
  sheetName: string;
  columns: OutputColumn[];
  /** Headers in the workbook's language (columns[i][lang]). */
  headers: string[];
  /** One array per row, in `columns` order; null is a blank cell. */
  rows: CellValue[][];
}

export type OutputTables = Record<OutputTableName, OutputTable>;

const TEXT = '@';
const GENERAL = 'General';
const COUNT = '0';
const SCORE = '0.0';

const column = (key: string, zh: string, en: string, numFmt: string, width: number, aliases?: string[]): OutputColumn => ({
  key,
  zh,
  en,
  numFmt,
  width,
  ...(aliases ? { aliases } : {}),
});

// The columns that open every output table: they say whose row it is and for which period.
const PERIOD = column('period', '期间', 'Period', TEXT, 9);
const STAFF_ID = column('staffId', '员工编号', 'Staff ID', TEXT, 11);
const NAME = column('name', '姓名', 'Name', TEXT, 12);
const ROLE_COLUMN = column('role', '岗位', 'Role', TEXT, 11);

/**
 * KpiResults (SPEC §2): the value of 值 and 目标 is a rate for some KPIs and a count or an
 * amount for others, so those columns keep Excel's General format (a column has one format; the
 * KPI code on the row says what the number is).
 */
export const KPI_RESULT_COLUMNS: readonly OutputColumn[] = [
  PERIOD,
  STAFF_ID,
  NAME,
  ROLE_COLUMN,
  column('kpi', '指标代码', 'KPI Code', TEXT, 24),
  column('label', '指标', 'KPI', TEXT, 26),
  column('numerator', '分子', 'Numerator', GENERAL, 12),
  column('denominator', '分母', 'Denominator', GENERAL, 12),
  column('value', '值', 'Value', GENERAL, 12),
  column('target', '目标', 'Target', GENERAL, 10),
  column('weight', '权重', 'Weight', GENERAL, 8),
  column('score', '得分', 'Score', SCORE, 8),
];

const TOTAL = column('total', '综合得分', 'Total Score', SCORE, 10);
const RESULT = column('result', '考核结果', 'Result', TEXT, 10);

export const PIPELINE_COLUMNS: readonly OutputColumn[] = [
  PERIOD,
  STAFF_ID,
  NAME,
  column('stage', '阶段', 'Stage', TEXT, 12),
  column('count', '数量', 'Count', COUNT, 8),
  column('expectedAmount', '预计金额（万元）', 'Expected Amount (10k CNY)', AMOUNT_FORMAT, 18),
  column('weightedAmount', '加权金额（万元）', 'Weighted Amount (10k CNY)', AMOUNT_FORMAT, 18),
];


/** The number format of a KPI's value: rates as percentages, counts whole, amounts with cents. */
export function kpiNumFmt(code: KpiCode | null): string {
  if (code === null) return SCORE; // an Assessments item: a 0–100 score
  if (RATE_KPIS.has(code)) return PERCENT_FORMAT;
  if (COUNT_KPIS.has(code)) return COUNT;
  if (code === 'pipeline_weighted') return AMOUNT_FORMAT;
  return SCORE; // satisfaction: a mean 0–100 score
}

/** Words of the outputs that are not headers. */
const WORDS = {
  zh: { department: '大客户部', pass: '合格', warning: '警告' },
  en: { department: 'Department', pass: 'Pass', warning: 'Warning' },
} as const;

/**
 * Scorecards: the fixed columns, one column per scheme item (the union over every role, in
 * scheme order, each item once), then the total and the result. An employee's row leaves the
 * items of other roles blank. A KPI column is headed by the KPI's name and also answers to its
 * code; an Assessments item column by the item's own name in both languages.
 */
export function scorecardColumns(book: Pick<Book, 'scheme'>): OutputColumn[] {
  const items: OutputColumn[] = [];
  const seen = new Set<string>();
  for (const line of book.scheme) {
    const id = itemId(line.kpi);
    if (seen.has(id)) continue;
    seen.add(id);
    const code = kpiCodeOf(line.kpi);
    const name = line.kpi.trim();
    items.push(
      code
        ? column(id, KPI_LABELS[code].zh, KPI_LABELS[code].en, kpiNumFmt(code), 14, [code])
        : column(id, name, name, kpiNumFmt(null), Math.max(10, Math.min(24, name.length * 2 + 2))),
    );
  }
  return [PERIOD, STAFF_ID, NAME, ROLE_COLUMN, ...items, TOTAL, RESULT];
}

/** The column key of a scheme item: its KPI code, or its normalized Assessments item name. */
function itemId(kpi: string): string {
  return `item:${kpiCodeOf(kpi) ?? normalizeWord(kpi)}`;
}

interface Person {
  name: string | null;
  /** The canonical (Chinese) role word. */
  role: string | null;
}

/** Staff rows by ID (the first row of a repeated ID stands, as in the KPIs). */
function staffDirectory(book: Pick<Book, 'Staff'>): Map<string, Person> {
  const out = new Map<string, Person>();
  for (const r of book.Staff.rows) {
    const v = r.v as { staffId: string | null; name: string | null; role: string | null };
    if (v.staffId !== null && !out.has(v.staffId)) out.set(v.staffId, { name: v.name, role: v.role });
  }
  return out;
}

function roleWord(role: string | null | undefined, lang: Lang): string | null {
  if (!role) return null;
  return ROLE.members.find((m) => m.zh === role)?.[lang] ?? role;
}

function stageWord(stage: string, lang: Lang): string {
  return STAGE.members.find((m) => m.zh === stage)?.[lang] ?? stage;
}

function kpiLabel(kpi: string, lang: Lang): string {
  const code = kpiCodeOf(kpi);
  return code ? KPI_LABELS[code][lang] : kpi.trim();
}

/**
 * The three output tables of a report, in the workbook's language.
 *
 * - KpiResults: per person in Staff table order (the listed 专员 and 经理, and every other
 *   scored employee such as the 内勤), the twelve KPIs of SPEC §3 in their order with the scheme's
 *   target, weight and score where the role scores that KPI; then the person's other scorecard
 *   items (Assessments items, or a KPI the role is scored on but is not listed for), whose
 *   numerator and denominator are blank. The department comes last: 员工编号 blank, 姓名
 *   大客户部, no scores (the manager's rows carry the department's values and the scores).
 * - Scorecards: one row per scored employee, in the report's order.
 * - Pipeline: the six open stages per specialist, then the department (员工编号 blank).
 */
export function outputRows(report: KpiReport, book: Pick<Book, 'Staff' | 'scheme'>, lang: Lang): OutputTables {
  const staff = staffDirectory(book);
  const words = WORDS[lang];
  const period = report.period;
  const scores = new Map<string, Score>(report.scores.map((s) => [s.staffId, s]));

  // --- KpiResults
  const resultsOf = new Map<string | null, KpiReport['results']>();
  for (const r of report.results) {
    const list = resultsOf.get(r.staffId) ?? [];
    list.push(r);
    resultsOf.set(r.staffId, list);
  }
  const order = new Map<string, number>();
  for (const r of book.Staff.rows) {
    const id = (r.v as { staffId: string | null }).staffId;
    if (id !== null && !order.has(id)) order.set(id, order.size);
  }
  const people = [...new Set([...report.results.map((r) => r.staffId), ...report.scores.map((s) => s.staffId)])].filter(
    (id): id is string => id !== null,
  );
  // A stable sort: people missing from Staff (none in practice) keep the report's order, last.
  people.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));

  const kpiRows: CellValue[][] = [];
  const kpiRow = (staffId: string | null, name: string | null, role: string | null, kpi: string, m: Partial<ResultCells>): CellValue[] => [
    period,
    staffId,
    name,
    role,
    kpi,
    kpiLabel(kpi, lang),
    m.numerator ?? null,
    m.denominator ?? null,
    m.value ?? null,
    m.target ?? null,
    m.weight ?? null,
    m.score ?? null,
  ];
  for (const staffId of people) {
    const person = staff.get(staffId);
    const score = scores.get(staffId);
    const role = roleWord(score?.role ?? person?.role, lang);
    const name = person?.name ?? null;
    const items = [...(score?.items ?? [])];
    const take = (code: KpiCode): ScoreItem | undefined => {
      const i = items.findIndex((it) => kpiCodeOf(it.kpi) === code);
      return i < 0 ? undefined : items.splice(i, 1)[0];
    };
    for (const r of resultsOf.get(staffId) ?? []) {
      const item = take(r.kpi);
      kpiRows.push(kpiRow(staffId, name, role, r.kpi, { ...r, ...(item ? scoreCells(item) : {}) }));
    }
    for (const item of items) {
      kpiRows.push(kpiRow(staffId, name, role, kpiCodeOf(item.kpi) ?? item.kpi.trim(), { value: item.value, ...scoreCells(item) }));
    }
  }
  for (const r of resultsOf.get(null) ?? []) kpiRows.push(kpiRow(null, words.department, null, r.kpi, r));

  // --- Scorecards
  const cardColumns = scorecardColumns(book);
  const cardRows = report.scores.map((s) => {
    const values = new Map<string, number | null>();
    for (const it of s.items) {
      const id = itemId(it.kpi);
      if (!values.has(id)) values.set(id, it.value);
    }
    const result = s.total === null ? null : s.warning ? words.warning : words.pass;
    return cardColumns.map((c): CellValue => {
      switch (c.key) {
        case 'period':
          return period;
        case 'staffId':
          return s.staffId;
        case 'name':
          return staff.get(s.staffId)?.name ?? null;
        case 'role':
          return roleWord(s.role, lang);
        case 'total':
          return s.total;
        case 'result':
          return result;
        default:
          return values.get(c.key) ?? null;
      }
    });
  });

  // --- Pipeline
  const pipelineRows = report.pipeline.map((p): CellValue[] => [
    period,
    p.staffId,
    p.staffId === null ? words.department : (staff.get(p.staffId)?.name ?? null),
    stageWord(p.stage, lang),
    p.count,
    p.expectedAmount,
    p.weightedAmount,
  ]);

  const table = (name: OutputTableName, columns: readonly OutputColumn[], rows: CellValue[][]): OutputTable => ({
    name,
    sheetName: OUTPUT_SHEETS[name][lang],
    columns: [...columns],
    headers: columns.map((c) => c[lang]),
    rows,
  });
  return {
    KpiResults: table('KpiResults', KPI_RESULT_COLUMNS, kpiRows),
    Scorecards: table('Scorecards', cardColumns, cardRows),
    Pipeline: table('Pipeline', PIPELINE_COLUMNS, pipelineRows),
  };
}

interface ResultCells {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  target: number | null;
  weight: number | null;
  score: number | null;
}

function scoreCells(item: ScoreItem): Pick<ResultCells, 'target' | 'weight' | 'score'> {
  return { target: item.target, weight: item.weight, score: item.score };
}

/** Every spelling of a column's header, normalized. */
function spellings(c: OutputColumn): string[] {
  return [c.zh, c.en, ...(c.aliases ?? [])].map(normalizeWord);
}

/** Where each column of `columns` sits among `headers` (-1: absent); the first matching header wins. */
export function columnPositions(columns: readonly OutputColumn[], headers: readonly CellValue[]): number[] {
  const normalized = headers.map((h) => (isBlank(h) ? null : normalizeWord(String(h))));
  const used = new Set<number>();
  return columns.map((c) => {
    const names = spellings(c);
    const at = normalized.findIndex((h, i) => h !== null && !used.has(i) && names.includes(h));
    if (at >= 0) used.add(at);
    return at;
  });
}

/**
 * The rows of a fresh output table re-laid out in an existing table's header order: each value
 * goes under the header that names its column (Chinese or English); user columns stay blank.
 * `missing` lists the columns the existing table lacks (their values are dropped).
 */
export function layoutRows(table: Pick<OutputTable, 'columns' | 'rows'>, headers: readonly CellValue[]): { rows: CellValue[][]; missing: OutputColumn[] } {
  const positions = columnPositions(table.columns, headers);
  const missing = table.columns.filter((_, i) => positions[i] < 0);
  const rows = table.rows.map((r) => {
    const out: CellValue[] = new Array(headers.length).fill(null);
    positions.forEach((p, i) => {
      if (p >= 0) out[p] = r[i] ?? null;
    });
    return out;
  });
  return { rows, missing };
}

/** The period label a 期间 cell holds (`2026Q3`), or its text when it is no period. */
function periodKey(v: CellValue): string | null {
  if (isBlank(v)) return null;
  const p = toPeriod(v);
  if (p !== null && typeof p === 'object') return p.label;
  return normalizeWord(String(v));
}

/** Position of the 期间 column among the headers, or -1. */
export function periodColumn(headers: readonly CellValue[]): number {
  return columnPositions([PERIOD], headers)[0];
}

/**
 * The body of an output table after recalculating `period` (SPEC §2: "replaces only that
 * period's rows"): the existing rows of other periods, in their order, then the new rows.
 * Blank rows are dropped. `newRows` are laid out in `headers` order already (layoutRows).
 * Throws when the headers have no 期间 column: without it no row can be told apart.
 */
export function mergePeriod(existingRows: readonly CellValue[][], headers: readonly CellValue[], period: string, newRows: readonly CellValue[][]): CellValue[][] {
  const at = periodColumn(headers);
  if (at < 0) throw new Error(`output table has no ${PERIOD.zh} / ${PERIOD.en} column`);
  const label = periodKey(period);
  const kept = existingRows.filter((r) => !r.every(isBlank) && periodKey(r[at]) !== label);
  return [...kept.map((r) => [...r]), ...newRows.map((r) => [...r])];
}
