import { normalizeWord } from '../cells';
import { KpiContext, readable } from './context';

const FIELDS = ['period', 'staffId', 'item', 'score'] as const;

export interface AssessmentBook {
  /** The mean entered score of the staff member's item for the period; null when none. */
  mean(staffId: string, item: string): number | null;
}

/**
 * Qualitative scores (the clerk's KPIs, 定性指标). A row belongs to the period when its Period
 * is the same period (label equality: a 2025Q4 row does not count for the year 2025). Items
 * compare like headers: trimmed, case-insensitive, full-width = half-width.
 */
export function assessmentBook(ctx: KpiContext): AssessmentBook {
  const sums = new Map<string, { sum: number; n: number }>();
  const key = (staffId: string, item: string) => `${staffId}\u0000${normalizeWord(item)}`;
  for (const r of ctx.book.Assessments.rows) {
    const v = r.v;
    if (readable(r, 'period') && v.period?.label !== ctx.period.label) continue;
    if (ctx.exclusions.leaveOut('Assessments', r, FIELDS)) continue;
    if (v.staffId === null || v.item === null || v.score === null) continue;
    const k = key(v.staffId, v.item);
    const acc = sums.get(k);
    if (acc) {
      acc.sum += v.score;
      acc.n += 1;
    } else sums.set(k, { sum: v.score, n: 1 });
  }
  return {
    mean(staffId, item) {
      const acc = sums.get(key(staffId, item));
      return acc ? acc.sum / acc.n : null;
    },
  };
}
