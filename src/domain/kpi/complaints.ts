import { KpiContext, Tally, knownOutside, readable } from './context';
import { KpiFn, amount } from './types';

const FIELDS = ['complaintId', 'customerId', 'staffId', 'receivedOn', 'valid'] as const;

/** valid_complaints: complaints with Valid = 是, Received On in P, staff s (a count). */
export function complaintKpis(ctx: KpiContext): { valid_complaints: KpiFn } {
  const valid = new Tally();
  for (const r of ctx.book.Complaints.rows) {
    const v = r.v;
    if (readable(r, 'valid') && v.valid !== true) continue;
    if (knownOutside(r, 'receivedOn', v.receivedOn, ctx.period)) continue;
    if (ctx.exclusions.leaveOut('Complaints', r, FIELDS) || v.staffId === null) continue;
    valid.add(v.staffId);
  }
  return { valid_complaints: (s) => amount(valid.of(s)) };
}
