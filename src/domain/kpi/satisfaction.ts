import { KpiContext, Tally, knownOutside } from './context';
import { KpiFn, ratio } from './types';

const FIELDS = ['surveyId', 'customerId', 'staffId', 'surveyedOn', 'score'] as const;

/** satisfaction: mean Score of surveys Surveyed On in P for s (numerator Σ, denominator count). */
export function satisfactionKpis(ctx: KpiContext): { satisfaction: KpiFn } {
  const sum = new Tally();
  const count = new Tally();
  for (const r of ctx.book.Surveys.rows) {
    const v = r.v;
    if (knownOutside(r, 'surveyedOn', v.surveyedOn, ctx.period)) continue;
    if (ctx.exclusions.leaveOut('Surveys', r, FIELDS) || v.staffId === null || v.score === null) continue;
    sum.add(v.staffId, v.score);
    count.add(v.staffId);
  }
  return { satisfaction: (s) => ratio(sum.of(s), count.of(s)) };
}
