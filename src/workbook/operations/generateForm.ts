import type { Problem } from '../../domain/book';
import { Serial } from '../../domain/dates';
import { analyse } from '../../domain/engine';
import { FORM_TEMPLATES, FormCode, FormError, FormGrid, FormRequest, buildForm, formSheetName, isFormError } from '../../domain/forms';
import type { Lang } from '../../domain/i18n/messages';
import { Period, parsePeriod } from '../../domain/periods';
import type { WorkbookPort } from '../port';
import { detectLang } from './language';

export interface GenerateFormOptions {
  template: FormCode;
  /** The subject's ID, in the field the template names (FORM_TEMPLATES[template].subject). */
  customer?: string;
  visit?: string;
  complaint?: string;
  staff?: string;
  /** The period of visit-plan, reception-register and assessment-form: a Period or its label (`2025Q4`). */
  period?: Period | string;
  asOf: Serial;
  /** Language of the form and its sheet name; default: the workbook's. */
  lang?: Lang;
}

export type GenerateFormOutcome =
  /** The form is on a new sheet, `sheetName`, now the active one. */
  | { kind: 'generated'; sheetName: string; grid: FormGrid }
  /** Nothing written: the subject is missing, or not in the workbook. */
  | { kind: 'error'; error: FormError }
  /** Nothing written: a missing input table or column. */
  | { kind: 'problems'; problems: Problem[] };

const SUBJECTS = ['customer', 'visit', 'complaint', 'staff'] as const;

/**
 * A templated form (SPEC §5): ONE read of the input tables, the workbook analysed (validated, as
 * `kam kpi` reads it) and the form built in the workbook's language, then ONE write: the form on
 * a new sheet named after it and its subject (`大客户信息档案表 C01`, ` (2)` when taken), brought
 * to the front. Input tables are never written.
 */
export async function generateForm(port: WorkbookPort, options: GenerateFormOptions): Promise<GenerateFormOutcome> {
  const period = typeof options.period === 'string' ? parsePeriod(options.period) : options.period;
  if (typeof options.period === 'string' && !period) throw new RangeError(`generateForm: not a period: ${options.period}`);

  const reply = await port.read({ inputs: true });
  const lang = options.lang ?? detectLang(reply.snapshot);
  const analysis = analyse(reply.snapshot, { asOf: options.asOf, period: period ?? undefined });
  if (analysis.problems.length > 0) return { kind: 'problems', problems: analysis.problems };

  const request: FormRequest = { template: options.template, asOf: options.asOf };
  if (period) request.period = period;
  for (const subject of SUBJECTS) if (options[subject] !== undefined) request[subject] = options[subject];
  const grid = buildForm(analysis.read.book, request, lang);
  if (isFormError(grid)) return { kind: 'error', error: grid };

  const sheetName = formSheetName(FORM_TEMPLATES[options.template].sheetTitle[lang], grid.subject, reply.sheetNames);
  await port.apply({
    steps: [
      { kind: 'addSheet', sheetName, grid },
      { kind: 'activate', sheetName },
    ],
  });
  return { kind: 'generated', sheetName, grid };
}
