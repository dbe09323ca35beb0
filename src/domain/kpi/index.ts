import type { Book } from '../book';
import { Serial, isoDate } from '../dates';
import { Period } from '../periods';
import { archiveKpis } from './archive';
import { assessmentBook } from './assessments';
import { churnKpis } from './churn';
import { complaintKpis } from './complaints';
import { KpiContext } from './context';
import { Exclusions } from './excluded';
import { expenseKpis } from './expenses';
import { feedbackKpis } from './feedback';
import { pipelineKpis } from './pipeline';
import { planBook } from './plans';
import { revisitKpis } from './revisits';
import { salesKpis } from './sales';
import { satisfactionKpis } from './satisfaction';
import { scoreStaff } from './scoring';
import { StaffMember, activeStaff } from './staff';
import { KPI_CODES, KpiCode, KpiFn, KpiReport, KpiResult } from './types';

export { COUNT_KPIS, KPI_CODES, RATE_KPIS } from './types';
export type { KpiCode, KpiReport, KpiResult, Measure, PipelineRow, Score, ScoreItem } from './types';
export { KPI_LABELS } from './labels';
export { kpiScore, kpiCodeOf, totalScore } from './scoring';
export { feedbackState } from './feedback';
export type { StaffMember } from './staff';

/** Roles listed in the KPI results (SPEC §3): the specialists and the manager. */
const LISTED_ROLES: ReadonlySet<string> = new Set(['专员', '经理']);

/**
 * Every KPI of SPEC §3 for a period, with the scores and the pipeline (the `kam kpi --json`
 * object of SPEC §6). Pure and linear in the rows: each family makes one pass over its table,
 * tallying per staff member and for the department at once.
 *
 * `asOf` is the as-of day as a serial (a fraction is ignored).
 */
export function computeKpis(book: Book, period: Period, asOf: Serial): KpiReport {
  const ctx: KpiContext = { book, period, asOf: Math.floor(asOf), exclusions: new Exclusions() };
  const plans = planBook(ctx);
  const pipeline = pipelineKpis(ctx);
  const kpis: Record<KpiCode, KpiFn> = {
    ...salesKpis(ctx, plans),
    ...churnKpis(ctx, plans),
    ...complaintKpis(ctx),
    ...feedbackKpis(ctx),
    ...revisitKpis(ctx),
    ...expenseKpis(ctx, plans),
    ...archiveKpis(ctx),
    ...satisfactionKpis(ctx),
    pipeline_weighted: pipeline.pipeline_weighted,
  };
  const staff = activeStaff(ctx);
  const assessments = assessmentBook(ctx);

  /** The manager's values are the department's. */
  const subject = (m: StaffMember): string | null => (m.role === '经理' ? null : m.staffId);
  const resultsOf = (staffId: string | null, of: string | null): KpiResult[] =>
    KPI_CODES.map((kpi) => ({ staffId, kpi, ...kpis[kpi](of) }));

  const listed = staff.filter((m) => LISTED_ROLES.has(m.role));
  const results = [...listed.flatMap((m) => resultsOf(m.staffId, subject(m))), ...resultsOf(null, null)];
  const scores = scoreStaff(staff, book.scheme, book.settings, {
    kpiValue: (m, code) => kpis[code](subject(m)).value,
    assessment: (m, item) => assessments.mean(m.staffId, item),
  });
  const specialists = listed.filter((m) => m.role === '专员').map((m) => m.staffId);

  return {
    period: period.label,
    start: isoDate(period.start),
    end: isoDate(period.end),
    asOf: isoDate(ctx.asOf),
    results,
    scores,
    excluded: ctx.exclusions.counts(),
    pipeline: pipeline.funnel(specialists),
  };
}
