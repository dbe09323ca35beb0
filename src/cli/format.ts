import type { Book } from '../domain/book';
import type { Finding } from '../domain/findings';
import { findingMessage, severityLabel } from '../domain/i18n/messages';
import { COUNT_KPIS, KPI_LABELS, KpiReport, KpiResult, RATE_KPIS, Score } from '../domain/kpi';
import { TABLES_BY_NAME } from '../domain/tables';
import { Lang, Messages } from './messages';

/**
 * The readable terminal output of `kam validate` and `kam kpi`. Columns are aligned by display
 * width: a CJK character takes two terminal cells.
 */

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11), the ones a workbook meets. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Combining marks and zero-width characters take no cell. */
function isZeroWidth(cp: number): boolean {
  return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += isZeroWidth(cp) ? 0 : isWide(cp) ? 2 : 1;
  }
  return w;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Aligned rows ('l' left, 'r' right per column), two spaces between columns. */
export function layoutTable(rows: readonly string[][], align: readonly ('l' | 'r')[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) => {
    const cells = row.map((cell, i) => {
      const last = i === row.length - 1;
      if (align[i] === 'r') return padStart(cell, widths[i]);
      return last ? cell : padEnd(cell, widths[i]);
    });
    return (indent + cells.join('  ')).replace(/\s+$/, '');
  });
}

// ---------------------------------------------------------------------------------------
// validate

type SheetOf = (table: string) => string | undefined;

/** The sheet each table was read from, for messages that name what the user sees. */
export function sheetNames(book: Book): SheetOf {
  const tables = book as unknown as Record<string, { source?: { sheetName: string } | null }>;
  return (table) => tables[table]?.source?.sheetName;
}

function tableTitle(table: string, sheet: string | undefined, lang: Lang): string {
  const label = sheet ?? TABLES_BY_NAME.get(table)?.sheet[lang] ?? table;
  if (label.toLowerCase() === table.toLowerCase()) return label;
  return lang === 'zh' ? `${label}（${table}）` : `${label} (${table})`;
}

