import { CUSTOMER_STATUS } from '../tables';
import { KpiContext, Tally, readable } from './context';
import { KpiFn, ratio } from './types';

const FIELDS = ['customerId', 'ownerId', 'status'] as const;
/** The accounts an archive must be complete for: 开发中 and 合作中. */
const ARCHIVED_STATUSES: ReadonlySet<string> = new Set<(typeof CUSTOMER_STATUS.members)[number]['zh']>(['开发中', '合作中']);

function filled(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

/**
 * archive_completeness (a snapshot, not per period): every 开发中 or 合作中 account whose owner
 * and status are readable counts; it is complete when each `required_fields` column is filled
 * and no error lies anywhere on the row (a bad phone makes it incomplete, not excluded).
 */
export function archiveKpis(ctx: KpiContext): { archive_completeness: KpiFn } {
  const required = ctx.book.settings.requiredFields;
  const accounts = new Tally();
  const complete = new Tally();
  for (const r of ctx.book.Customers.rows) {
    const v = r.v as Record<string, unknown> & typeof r.v;
    if (readable(r, 'status') && (v.status === null || !ARCHIVED_STATUSES.has(v.status))) continue;
    if (ctx.exclusions.leaveOut('Customers', r, FIELDS) || v.ownerId === null) continue;
    accounts.add(v.ownerId);
    const clean = !r.bad || r.bad.size === 0;
    if (clean && required.every((k) => filled(v[k]))) complete.add(v.ownerId);
  }
  return { archive_completeness: (s) => ratio(complete.of(s), accounts.of(s)) };
}
