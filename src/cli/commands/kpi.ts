import { excludedTotal, kpiReport } from '../../domain/engine';
import { KpiArgs } from '../args';
import { CliContext, timed } from '../context';
import { CliError } from '../errors';
import { excludedParts, formatKpiReport } from '../format';
import { assertUsable, openSnapshot } from '../workbook';

/**
 * `kam kpi FILE --period P`: the period's KPIs and scorecards. With --strict, rows left out
 * because of errors refuse the computation: exit status 1, like `kam validate` with errors.
 */
export async function runKpi(args: KpiArgs, ctx: CliContext): Promise<number> {
  const snapshot = await timed(ctx, 'load', () => openSnapshot(args.file));
  const asOf = args.asOf ?? ctx.today;
  const outcome = await timed(ctx, 'engine', () => kpiReport(snapshot, args.period, asOf, { strict: args.strict }));
  if (outcome.kind === 'problems') {
    assertUsable(args.file, outcome.problems, ctx.lang);
    return 2;
  }
  if (outcome.kind === 'refused') {
    const parts = excludedParts(outcome.excluded, ctx.lang);
    const rows = excludedTotal(outcome.excluded);
    throw new CliError((m) => [m.strictRefused(args.file, parts, rows), m.runValidate(args.file)], 1);
  }
  const { report, analysis } = outcome;
  ctx.out(args.json ? JSON.stringify(report, null, 2) : formatKpiReport(report, analysis.read.book, ctx.lang, ctx.m));
  return 0;
}
