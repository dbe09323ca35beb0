import { OPEN_STAGES, Stage } from '../tables';
import { KpiContext, Tally, readable } from './context';
import { KpiFn, PipelineRow, amount } from './types';

const FIELDS = ['opportunityId', 'customerId', 'staffId', 'stage', 'expectedAmount', 'winProbability'] as const;

interface StageSums {
  count: number;
  expectedAmount: number;
  weightedAmount: number;
}

const emptyFunnel = (): StageSums[] => OPEN_STAGES.map(() => ({ count: 0, expectedAmount: 0, weightedAmount: 0 }));

export interface PipelineKpis {
  pipeline_weighted: KpiFn;
  /** The Pipeline output: the six open stages for each given staff member, then the department. */
  funnel(staffIds: readonly string[]): PipelineRow[];
}

/**
 * Open opportunities (stages 客户开发…工程实施) at the as-of date — their current stage, a
 * snapshot. Win Probability left blank takes the stage's default from `stage_probabilities`;
 * a blank Expected Amount adds nothing to the amounts but the opportunity is still counted.
 */
export function pipelineKpis(ctx: KpiContext): PipelineKpis {
  const defaults = ctx.book.settings.stageProbabilities;
  const weighted = new Tally();
  const byStaff = new Map<string, StageSums[]>();
  const department = emptyFunnel();
  for (const r of ctx.book.Opportunities.rows) {
    const v = r.v;
    const stageIndex = v.stage === null ? -1 : OPEN_STAGES.indexOf(v.stage as Stage);
    if (readable(r, 'stage') && stageIndex < 0) continue;
    if (ctx.exclusions.leaveOut('Opportunities', r, FIELDS) || v.staffId === null || stageIndex < 0) continue;
    const expected = v.expectedAmount ?? 0;
    const value = expected * (v.winProbability ?? defaults[stageIndex]);
    weighted.add(v.staffId, value);
    let funnel = byStaff.get(v.staffId);
    if (!funnel) byStaff.set(v.staffId, (funnel = emptyFunnel()));
    for (const sums of [funnel[stageIndex], department[stageIndex]]) {
      sums.count += 1;
      sums.expectedAmount += expected;
      sums.weightedAmount += value;
    }
  }
  const rows = (staffId: string | null, sums: StageSums[]): PipelineRow[] =>
    OPEN_STAGES.map((stage, i) => ({ staffId, stage, ...sums[i] }));
  return {
    pipeline_weighted: (s) => amount(weighted.of(s)),
    funnel: (staffIds) => [...staffIds.flatMap((s) => rows(s, byStaff.get(s) ?? emptyFunnel())), ...rows(null, department)],
  };
}
