import { DistinctTally, KpiContext, knownOutside, readable } from './context';
import { KpiFn, ratio } from './types';

const FIELDS = ['visitId', 'customerId', 'staffId', 'visitType', 'plannedOn', 'visitedOn', 'status'] as const;

/**
 * revisit_rate: distinct customers with a 回访 visit 已完成 with Visited On in P / distinct
 * customers with a 回访 visit Planned On in P (any status), by the visit's staff. The
 * department counts each customer once. The two sets are independent: a revisit planned in
 * the previous period and done in P counts above the line only, so the rate may pass 100 %
 * (the document's formula).
 */
export function revisitKpis(ctx: KpiContext): { revisit_rate: KpiFn } {
  const { period } = ctx;
  const planned = new DistinctTally();
  const done = new DistinctTally();
  for (const r of ctx.book.Visits.rows) {
    const v = r.v;
    if (readable(r, 'visitType') && v.visitType !== '回访') continue;
    const maybePlanned = !knownOutside(r, 'plannedOn', v.plannedOn, period);
    const maybeDone = !(readable(r, 'status') && v.status !== '已完成') && !knownOutside(r, 'visitedOn', v.visitedOn, period);
    if (!maybePlanned && !maybeDone) continue;
    if (ctx.exclusions.leaveOut('Visits', r, FIELDS) || v.staffId === null || v.customerId === null) continue;
    // Every field read is now readable: the two tests above are exact.
    if (maybePlanned) planned.add(v.staffId, v.customerId);
    if (maybeDone) done.add(v.staffId, v.customerId);
  }
  return { revisit_rate: (s) => ratio(done.of(s), planned.of(s)) };
}