export function formatFindings(findings: readonly Finding[], sheetOf: SheetOf, lang: Lang, m: Messages): string {
  const lines: string[] = [];
  if (findings.length === 0) lines.push(m.noFindings);
  let current: string | null = null;
  for (const f of findings) {
    if (f.table !== current) {
      if (current !== null) lines.push('');
      current = f.table;
      lines.push(tableTitle(f.table, sheetOf(f.table), lang));
    }
    const sev = severityLabel(f.severity, lang);
    const width = Math.max(displayWidth(severityLabel('error', lang)), displayWidth(severityLabel('warning', lang)));
    lines.push(`  ${padEnd(sev, width)}  ${findingMessage(f, lang, sheetOf(f.table))}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  lines.push('', m.findingSummary(errors, findings.length - errors));
  return lines.join('\n');
}

/** `kam validate --json`: exactly the keys of SPEC §6, the message in the CLI's language. */
export function findingsJson(findings: readonly Finding[], sheetOf: SheetOf, lang: Lang): string {
  const list = findings.map((f) => ({
    table: f.table,
    row: f.row,
    column: f.column,
    code: f.code,
    severity: f.severity,
    message: findingMessage(f, lang, sheetOf(f.table)),
  }));
  return JSON.stringify({ findings: list }, null, 2);
}

// ---------------------------------------------------------------------------------------
// kpi


const NA = 'N/A';
const DASH = '-';

/** A plain number: integers as they are, else at most two decimals. */
export function formatNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return DASH;
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toFixed(2)));
}

export function formatPercent(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

/** A KPI value: rates as %, counts whole, scores and amounts as numbers; null → N/A. */
export function formatValue(kpi: string, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NA;
  if (RATE_KPIS.has(kpi)) return formatPercent(value);
  if (COUNT_KPIS.has(kpi)) return formatNumber(value);
  return value.toFixed(kpi === 'pipeline_weighted' ? 2 : 1).replace(/\.?0+$/, '') || '0';
}

function kpiLabel(kpi: string, lang: Lang): string {
  return (KPI_LABELS as Record<string, { zh: string; en: string } | undefined>)[kpi]?.[lang] ?? kpi;
}

interface StaffInfo {
  name: string;
  role: string;
}

function staffDirectory(book: Book): Map<string, StaffInfo> {
  const out = new Map<string, StaffInfo>();
  for (const r of book.Staff.rows) {
    const v = r.v as { staffId: string | null; name: string | null; role: string | null };
    if (v.staffId && !out.has(v.staffId)) out.set(v.staffId, { name: v.name ?? '', role: v.role ?? '' });
  }
  return out;
}

function personTitle(staffId: string, info: StaffInfo | undefined, role: string | undefined, m: Messages, lang: Lang): string {
  const name = info?.name ? ` ${info.name}` : '';
  const r = role ?? info?.role;
  if (!r) return `${staffId}${name}`;
  return lang === 'zh' ? `${staffId}${name}（${m.role(r)}）` : `${staffId}${name} (${m.role(r)})`;
}

export function excludedParts(excluded: Record<string, number>, lang: Lang): string {
  return Object.entries(excluded)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${TABLES_BY_NAME.get(table)?.sheet[lang] ?? table} ${n}`)
    .join(lang === 'zh' ? '，' : ', ');
}

function resultBlock(results: readonly KpiResult[], lang: Lang, m: Messages): string[] {
  const rows = [[m.headKpi, m.headNumerator, m.headDenominator, m.headValue]];
  for (const r of results) {
    rows.push([kpiLabel(r.kpi, lang), formatNumber(r.numerator), formatNumber(r.denominator), formatValue(r.kpi, r.value)]);
  }
  return layoutTable(rows, ['l', 'r', 'r', 'r']);
}

function scoreBlock(score: Score, staff: Map<string, StaffInfo>, lang: Lang, m: Messages): string[] {
  const total = `${m.headTotal} ${score.total === null ? NA : score.total.toFixed(1)}`;
  const result = score.total === null ? m.noScore : score.warning ? m.warn : m.pass;
  const title = `${personTitle(score.staffId, staff.get(score.staffId), score.role, m, lang)}  ${total}  ${result}`;
  const rows = [[m.headKpi, m.headValue, m.headTarget, m.headWeight, m.headScore]];
  for (const it of score.items) {
    const target = it.target === null ? DASH : RATE_KPIS.has(it.kpi) ? formatPercent(it.target) : formatNumber(it.target);
    const dir = m.direction(it.direction);
    const lower = it.direction !== '越低越好' ? '' : lang === 'zh' ? `（${dir}）` : ` (${dir})`;
    rows.push([
      kpiLabel(it.kpi, lang),
      formatValue(it.kpi, it.value),
      target + lower,
      formatNumber(it.weight),
      it.score === null ? NA : it.score.toFixed(1),
    ]);
  }
  return [`  ${title}`, ...layoutTable(rows, ['l', 'r', 'r', 'r', 'r'], '    ')];
}

export function formatKpiReport(report: KpiReport, book: Book, lang: Lang, m: Messages): string {
  const staff = staffDirectory(book);
  const lines: string[] = [m.periodLine(report.period, report.start, report.end, report.asOf), ''];

  const groups = new Map<string | null, KpiResult[]>();
  const dept = report.results.filter((r) => r.staffId === null);
  if (dept.length > 0) groups.set(null, dept);
  for (const r of report.results) {
    if (r.staffId === null) continue;
    const list = groups.get(r.staffId) ?? [];
    list.push(r);
    groups.set(r.staffId, list);
  }
  for (const [staffId, results] of groups) {
    lines.push(staffId === null ? m.department : personTitle(staffId, staff.get(staffId), undefined, m, lang));
    lines.push(...resultBlock(results, lang, m), '');
  }

  if (report.scores.length > 0) {
    lines.push(m.scorecards);
    for (const s of report.scores) lines.push(...scoreBlock(s, staff, lang, m), '');
  }

  const parts = excludedParts(report.excluded, lang);
  lines.push(parts ? m.excludedLine(parts) : m.noneExcluded);
  return lines.join('\n');
}
