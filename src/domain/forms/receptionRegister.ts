import type { Book } from '../book';
import type { Lang } from '../i18n/messages';
import { contains } from '../periods';
import { VISIT_STATUS } from '../tables';
import { centered, customerLabel, date, enumWord, oldestFirst, periodText, specBase, staffLabel, staffName, staffRow, unknownSubject, visitDay } from './data';
import { word } from './labels';
import { FormSpec, Value } from './layout';
import { FormError, FormRequest, defaultFormPeriod } from './templates';

/** Rows of the register: the receptions, then blank ruled rows to log more by hand. */
export const REGISTER_MIN_ROWS = 15;

/**
 * 客户接待登记表: the 接待 visits of a period (the day they took place, else the day planned,
 * in the period), of one host or of the whole department, in date order.
 */
export function receptionRegister(book: Book, request: FormRequest, lang: Lang): FormSpec | FormError {
  const w = (k: Parameters<typeof word>[0]) => word(k, lang);
  let staffId: string | null = null;
  if (request.staff !== undefined && request.staff.trim() !== '') {
    const staff = staffRow(book, request.staff);
    if (!staff) return unknownSubject('reception-register', 'staff', request.staff);
    staffId = staff.v.staffId ?? request.staff.trim();
  }
  const period = request.period ?? defaultFormPeriod('reception-register', request.asOf);
  const rows = oldestFirst(
    book.Visits.rows.filter((r) => {
      const day = visitDay(r.v);
      return r.v.visitType === '接待' && day !== null && contains(period, day) && (staffId === null || r.v.staffId === staffId);
    }),
    (r) => visitDay(r.v),
    (r) => r.v.visitId,
  );
  const subject = staffId === null ? period.label : `${staffId} ${period.label}`;

  return {
    ...specBase('reception-register', lang, subject, [staffId, period.label], 'marketingDept', request.asOf),
    sections: [
      {
        kind: 'fields',
        rows: [
          [
            { label: w('period'), value: periodText(period, lang) },
            { label: w('receivedBy'), value: staffId === null ? w('allStaff') : staffLabel(book, staffId) },
          ],
          [{ label: w('receptionCount'), value: lang === 'zh' ? `${rows.length} 次` : String(rows.length) }],
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: w('serial'), span: 1, fmt: 'integer' },
          { header: w('receptionDate'), span: 2, fmt: 'date' },
          { header: w('customer'), span: 3 },
          { header: w('receivedBy'), span: 1, fmt: 'center' },
          { header: w('receptionPurpose'), span: 2 },
          { header: w('receptionOutcome'), span: 2 },
          { header: w('visitStatus'), span: 1, fmt: 'center' },
        ],
        rows: rows.map((r, i): Value[] => [
          i + 1,
          date(visitDay(r.v)),
          customerLabel(book, r.v.customerId),
          staffName(book, r.v.staffId),
          r.v.purpose,
          r.v.outcome,
          centered(enumWord(VISIT_STATUS, r.v.status, lang)),
        ]),
        minRows: REGISTER_MIN_ROWS,
        emptyText: w('noReceptions'),
      },
    ],
  };
}
