import { SchemeItem } from '../scheme';
import { SettingsValues } from '../settings';
import { COUNT_KPIS, KPI_CODES, KpiCode, Score, ScoreItem } from './types';
import { StaffMember } from './staff';

/** The cap of a higher-better score: 120 % of target. */
const CAP = 1.2;

/** The KPI code a scheme line names (case-insensitive), or null for an Assessments item. */
export function kpiCodeOf(name: string): KpiCode | null {
  const n = name.trim().toLowerCase();
  return (KPI_CODES as readonly string[]).includes(n) ? (n as KpiCode) : null;
}

/**
 * The 0–120 score of one KPI value (SPEC §3, Scores); null when the value is null.
 * - higher-better: min(value / target, 1.2) × 100; with a target of 0 (or below), meeting it
 *   scores 100 and passing it 120, below it 0.
 * - lower-better rate: 100 if value ≤ target, else max(0, 100 × (1 − (value − target) / target));
 *   with target 0: 100 if the value is 0, else 0.
 * - counts (`valid_complaints`, `churn_count`): max(0, 100 − penalty × max(0, value − target)),
 *   a blank target meaning 0.
 * - a rate or amount without a target cannot be scored: null, left out of the total.
 */
export function kpiScore(code: KpiCode, value: number | null, target: number | null, direction: SchemeItem['direction'], complaintPenalty: number): number | null {
  if (value === null) return null;
  if (COUNT_KPIS.has(code)) return Math.max(0, 100 - complaintPenalty * Math.max(0, value - (target ?? 0)));
  if (target === null) return null;
  if (direction === '越低越好') {
    if (target <= 0) return value <= target ? 100 : 0;
    return value <= target ? 100 : Math.max(0, 100 * (1 - (value - target) / target));
  }
  if (target <= 0) return value > target ? CAP * 100 : value === target ? 100 : 0;
  return Math.max(0, Math.min(value / target, CAP) * 100);
}

export interface ScoreSources {
  /** A KPI value of the staff member (the manager's are the department's). */
  kpiValue(member: StaffMember, code: KpiCode): number | null;
  /** The mean Assessments score of the staff member's item in the period. */
  assessment(member: StaffMember, item: string): number | null;
}

/** Σ weight·score / Σ weight over the scored items; null when no item has a score. */
export function totalScore(items: readonly Pick<ScoreItem, 'weight' | 'score'>[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const { weight, score } of items) {
    if (score === null) continue;
    weighted += weight * score;
    weights += weight;
  }
  return weights > 0 ? weighted / weights : null;
}

/** The scorecard of one employee, the scheme lines of their role in scheme order. */
export function scoreMember(member: StaffMember, scheme: readonly SchemeItem[], settings: SettingsValues, sources: ScoreSources): Score {
  const items: ScoreItem[] = [];
  for (const line of scheme) {
    if (line.role !== member.role) continue;
    const code = kpiCodeOf(line.kpi);
    if (code) {
      const value = sources.kpiValue(member, code);
      const score = kpiScore(code, value, line.target, line.direction, settings.complaintPenalty);
      items.push({ kpi: line.kpi, value, target: line.target, weight: line.weight, score, direction: line.direction });
    } else {
      // Assessments item: the score is the mean entered score itself.
      const value = sources.assessment(member, line.kpi);
      items.push({ kpi: line.kpi, value, target: line.target, weight: line.weight, score: value, direction: line.direction });
    }
  }
  const total = totalScore(items);
  return { staffId: member.staffId, role: member.role, total, warning: total !== null && total < settings.warningScore, items };
}

/** Scorecards of every listed employee whose role has lines in the scheme. */
export function scoreStaff(staff: readonly StaffMember[], scheme: readonly SchemeItem[], settings: SettingsValues, sources: ScoreSources): Score[] {
  const roles = new Set(scheme.map((s) => s.role));
  return staff.filter((m) => roles.has(m.role)).map((m) => scoreMember(m, scheme, settings, sources));
}
