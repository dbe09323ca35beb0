import { KpiContext, Tally, knownOutside } from './context';
import { PlanBook } from './plans';
import { KpiFn, ratio } from './types';

const FIELDS = ['expenseId', 'staffId', 'customerId', 'spentOn', 'amount'] as const;

/** expense_ratio: Σ expenses Spent On in P by s / service budget(s, P) (lower is better). */
export function expenseKpis(ctx: KpiContext, plans: PlanBook): { expense_ratio: KpiFn } {
  const spent = new Tally();
  for (const r of ctx.book.Expenses.rows) {
    const v = r.v;
    if (knownOutside(r, 'spentOn', v.spentOn, ctx.period)) continue;
    if (ctx.exclusions.leaveOut('Expenses', r, FIELDS) || v.staffId === null || v.amount === null) continue;
    spent.add(v.staffId, v.amount);
  }
  return { expense_ratio: (s) => ratio(spent.of(s), plans.plan('serviceBudget', s)) };
}
