import { Serial } from '../dates';
import { KpiContext, Tally, knownOutside } from './context';
import { KpiFn, ratio } from './types';

const FIELDS = ['feedbackId', 'customerId', 'staffId', 'receivedAt', 'repliedAt'] as const;

/**
 * Serial fractions are binary floating point: 2025-10-12 09:00 + 48 h is not exactly the
 * serial of 2025-10-14 09:00. A tolerance far below a second keeps "exactly 48 h" on time.
 */
const EPSILON = 1e-6;

export type FeedbackState = 'on_time' | 'late' | 'pending';

/**
 * One feedback item at the as-of day (SPEC §3). Deadline = Received At + `feedback_hours` (a
 * date without time is 00:00). Answered items are judged: on time when Replied At ≤ deadline.
 * Unanswered items are late when the deadline falls on or before the as-of date — comparing
 * days, so a deadline at 15:00 on the as-of day is due (the as-of date is taken as a whole
 * day, the way a manager closing the quarter on that date reads it); else they are pending.
 */
export function feedbackState(receivedAt: Serial, repliedAt: Serial | null, feedbackHours: number, asOf: Serial): FeedbackState {
  const deadline = receivedAt + feedbackHours / 24;
  if (repliedAt !== null) return repliedAt <= deadline + EPSILON ? 'on_time' : 'late';
  return Math.floor(deadline + EPSILON) <= Math.floor(asOf) ? 'late' : 'pending';
}

/** feedback_timeliness: on-time / due, over feedback received in P by s. */
export function feedbackKpis(ctx: KpiContext): { feedback_timeliness: KpiFn } {
  const hours = ctx.book.settings.feedbackHours;
  const due = new Tally();
  const onTime = new Tally();
  for (const r of ctx.book.Feedback.rows) {
    const v = r.v;
    if (knownOutside(r, 'receivedAt', v.receivedAt, ctx.period)) continue;
    if (ctx.exclusions.leaveOut('Feedback', r, FIELDS) || v.staffId === null || v.receivedAt === null) continue;
    const state = feedbackState(v.receivedAt, v.repliedAt, hours, ctx.asOf);
    if (state === 'pending') continue;
    due.add(v.staffId);
    if (state === 'on_time') onTime.add(v.staffId);
  }
  return { feedback_timeliness: (s) => ratio(onTime.of(s), due.of(s)) };
}
