import type { Role, Stage } from '../tables';

/** The twelve KPI codes of SPEC §3, in the table's order. */
export const KPI_CODES = [
  'sales_completion',
  'churn_count',
  'churn_rate',
  'development_completion',
  'new_development_rate',
  'valid_complaints',
  'feedback_timeliness',
  'revisit_rate',
  'expense_ratio',
  'archive_completeness',
  'satisfaction',
  'pipeline_weighted',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

/** KPIs whose value is a fraction, shown as a percentage. */
export const RATE_KPIS: ReadonlySet<string> = new Set<KpiCode>([
  'sales_completion',
  'churn_rate',
  'development_completion',
  'new_development_rate',
  'feedback_timeliness',
  'revisit_rate',
  'expense_ratio',
  'archive_completeness',
]);
/** KPIs that count events (whole numbers; scored by penalty points). */
export const COUNT_KPIS: ReadonlySet<string> = new Set<KpiCode>(['churn_count', 'valid_complaints']);

/** One KPI figure: numerator, denominator and value (null where undefined, SPEC §3). */
export interface Measure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/** A KPI of one staff member, or of the department (`staffId` null). */
export interface KpiResult extends Measure {
  staffId: string | null;
  kpi: KpiCode;
}

export interface ScoreItem {
  /** A KPI code, or an Assessments item. */
  kpi: string;
  value: number | null;
  target: number | null;
  weight: number;
  /** 0–120; null when the value is null (left out of the total). */
  score: number | null;
  direction: '越高越好' | '越低越好';
}

export interface Score {
  staffId: string;
  role: Role;
  /** Σ weight·score / Σ weight over items with a score; null when none has one. */
  total: number | null;
  /** Total below `warning_score` (口头警告); never with a null total. */
  warning: boolean;
  items: ScoreItem[];
}

/** One line of the Pipeline output: open opportunities of one stage. */
export interface PipelineRow {
  /** The specialist, or null for the department. */
  staffId: string | null;
  stage: Stage;
  count: number;
  expectedAmount: number;
  weightedAmount: number;
}

/** What `kam kpi --json` prints (SPEC §6). */
export interface KpiReport {
  period: string;
  /** `YYYY-MM-DD`. */
  start: string;
  end: string;
  asOf: string;
  results: KpiResult[];
  scores: Score[];
  /** Rows left out of at least one KPI because a field it reads has an error, per table. */
  excluded: Record<string, number>;
  pipeline: PipelineRow[];
}

/** A KPI for a staff member, or for the department with `null`. */
export type KpiFn = (staffId: string | null) => Measure;

/** A ratio; a denominator of 0 or a missing one (no plan) gives a null value. */
export function ratio(numerator: number, denominator: number | null): Measure {
  return { numerator, denominator, value: denominator === null || denominator === 0 ? null : numerator / denominator };
}

/** Counts and snapshot amounts: numerator = value, no denominator. */
export function amount(value: number): Measure {
  return { numerator: value, denominator: null, value };
}
