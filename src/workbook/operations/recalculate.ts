import type { Problem } from '../../domain/book';
import { Serial } from '../../domain/dates';
import { Analysis, KpiOutcome, kpiReport } from '../../domain/engine';
import type { Lang } from '../../domain/i18n/messages';
import { KpiReport } from '../../domain/kpi';
import { OUTPUT_TABLE_NAMES, OutputTableName, layoutRows, mergePeriod, outputRows, periodColumn } from '../../domain/outputs';
import { Period, parsePeriod } from '../../domain/periods';
import type { WorkbookPort, WriteStep } from '../port';
import { detectLang } from './language';
import { uniqueSheetName } from './sheetNames';

export interface RecalculateOptions {
  /** The period: a Period, or its label (`2026`, `2026Q3`, `2026-07`). */
  period: Period | string;
  asOf: Serial;
  /** Language of new output sheets, headers and words; default: the workbook's. */
  lang?: Lang;
  /** Refuse when any row would be left out of a KPI (SPEC §3, `--strict`). */
  strict?: boolean;
}

export interface WrittenTable {
  sheetName: string;
  /** A new table (and sheet) was made; else the existing table's body was replaced. */
  created: boolean;
  /** Rows of this period written. */
  rows: number;
  /** Rows the table holds after the write, every period. */
  totalRows: number;
  /**
   * Columns of this period's rows that the existing table lacks (a scheme item added since the
   * table was made): their values are in KpiResults only. Headers in the workbook's language.
   */
  missingColumns: string[];
}

export type RecalculateOutcome =
  | { kind: 'written'; report: KpiReport; analysis: Analysis; lang: Lang; tables: Record<OutputTableName, WrittenTable> }
  /** Nothing written: a missing input table or column, or an output table without its 期间 column. */
  | { kind: 'problems'; problems: Problem[]; analysis?: Analysis }
  /** Strict mode and rows would be left out: nothing written. */
  | Extract<KpiOutcome, { kind: 'refused' }>;

/**
 * Recalculate KPIs (SPEC §2 Outputs, §3): ONE read of the input tables and the three output
 * tables, the engine, ONE write: a new table for a missing output, else the output's body
 * replaced by its rows of other periods (kept, in order) followed by this period's rows; then
 * the KPI sheet is brought to the front. Input tables are never written. The plan depends only
 * on the workbook and the options, so every adapter builds the same tables.
 */
export async function recalculate(port: WorkbookPort, options: RecalculateOptions): Promise<RecalculateOutcome> {
  const period = typeof options.period === 'string' ? parsePeriod(options.period) : options.period;
  if (!period) throw new RangeError(`recalculate: not a period: ${String(options.period)}`);

  const reply = await port.read({ inputs: true, owned: OUTPUT_TABLE_NAMES });
  const lang = options.lang ?? detectLang(reply.snapshot);
  const outcome = kpiReport(reply.snapshot, period, options.asOf, { strict: options.strict });
  if (outcome.kind === 'problems') return { kind: 'problems', problems: outcome.problems, analysis: outcome.analysis };
  if (outcome.kind === 'refused') return outcome;
  const { report, analysis } = outcome;

  const fresh = outputRows(report, analysis.read.book, lang);
  const taken = new Set(reply.sheetNames);
  const steps: WriteStep[] = [];
  const problems: Problem[] = [];
  const tables = {} as Record<OutputTableName, WrittenTable>;
  for (const name of OUTPUT_TABLE_NAMES) {
    const table = fresh[name];
    const existing = reply.owned[name] ?? null;
    if (!existing) {
      const sheetName = uniqueSheetName(table.sheetName, taken);
      steps.push({
        kind: 'createTable',
        sheetName,
        tableName: name,
        headers: table.headers,
        rows: table.rows,
        columns: table.columns.map((c) => ({ numFmt: c.numFmt, width: c.width })),
        validationRows: 0,
      });
      tables[name] = { sheetName, created: true, rows: table.rows.length, totalRows: table.rows.length, missingColumns: [] };
      continue;
    }
    if (periodColumn(existing.headers) < 0) {
      problems.push({ code: 'missing_column', table: name, column: { zh: '期间', en: 'Period' }, sheetName: existing.sheetName });
      continue;
    }
    const laid = layoutRows(table, existing.headers);
    const rows = mergePeriod(existing.rows, existing.headers, period.label, laid.rows);
    steps.push({ kind: 'replaceRows', tableName: name, rows });
    tables[name] = {
      sheetName: existing.sheetName,
      created: false,
      rows: laid.rows.length,
      totalRows: rows.length,
      missingColumns: laid.missing.map((c) => c[lang]),
    };
  }
  if (problems.length > 0) return { kind: 'problems', problems, analysis };

  steps.push({ kind: 'activate', sheetName: tables.KpiResults.sheetName });
  await port.apply({ steps });
  return { kind: 'written', report, analysis, lang, tables };
}

