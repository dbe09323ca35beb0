import type { Book } from '../book';
import type { Lang } from '../i18n/messages';
import { KPI_LABELS, RATE_KPIS, computeKpis, kpiCodeOf } from '../kpi';
import { centered, periodText, roleWord, specBase, staffRow, unknownSubject } from './data';
import { assessmentItemLabel, word } from './labels';
import { Fmt, FormSpec, Typed, Value } from './layout';
import { FormError, FormRequest, defaultFormPeriod } from './templates';

/** How a scorecard item's value and target are shown: rates as %, counts whole, amounts with cents. */
function valueFmt(item: string): Fmt {
  const code = kpiCodeOf(item);
  if (code === null) return 'score';
  if (RATE_KPIS.has(code)) return 'percent';
  if (code === 'churn_count' || code === 'valid_complaints') return 'integer';
  if (code === 'pipeline_weighted') return 'amount';
  return 'score';
}

const orNa = (n: number | null, fmt: Fmt, na: string): Typed => (n === null ? { value: na, fmt: 'center' } : { value: n, fmt });

/**
 * 季度绩效考核表: one employee's scorecard for a period (SPEC §3, computed by computeKpis): every
 * KPI of the role's scheme with its value, target, weight and score, the total and the result
 * (合格 / 警告), and signature boxes for the employee, the assessor and Human Resources.
 */
export function assessmentForm(book: Book, request: FormRequest, lang: Lang): FormSpec | FormError {
  const id = request.staff ?? '';
  const staff = staffRow(book, id);
  if (!staff) return unknownSubject('assessment-form', 'staff', id);
  const staffId = staff.v.staffId ?? id;
  const period = request.period ?? defaultFormPeriod('assessment-form', request.asOf);
  const report = computeKpis(book, period, request.asOf);
  const score = report.scores.find((s) => s.staffId === staffId);
  const role = roleWord(staff.v.role, lang);
  if (!score) {
    return {
      kind: 'error',
      code: 'not_assessed',
      template: 'assessment-form',
      id: staffId,
      subject: 'staff',
      message: {
        zh: `员工 ${staffId} 在 ${period.label} 没有考核结果：该员工不在职，或其岗位（${staff.v.role ?? '—'}）在考核方案中没有指标。`,
        en: `Employee ${staffId} has no scorecard for ${period.label}: not active (在职), or the role (${role ?? '—'}) has no lines in the scoring scheme.`,
      },
    };
  }
  const w = (k: Parameters<typeof word>[0], p?: Record<string, string | number>) => word(k, lang, p);
  const na = w('notAvailable');
  const dash = w('dash');

  const rows = score.items.map((item, i): Value[] => {
    const code = kpiCodeOf(item.kpi);
    const label = code ? KPI_LABELS[code][lang] : assessmentItemLabel(item.kpi, lang);
    const fmt = valueFmt(item.kpi);
    return [
      i + 1,
      item.direction === '越低越好' ? `${label}${w('lowerBetter')}` : label,
      orNa(item.value, fmt, na),
      item.target === null ? centered(dash) : { value: item.target, fmt },
      item.weight,
      item.score === null ? centered(dash) : { value: item.score, fmt: 'score' },
    ];
  });
  const result = score.total === null ? dash : score.warning ? w('warning') : w('pass');

  return {
    ...specBase('assessment-form', lang, `${staffId} ${period.label}`, [staffId, period.label], 'hrDept', request.asOf),
    sections: [
      {
        kind: 'fields',
        rows: [
          [
            { label: w('staffId'), value: staffId },
            { label: w('name'), value: staff.v.name },
          ],
          [
            { label: w('role'), value: role },
            { label: w('region'), value: staff.v.region },
          ],
          [
            { label: w('assessmentPeriod'), value: periodText(period, lang) },
            { label: w('assessors'), value: staff.v.role === '经理' ? w('assessorsManager') : w('assessorsStaff') },
          ],
        ],
      },
      { kind: 'heading', text: w('kpiTable') },
      {
        kind: 'table',
        columns: [
          { header: w('serial'), span: 1, fmt: 'integer' },
          { header: w('kpi'), span: 4 },
          { header: w('value'), span: 2 },
          { header: w('target'), span: 2 },
          { header: w('weight'), span: 1, fmt: 'number' },
          { header: w('score'), span: 2, fmt: 'score' },
        ],
        rows,
        emptyText: w('none'),
      },
      {
        kind: 'fields',
        rows: [
          [
            { label: w('total'), value: score.total === null ? centered(na) : { value: score.total, fmt: 'total' } },
            { label: w('result'), value: { value: result, fmt: 'result' } },
          ],
        ],
      },
      { kind: 'note', text: w('scoringRule', { warning: book.settings.warningScore }) },
      { kind: 'writeIn', label: w('assessorComments'), lines: 3 },
      { kind: 'signatures', boxes: [w('assessee'), w('assessor'), w('hrDept')], lines: [w('sign'), w('date')], commentLines: 2 },
    ],
  };
}
