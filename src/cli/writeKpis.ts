import { Serial } from '../domain/dates';
import type { Lang } from '../domain/i18n/messages';
import { Period } from '../domain/periods';
import { RecalculateOutcome, recalculate } from '../workbook/operations/recalculate';
import { packagePort } from '../workbook/xlsx';
import { OpenedPackage, openPackageFile, savePackage } from '../workbook/xlsx/node';

export interface WriteKpisOptions {
  /** Refuse (and write nothing) when a row would be left out of a KPI (`--strict`). */
  strict?: boolean;
  /** The file already opened (spares a second read); its package is changed in memory. */
  opened?: OpenedPackage;
}

/**
 * `kam kpi FILE --period P --write`: recalculates the period into the workbook's KpiResults,
 * Scorecards and Pipeline tables (SPEC §2 Outputs: the period's rows replaced, other periods
 * kept) and saves the file by patching: only the output sheets and tables and the directory
 * parts are written anew, every other part is copied as its bytes (package/packagePort.ts).
 * The file is written only when the outcome is `written`; with problems or a strict refusal it
 * is not touched. `lang` is the language of new output sheets and words; leave it out to use
 * the workbook's own (not the terminal's: the outputs belong to the workbook).
 *
 * Throws the package layer's refusals for an unreadable file, and safeFile's errors on saving
 * (the original is intact then): the CLI turns those into its messages.
 */
export async function writeKpisToFile(path: string, period: Period | string, asOf: Serial, lang?: Lang, options: WriteKpisOptions = {}): Promise<RecalculateOutcome> {
  const opened = options.opened ?? (await openPackageFile(path));
  const outcome = await recalculate(packagePort(opened.pkg), { period, asOf, lang, strict: options.strict });
  if (outcome.kind === 'written') await savePackage(opened, path);
  return outcome;
}
