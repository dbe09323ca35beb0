import { Role } from './tables';

/** One line of the scoring scheme: what a role is scored on. */
export interface SchemeItem {
  role: Role;
  /** A KPI code of SPEC §3 or an Assessments item. */
  kpi: string;
  weight: number;
  /** Rates as fractions; null for Assessments items. */
  target: number | null;
  direction: '越高越好' | '越低越好';
}

/** The seeded scheme, from the document's 关键业绩指标 for each role (SPEC §2, ScoringScheme). */
export const DEFAULT_SCHEME: readonly SchemeItem[] = [
  ...(['经理', '专员'] as const).flatMap((role): SchemeItem[] => [
    { role, kpi: 'sales_completion', weight: 40, target: 1, direction: '越高越好' },
    { role, kpi: 'archive_completeness', weight: 20, target: 1, direction: '越高越好' },
    { role, kpi: 'churn_rate', weight: 20, target: 0.05, direction: '越低越好' },
    { role, kpi: 'new_development_rate', weight: 20, target: 0.1, direction: '越高越好' },
  ]),
  ...['专业技能', '调查能力', '问题解决能力', '创新能力'].map((kpi): SchemeItem => ({ role: '内勤', kpi, weight: 25, target: null, direction: '越高越好' })),
];
