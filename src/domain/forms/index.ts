/**
 * The templated forms of SPEC §5 (the document's 所用表格): pure functions from the workbook
 * (a Book, as `analyse` reads and validates it) to a print-ready grid model that the ExcelJS
 * and Office.js renderers draw on a new worksheet.
 */
import type { Book } from '../book';
import type { Lang } from '../i18n/messages';
import { assessmentForm } from './assessmentForm';
import { complaintForm } from './complaintForm';
import { customerProfile } from './customerProfile';
import { missingSubject } from './data';
import { FormGrid } from './grid';
import { FormSpec, layoutForm } from './layout';
import { receptionRegister } from './receptionRegister';
import { satisfactionSurvey } from './satisfactionSurvey';
import { FORM_TEMPLATES, FormCode, FormError, FormRequest, isFormError } from './templates';
import { visitPlan } from './visitPlan';
import { visitReport } from './visitReport';

export type { Box, BorderEdge, FormBorder, FormCell, FormFont, FormGrid, FormMerge, FormStyle, LineStyle, PrintSetup, StyleKey } from './grid';
export { a1, boxRef, formStyles } from './grid';
export { columnLetters } from '../columnLetters';
export { FORM_CODES, FORM_TEMPLATES, defaultFormPeriod, isFormCode, isFormError } from './templates';
export type { FormCode, FormError, FormErrorCode, FormRequest, FormTemplate, SubjectKind } from './templates';
export { formSheetName, MAX_SHEET_NAME } from './sheetName';
export { layoutForm, wrappedLines } from './layout';
export type { FormSpec, Section } from './layout';

type Builder = (book: Book, request: FormRequest, lang: Lang) => FormSpec | FormError;

const BUILDERS: Readonly<Record<FormCode, Builder>> = {
  'customer-profile': customerProfile,
  'visit-plan': visitPlan,
  'visit-report': visitReport,
  'reception-register': receptionRegister,
  'satisfaction-survey': satisfactionSurvey,
  'complaint-form': complaintForm,
  'assessment-form': assessmentForm,
};

/**
 * A form filled from the workbook, in the language given (the workbook's), or the reason it
 * cannot be made: its subject is missing from the request or unknown to the workbook.
 * The book should come from `analyse` (validated): the assessment form's KPIs leave out the
 * fields validation marks bad, as `kam kpi` does.
 */
export function buildForm(book: Book, request: FormRequest, lang: Lang): FormGrid | FormError {
  const template = FORM_TEMPLATES[request.template];
  if (template.subject !== null && template.subjectRequired) {
    const id = request[template.subject];
    if (id === undefined || id.trim() === '') return missingSubject(request.template, template.subject);
  }
  const spec = BUILDERS[request.template](book, request, lang);
  return isFormError(spec) ? spec : layoutForm(spec);
}
