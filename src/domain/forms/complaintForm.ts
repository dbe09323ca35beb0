import type { Book } from '../book';
import type { Lang } from '../i18n/messages';
import { customerRow, date, findById, specBase, staffLabel, unknownSubject, yesNo } from './data';
import { word } from './labels';
import { FormSpec } from './layout';
import { FormError, FormRequest } from './templates';

/**
 * 客户投诉处理单: one complaint and its handling: the complaint as recorded, whether it is a
 * valid one (staff or company fault), the resolution, how long it took (or has been open by the
 * as-of day), and ruled blanks for the cause, the corrective actions and the follow-up.
 */
export function complaintForm(book: Book, request: FormRequest, lang: Lang): FormSpec | FormError {
  const id = request.complaint ?? '';
  const row = findById(book.Complaints.rows, 'complaintId', id);
  if (!row) return unknownSubject('complaint-form', 'complaint', id);
  const p = row.v;
  const complaintId = p.complaintId ?? id;
  const customer = customerRow(book, p.customerId)?.v;
  const w = (k: Parameters<typeof word>[0], params?: Record<string, number>) => word(k, lang, params);
  const asOf = Math.floor(request.asOf);
  let handling: string | null = null;
  if (p.receivedOn !== null && p.closedOn !== null) handling = w('closedAfter', { days: Math.max(0, p.closedOn - p.receivedOn) });
  else if (p.receivedOn !== null && p.closedOn === null) handling = w('openSince', { days: Math.max(0, asOf - p.receivedOn) });

  return {
    ...specBase('complaint-form', lang, complaintId, [complaintId], 'serviceDept', request.asOf),
    sections: [
      {
        kind: 'fields',
        rows: [
          [
            { label: w('complaintId'), value: complaintId },
            { label: w('receivedOn'), value: date(p.receivedOn) },
          ],
          [
            { label: w('customerId'), value: p.customerId },
            { label: w('customerName'), value: customer?.name ?? null },
          ],
          [
            { label: w('contact'), value: customer?.contact ?? null },
            { label: w('phone'), value: customer?.phone ?? null },
          ],
          [
            { label: w('responsible'), value: staffLabel(book, p.staffId) },
            { label: w('valid'), value: yesNo(p.valid, lang) },
          ],
          [
            { label: w('closedOn'), value: p.closedOn === null ? w('open') : date(p.closedOn) },
            { label: w('handling'), value: handling },
          ],
        ],
      },
      { kind: 'writeIn', label: w('content'), text: p.content, lines: 3 },
      { kind: 'writeIn', label: w('cause'), lines: 3 },
      { kind: 'writeIn', label: w('resolution'), text: p.resolution, lines: 3 },
      { kind: 'writeIn', label: w('measures'), lines: 3 },
      { kind: 'writeIn', label: w('followUp'), lines: 2 },
      {
        kind: 'fields',
        rows: [
          [
            { label: w('responsibleSignature'), value: null },
            { label: w('managerSignature'), value: null },
          ],
        ],
      },
    ],
  };
}
