import { contains } from '../periods';
import { KpiContext, Tally, knownOutside, readable } from './context';
import { PlanBook } from './plans';
import { KpiFn, amount, ratio } from './types';

const CHURN_COUNT_FIELDS = ['customerId', 'ownerId', 'status', 'lostOn'] as const;
const DEVELOPED_FIELDS = ['customerId', 'ownerId', 'developedOn'] as const;
const ACTIVE_AT_START_FIELDS = ['customerId', 'ownerId', 'developedOn', 'lostOn'] as const;
const CHURN_RATE_FIELDS = [...ACTIVE_AT_START_FIELDS, 'status'] as const;

export interface ChurnKpis {
  churn_count: KpiFn;
  churn_rate: KpiFn;
  development_completion: KpiFn;
  new_development_rate: KpiFn;
}

/**
 * The account figures of SPEC §3, from one pass over the archive. Ownership is the archive's
 * current 负责专员. *Active at start(s, P)*: Developed On before P.start and Lost On empty or
 * not before P.start. An account is lost in P when its status is 流失 and Lost On falls in P
 * (the same test for churn_count and churn_rate).
 */
export function churnKpis(ctx: KpiContext, plans: PlanBook): ChurnKpis {
  const { period, exclusions } = ctx;
  const start = period.start;
  const lost = new Tally();
  const developed = new Tally();
  /** Active at start, for new_development_rate (status not read). */
  const activeAtStart = new Tally();
  /** Active at start with a readable status, and those of them lost in P, for churn_rate. */
  const activeForChurn = new Tally();
  const lostOfActive = new Tally();

  for (const r of ctx.book.Customers.rows) {
    const v = r.v;
    const statusKnown = readable(r, 'status');
    // churn_count
    if (!(statusKnown && v.status !== '流失') && !knownOutside(r, 'lostOn', v.lostOn, period)) {
      if (!exclusions.leaveOut('Customers', r, CHURN_COUNT_FIELDS) && v.ownerId !== null) lost.add(v.ownerId);
    }
    // developed in P
    if (!knownOutside(r, 'developedOn', v.developedOn, period)) {
      if (!exclusions.leaveOut('Customers', r, DEVELOPED_FIELDS) && v.ownerId !== null) developed.add(v.ownerId);
    }
    // active at start
    const notDevelopedBefore = readable(r, 'developedOn') && (v.developedOn === null || v.developedOn >= start);
    const lostBefore = readable(r, 'lostOn') && v.lostOn !== null && v.lostOn < start;
    if (notDevelopedBefore || lostBefore) continue;
    if (exclusions.leaveOut('Customers', r, ACTIVE_AT_START_FIELDS) || v.ownerId === null) continue;
    activeAtStart.add(v.ownerId);
    if (exclusions.leaveOut('Customers', r, CHURN_RATE_FIELDS)) continue;
    activeForChurn.add(v.ownerId);
    if (v.status === '流失' && v.lostOn !== null && contains(period, v.lostOn)) lostOfActive.add(v.ownerId);
  }

  return {
    churn_count: (s) => amount(lost.of(s)),
    churn_rate: (s) => ratio(lostOfActive.of(s), activeForChurn.of(s)),
    development_completion: (s) => ratio(developed.of(s), plans.plan('developmentPlan', s)),
    new_development_rate: (s) => ratio(developed.of(s), activeAtStart.of(s)),
  };
}
