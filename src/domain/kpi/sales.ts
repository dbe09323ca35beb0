import { KpiContext, Tally, knownOutside, readable } from './context';
import { PlanBook } from './plans';
import { KpiFn, ratio } from './types';

const FIELDS = ['contractId', 'customerId', 'staffId', 'signedOn', 'amount', 'status'] as const;

/** sales_completion: Σ Amount of 有效 contracts signed in P by s / sales plan(s, P). */
export function salesKpis(ctx: KpiContext, plans: PlanBook): { sales_completion: KpiFn } {
  const sales = new Tally();
  for (const r of ctx.book.Contracts.rows) {
    const v = r.v;
    if (readable(r, 'status') && v.status !== '有效') continue;
    if (knownOutside(r, 'signedOn', v.signedOn, ctx.period)) continue;
    if (ctx.exclusions.leaveOut('Contracts', r, FIELDS)) continue;
    if (v.staffId === null || v.amount === null) continue;
    sales.add(v.staffId, v.amount);
  }
  return { sales_completion: (s) => ratio(sales.of(s), plans.plan('salesPlan', s)) };
}
