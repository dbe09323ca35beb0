import ExcelJS from 'exceljs';
import { Serial } from '../../domain/dates';
import type { Lang } from '../../domain/i18n/messages';
import { Period } from '../../domain/periods';
import { RecalculateOutcome, recalculate } from '../operations/recalculate';
import { saveAtomically, xlsxPort } from './port';
import { loadWorkbook } from './read';

export interface WriteKpisOptions {
  /** Refuse (and write nothing) when a row would be left out of a KPI (`--strict`). */
  strict?: boolean;
  /** The file already loaded with loadWorkbook (spares a second load); it is changed in memory. */
  workbook?: ExcelJS.Workbook;
}

/**
 * `kam kpi FILE --period P --write`: loads the workbook, recalculates the period into its
 * KpiResults, Scorecards and Pipeline tables (SPEC §2 Outputs: the period's rows replaced, other
 * periods kept), and saves it atomically over the file. The file is written only when the
 * outcome is `written`; with problems or a strict refusal it is not touched. `lang` is the
 * language of new output sheets and words; leave it out to use the workbook's own (not the
 * terminal's: the outputs belong to the workbook).
 *
 * Throws what loadWorkbook throws for an unreadable file and what the file system throws on
 * saving (the original is intact then): the CLI turns those into its messages.
 */
export async function writeKpisToFile(path: string, period: Period | string, asOf: Serial, lang?: Lang, options: WriteKpisOptions = {}): Promise<RecalculateOutcome> {
  const wb = options.workbook ?? (await loadWorkbook(path));
  const outcome = await recalculate(xlsxPort(wb), { period, asOf, lang, strict: options.strict });
  if (outcome.kind === 'written') await saveAtomically(wb, path);
  return outcome;
}
