import { Problem, ReadResult, readBook } from './book';
import { Serial } from './dates';
import { Finding } from './findings';
import { KpiReport, computeKpis } from './kpi';
import { Period } from './periods';
import { WorkbookSnapshot } from './snapshot';
import { validate } from './validate';

/**
 * The engine's two operations behind one door, for the `kam` CLI and the add-in: check a
 * workbook, compute a period's KPIs. Pure: a snapshot of plain cell values in, plain data out.
 */

export interface Analysis {
  read: ReadResult;
  /** Every finding (errors and warnings), sorted; empty when the workbook has problems. */
  findings: Finding[];
  /** Missing tables and columns: the workbook cannot be checked or measured until fixed. */
  problems: Problem[];
}

export interface AnalyseOptions {
  /** The as-of date: visits after it are in the future, feedback due by it counts. */
  asOf: Serial;
  /** The period checked for missing plans (default: validate's, the quarter of asOf). */
  period?: Period;
}

/**
 * Reads the workbook and validates it. Validation also marks the bad fields the KPIs skip,
 * so every KPI computation goes through here.
 *
 * With a missing table or column the row rules are not run: every reference into a missing
 * Staff table would be "dangling", and a flood of such findings would hide the one real fix.
 */
export function analyse(snapshot: WorkbookSnapshot, options: AnalyseOptions): Analysis {
  const read = readBook(snapshot);
  if (read.problems.length > 0) return { read, findings: [], problems: read.problems };
  const findings = validate(read, options);
  return { read, findings, problems: [] };
}

export interface KpiOptions {
  /**
   * Refuse to compute when any row would be left out of any KPI (SPEC §3: "a --strict mode
   * refuses to compute instead"). The report is computed first, since its `excluded` counts
   * are the exact measure of "left out"; then it is withheld. Warnings never refuse.
   */
  strict?: boolean;
}

export type KpiOutcome =
  | { kind: 'report'; report: KpiReport; analysis: Analysis }
  /** The workbook lacks a table or column: nothing computed. */
  | { kind: 'problems'; problems: Problem[]; analysis: Analysis }
  /** Strict mode and rows would be left out: per table, how many; the errors responsible. */
  | { kind: 'refused'; excluded: Record<string, number>; errors: Finding[]; analysis: Analysis };

export function kpiReport(snapshot: WorkbookSnapshot, period: Period, asOf: Serial, options: KpiOptions = {}): KpiOutcome {
  const analysis = analyse(snapshot, { asOf, period });
  if (analysis.problems.length > 0) return { kind: 'problems', problems: analysis.problems, analysis };
  const report = computeKpis(analysis.read.book, period, asOf);
  if (options.strict && excludedTotal(report.excluded) > 0) {
    const errors = analysis.findings.filter((f) => f.severity === 'error');
    return { kind: 'refused', excluded: nonZero(report.excluded), errors, analysis };
  }
  return { kind: 'report', report, analysis };
}

export function excludedTotal(excluded: Record<string, number>): number {
  return Object.values(excluded).reduce((sum, n) => sum + (n > 0 ? n : 0), 0);
}

function nonZero(excluded: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(excluded).filter(([, n]) => n > 0));
}

export function errorCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error').length;
}
