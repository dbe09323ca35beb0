/**
 * Shared builders of the KPI tests: a small department in memory, run through the real
 * pipeline (readBook → validate → computeKpis).
 */
import { ReadResult, readBook } from '../../../src/domain/book';
import { serialFromUtc } from '../../../src/domain/dates';
import { KpiCode, KpiReport, KpiResult, computeKpis } from '../../../src/domain/kpi';
import { parsePeriod } from '../../../src/domain/periods';
import { TableName } from '../../../src/domain/tables';
import { validate } from '../../../src/domain/validate';
import { BookInput, Lang, RowInput, bookSnapshot } from '../../helpers/snapshot';

/** `2025-10-01` → serial. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return serialFromUtc(y, m, d);
}

/** M01 manager, C01 clerk, S01 and S02 specialists: the worked example's department. */
export const STAFF: RowInput[] = [
  { staffId: 'M01', name: '周经理', role: '经理' },
  { staffId: 'C01', name: '吴内勤', role: '内勤' },
  { staffId: 'S01', name: '郑专员', role: '专员' },
  { staffId: 'S02', name: '冯专员', role: '专员' },
];

/** Customers C01…C09 owned by S01 (odd) and S02 (even), prospects unless a test says more. */
export function customer(id: string, ownerId: string, extra: RowInput = {}): RowInput {
  return { customerId: id, name: `客户${id}有限公司`, ownerId, status: '潜在', createdOn: '2024-01-01', ...extra };
}

export interface RunOptions {
  period?: string;
  asOf?: string | number;
  lang?: Lang;
  /** Run the validation pass (default true), as `kam kpi` does. */
  validate?: boolean;
  /** Keep the ScoringScheme table out: the seeded default scheme applies. */
  defaultScheme?: boolean;
  /** Settings as key → value rows. */
  settings?: Record<string, string | number>;
  /** A hook between reading and computing (e.g. to mark a field bad). */
  tweak?: (read: ReadResult) => void;
}

export function run(tables: BookInput, options: RunOptions = {}): KpiReport {
  const input: BookInput = { Staff: STAFF, ...tables };
  if (options.settings) input.Settings = Object.entries(options.settings).map(([key, value]) => ({ key, value }));
  const omit: TableName[] = options.defaultScheme === false || tables.ScoringScheme ? [] : ['ScoringScheme'];
  const read = readBook(bookSnapshot(input, { lang: options.lang, omit }));
  const asOf = typeof options.asOf === 'number' ? options.asOf : serial(options.asOf ?? '2026-01-10');
  if (options.validate !== false) validate(read, { asOf });
  options.tweak?.(read);
  const period = parsePeriod(options.period ?? '2025Q4');
  if (!period) throw new Error(`bad period ${options.period}`);
  return computeKpis(read.book, period, asOf);
}

/** One result line; throws when the report lacks it. */
export function result(report: KpiReport, staffId: string | null, kpi: KpiCode): KpiResult {
  const r = report.results.find((x) => x.staffId === staffId && x.kpi === kpi);
  if (!r) throw new Error(`no ${kpi} for ${staffId}`);
  return r;
}

/** numerator / denominator / value of one result, for compact expectations. */
export function ndv(report: KpiReport, staffId: string | null, kpi: KpiCode): [number | null, number | null, number | null] {
  const r = result(report, staffId, kpi);
  return [r.numerator, r.denominator, r.value];
}
