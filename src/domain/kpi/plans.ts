import { Period, subPeriods } from '../periods';
import { KpiContext, readable } from './context';

/** The three planned measures of the Plans table; each rolls up on its own. */
export const PLAN_MEASURES = ['salesPlan', 'developmentPlan', 'serviceBudget'] as const;
export type PlanMeasure = (typeof PLAN_MEASURES)[number];

export interface PlanBook {
  /** plan(s, P) of the context's period for a staff member, or the department's with null; null when none is found. */
  plan(measure: PlanMeasure, staffId: string | null): number | null;
}

/** Every period a plan of P may be read from: P, its quarters and months. */
function planPeriods(p: Period): Set<string> {
  const labels = new Set<string>([p.label]);
  for (const sub of subPeriods(p)) for (const l of planPeriods(sub)) labels.add(l);
  return labels;
}

function sumNonNull(values: Iterable<number | null>): number | null {
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}

/**
 * plan(s, P), SPEC §3: the filled cell of the Plans row (P, s); else, for a quarter, the sum of
 * s's filled month cells; for a year, the sum over its four quarters of plan(s, quarter) — so a
 * month is never counted twice when its quarter has a row. The department: the same rule over
 * the blank-staff rows, else the sum of the non-null plans of all staff who have plan rows.
 * A row whose period, staff or measure cell has an error is left out of that measure.
 */
export function planBook(ctx: KpiContext): PlanBook {
  const { book, period, exclusions } = ctx;
  const relevant = planPeriods(period);
  /** measure → period label → staff (null = department) → the cell (null when blank). */
  const cells = new Map<PlanMeasure, Map<string, Map<string | null, number | null>>>();
  const staffWithPlans = new Map<PlanMeasure, Set<string>>();
  for (const m of PLAN_MEASURES) {
    cells.set(m, new Map());
    staffWithPlans.set(m, new Set());
  }
  for (const r of book.Plans.rows) {
    const v = r.v;
    if (readable(r, 'period') && (v.period === null || !relevant.has(v.period.label))) continue;
    for (const m of PLAN_MEASURES) {
      if (exclusions.leaveOut('Plans', r, ['period', 'staffId', m]) || v.period === null) continue;
      const byPeriod = cells.get(m)!;
      let byStaff = byPeriod.get(v.period.label);
      if (!byPeriod.has(v.period.label)) byPeriod.set(v.period.label, (byStaff = new Map()));
      // (Period, Staff ID) is unique; should it not be, the first row stands (SPEC §4).
      if (!byStaff!.has(v.staffId)) byStaff!.set(v.staffId, v[m]);
      if (v.staffId !== null) staffWithPlans.get(m)!.add(v.staffId);
    }
  }

  const cell = (m: PlanMeasure, staffId: string | null, label: string): number | null =>
    cells.get(m)!.get(label)?.get(staffId) ?? null;

  const rollUp = (m: PlanMeasure, staffId: string | null, p: Period): number | null => {
    const own = cell(m, staffId, p.label);
    if (own !== null || p.kind === 'month') return own;
    return sumNonNull(subPeriods(p).map((sub) => rollUp(m, staffId, sub)));
  };

  const memo = new Map<string, number | null>();
  return {
    plan(m, staffId) {
      const key = staffId === null ? m : `${m}:${staffId}`;
      if (memo.has(key)) return memo.get(key)!;
      let value = rollUp(m, staffId, period);
      if (staffId === null && value === null) {
        value = sumNonNull([...staffWithPlans.get(m)!].map((s) => rollUp(m, s, period)));
      }
      memo.set(key, value);
      return value;
    },
  };
}
