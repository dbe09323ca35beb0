import { Analysis, analyse } from '../../domain/engine';
import type { Lang } from '../../domain/i18n/messages';
import { Serial } from '../../domain/dates';
import { Period } from '../../domain/periods';
import type { WorkbookPort } from '../port';
import { detectLang } from './language';

export interface ValidateWorkbookOptions {
  asOf: Serial;
  /** The period checked for missing plans (default: the quarter of asOf). */
  period?: Period;
}

export interface ValidateWorkbookResult extends Analysis {
  /** The workbook's language, for the messages of the findings. */
  lang: Lang;
  /** The sheet each input table was read from (findings name what the user sees). */
  sheets: Record<string, string>;
}

/** Every finding of SPEC §4 on the workbook's input tables, or the problems that stop the check. Reads only. */
export async function validateWorkbook(port: WorkbookPort, options: ValidateWorkbookOptions): Promise<ValidateWorkbookResult> {
  const { snapshot } = await port.read({ inputs: true });
  const analysis = analyse(snapshot, { asOf: options.asOf, ...(options.period ? { period: options.period } : {}) });
  const sheets: Record<string, string> = {};
  for (const [name, t] of Object.entries(snapshot.tables)) if (t) sheets[name] = t.sheetName;
  return { ...analysis, lang: detectLang(snapshot), sheets };
}
