import type { Book } from '../book';
import type { Lang } from '../i18n/messages';
import { contains } from '../periods';
import { VISIT_STATUS, VISIT_TYPE } from '../tables';
import { centered, customerLabel, date, enumWord, oldestFirst, periodText, specBase, staffLabel, staffRow, unknownSubject } from './data';
import { word } from './labels';
import { FormSpec, Value } from './layout';
import { FormError, FormRequest, defaultFormPeriod } from './templates';

/** Rows of the plan table: the visits, then blank ruled rows to add visits by hand. */
export const PLAN_MIN_ROWS = 12;

/**
 * 大客户拜访计划表: a specialist's visits planned in the period (Planned On in it, whatever
 * their status now), in date order, with the counts by visit type.
 */
export function visitPlan(book: Book, request: FormRequest, lang: Lang): FormSpec | FormError {
  const id = request.staff ?? '';
  const staff = staffRow(book, id);
  if (!staff) return unknownSubject('visit-plan', 'staff', id);
  const staffId = staff.v.staffId ?? id;
  const period = request.period ?? defaultFormPeriod('visit-plan', request.asOf);
  const w = (k: Parameters<typeof word>[0]) => word(k, lang);

  const visits = oldestFirst(
    book.Visits.rows.filter((r) => r.v.staffId === staffId && r.v.plannedOn !== null && contains(period, r.v.plannedOn)),
    (r) => r.v.plannedOn,
    (r) => r.v.visitId,
  );
  const done = visits.filter((r) => r.v.status === '已完成').length;
  const byType = VISIT_TYPE.members
    .map((m) => `${lang === 'zh' ? m.zh : m.en} ${visits.filter((r) => r.v.visitType === m.zh).length}`)
    .join(lang === 'zh' ? '、' : ', ');

  return {
    ...specBase('visit-plan', lang, `${staffId} ${period.label}`, [staffId, period.label], 'marketingDept', request.asOf),
    sections: [
      {
        kind: 'fields',
        rows: [
          [
            { label: w('specialist'), value: staffLabel(book, staffId) },
            { label: w('region'), value: staff.v.region },
          ],
          [
            { label: w('planPeriod'), value: periodText(period, lang) },
            { label: w('plannedCount'), value: lang === 'zh' ? `${visits.length}（已完成 ${done}）` : `${visits.length} (${done} done)` },
          ],
          [{ label: w('byType'), value: byType }],
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: w('serial'), span: 1, fmt: 'integer' },
          { header: w('plannedOn'), span: 2, fmt: 'date' },
          { header: w('customer'), span: 3 },
          { header: w('type'), span: 1, fmt: 'center' },
          { header: w('remarks'), span: 3 },
          { header: w('visitStatus'), span: 2, fmt: 'center' },
        ],
        rows: visits.map((r, i): Value[] => [
          i + 1,
          date(r.v.plannedOn),
          customerLabel(book, r.v.customerId),
          centered(enumWord(VISIT_TYPE, r.v.visitType, lang)),
          r.v.purpose,
          centered(enumWord(VISIT_STATUS, r.v.status, lang)),
        ]),
        minRows: PLAN_MIN_ROWS,
        emptyText: w('noPlannedVisits'),
      },
      { kind: 'writeIn', label: w('managerReview'), lines: 3 },
    ],
  };
}
