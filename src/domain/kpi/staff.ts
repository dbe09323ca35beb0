import { Role } from '../tables';
import { KpiContext, readable } from './context';

export interface StaffMember {
  staffId: string;
  name: string | null;
  role: Role;
}

const FIELDS = ['staffId', 'role', 'active'] as const;

/**
 * Active (在职) staff in Staff table order. A row whose ID, role or 在职 has an error cannot be
 * listed and counts as excluded; a repeated ID keeps its first row.
 */
export function activeStaff(ctx: KpiContext): StaffMember[] {
  const seen = new Set<string>();
  const out: StaffMember[] = [];
  for (const r of ctx.book.Staff.rows) {
    const v = r.v;
    if (readable(r, 'active') && v.active === false) continue;
    if (ctx.exclusions.leaveOut('Staff', r, FIELDS)) continue;
    if (v.staffId === null || v.role === null || seen.has(v.staffId)) continue;
    seen.add(v.staffId);
    out.push({ staffId: v.staffId, name: v.name, role: v.role as Role });
  }
  return out;
}
