import type { Book } from '../book';
import type { Lang } from '../i18n/messages';
import { customerRow, specBase, staffLabel, unknownSubject } from './data';
import { SURVEY_QUESTIONS, word } from './labels';
import { FormSpec, Value } from './layout';
import { FormError, FormRequest } from './templates';

const BOX = '□';

/**
 * 大客户满意度调查表: a blank survey for one customer: the customer's details, one row per
 * question with a box to tick on the 1–5 scale, room for comments and the respondent's
 * signature, and how the clerk turns the answers into the Surveys table's 0–100 score.
 */
export function satisfactionSurvey(book: Book, request: FormRequest, lang: Lang): FormSpec | FormError {
  const id = request.customer ?? '';
  const row = customerRow(book, id);
  if (!row) return unknownSubject('satisfaction-survey', 'customer', id);
  const c = row.v;
  const customerId = c.customerId ?? id;
  const w = (k: Parameters<typeof word>[0]) => word(k, lang);

  return {
    ...specBase('satisfaction-survey', lang, customerId, [customerId], 'marketingDept', request.asOf),
    sections: [
      {
        kind: 'fields',
        rows: [
          [
            { label: w('customerId'), value: customerId },
            { label: w('customerName'), value: c.name },
          ],
          [
            { label: w('contact'), value: c.contact },
            { label: w('contactTitle'), value: c.contactTitle },
          ],
          [
            { label: w('phone'), value: c.phone },
            { label: w('owner'), value: staffLabel(book, c.ownerId) },
          ],
        ],
      },
      { kind: 'note', text: w('surveyIntro') },
      {
        kind: 'table',
        columns: [
          { header: w('serial'), span: 1, fmt: 'integer' },
          { header: w('surveyItem'), span: 6 },
          { header: w('scale5'), span: 1, fmt: 'check' },
          { header: w('scale4'), span: 1, fmt: 'check' },
          { header: w('scale3'), span: 1, fmt: 'check' },
          { header: w('scale2'), span: 1, fmt: 'check' },
          { header: w('scale1'), span: 1, fmt: 'check' },
        ],
        rows: SURVEY_QUESTIONS.map(([zh, en], i): Value[] => [i + 1, lang === 'zh' ? zh : en, BOX, BOX, BOX, BOX, BOX]),
        rowHeight: 22,
      },
      { kind: 'writeIn', label: w('suggestions'), lines: 4 },
      {
        kind: 'fields',
        rows: [
          [
            { label: w('respondent'), value: null },
            { label: w('respondentTitle'), value: null },
          ],
          [
            { label: w('surveyor'), value: null },
            { label: w('surveyedOn'), value: null },
          ],
        ],
      },
      { kind: 'note', text: w('surveyScoring') },
    ],
  };
}
