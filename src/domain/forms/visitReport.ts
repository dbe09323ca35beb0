import type { Book } from '../book';
import type { Lang } from '../i18n/messages';
import { TIER, VISIT_STATUS, VISIT_TYPE } from '../tables';
import { customerRow, date, enumWord, findById, specBase, staffLabel, unknownSubject } from './data';
import { word } from './labels';
import { FormSpec } from './layout';
import { FormError, FormRequest } from './templates';

/**
 * 客户拜访记录表: one visit: who, whom, when, the purpose, outcome and next step as recorded,
 * and ruled blanks for the customer's feedback, the manager's comments and the signature.
 */
export function visitReport(book: Book, request: FormRequest, lang: Lang): FormSpec | FormError {
  const id = request.visit ?? '';
  const row = findById(book.Visits.rows, 'visitId', id);
  if (!row) return unknownSubject('visit-report', 'visit', id);
  const v = row.v;
  const visitId = v.visitId ?? id;
  const customer = customerRow(book, v.customerId)?.v;
  const w = (k: Parameters<typeof word>[0]) => word(k, lang);

  return {
    ...specBase('visit-report', lang, visitId, [visitId], 'marketingDept', request.asOf),
    sections: [
      { kind: 'heading', text: w('visitInfo') },
      {
        kind: 'fields',
        rows: [
          [
            { label: w('visitId'), value: visitId },
            { label: w('visitType'), value: enumWord(VISIT_TYPE, v.visitType, lang) },
          ],
          [
            { label: w('customerId'), value: v.customerId },
            { label: w('customerName'), value: customer?.name ?? null },
          ],
          [
            { label: w('contact'), value: customer?.contact ?? null },
            { label: w('phone'), value: customer?.phone ?? null },
          ],
          [
            { label: w('contactTitle'), value: customer?.contactTitle ?? null },
            { label: w('tier'), value: enumWord(TIER, customer?.tier ?? null, lang) },
          ],
          [
            { label: w('visitor'), value: staffLabel(book, v.staffId) },
            { label: w('visitStatus'), value: enumWord(VISIT_STATUS, v.status, lang) },
          ],
          [
            { label: w('plannedOn'), value: date(v.plannedOn) },
            { label: w('visitedOn'), value: date(v.visitedOn) },
          ],
          [{ label: w('address'), value: customer?.address ?? null }],
        ],
      },
      { kind: 'heading', text: w('visitRecord') },
      { kind: 'writeIn', label: w('purpose'), text: v.purpose, lines: 3 },
      { kind: 'writeIn', label: w('outcome'), text: v.outcome, lines: 4 },
      { kind: 'writeIn', label: w('nextStep'), text: v.nextStep, lines: 3 },
      { kind: 'writeIn', label: w('customerOpinion'), lines: 3 },
      { kind: 'writeIn', label: w('managerOpinion'), lines: 3 },
      {
        kind: 'fields',
        rows: [
          [
            { label: w('visitorSignature'), value: null },
            { label: w('signDate'), value: null },
          ],
        ],
      },
    ],
  };
}
