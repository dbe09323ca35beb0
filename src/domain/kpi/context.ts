import type { Book } from '../book';
import type { Serial } from '../dates';
import type { ParsedRow } from '../parse';
import type { Period } from '../periods';
import type { Exclusions } from './excluded';

/** What every KPI family computes from. */
export interface KpiContext {
  book: Book;
  period: Period;
  /** The as-of day (a whole serial). */
  asOf: Serial;
  exclusions: Exclusions;
}

/** The field holds a usable value (blank counts as usable: it is simply empty). */
export function readable(row: ParsedRow, key: string): boolean {
  return !row.bad || !row.bad.has(key);
}

/**
 * The date field `key` (its value `date`) is readable and does not fall in the period (blank
 * included): the row certainly does not belong to a KPI of the period by this date. The value
 * is passed by the caller, whose `row.v.someDate` read stays monomorphic (hot loops).
 */
export function knownOutside(row: ParsedRow, key: string, date: number | null, period: Period): boolean {
  if (row.bad !== null && row.bad.has(key)) return false;
  return date === null || Math.floor(date) < period.start || Math.floor(date) > period.end;
}

/** Sums per staff member and for the whole department, in one pass over the rows. */
export class Tally {
  private readonly byStaff = new Map<string, number>();
  private total = 0;

  add(staffId: string, amount = 1): void {
    this.byStaff.set(staffId, (this.byStaff.get(staffId) ?? 0) + amount);
    this.total += amount;
  }

  /** The staff member's sum, or the department's with null. */
  of(staffId: string | null): number {
    return staffId === null ? this.total : (this.byStaff.get(staffId) ?? 0);
  }
}

/** Distinct keys (customers) per staff member and for the department. */
export class DistinctTally {
  private readonly byStaff = new Map<string, Set<string>>();
  private readonly all = new Set<string>();

  add(staffId: string, key: string): void {
    let set = this.byStaff.get(staffId);
    if (!set) this.byStaff.set(staffId, (set = new Set()));
    set.add(key);
    this.all.add(key);
  }

  of(staffId: string | null): number {
    return staffId === null ? this.all.size : (this.byStaff.get(staffId)?.size ?? 0);
  }
}
