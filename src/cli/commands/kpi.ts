import type { Problem } from '../../domain/book';
import { Analysis, excludedTotal, kpiReport } from '../../domain/engine';
import type { KpiReport } from '../../domain/kpi';
import { writeKpisToFile } from '../writeKpis';
import { KpiArgs } from '../args';
import { CliContext, timed } from '../context';
import { CliError } from '../errors';
import type { OpenedPackage } from '../../workbook/xlsx/node';
import { excludedParts, formatKpiReport } from '../format';
import { assertUsable, openWorkbook, writeError } from '../workbook';

/**
 * `kam kpi FILE --period P`: the period's KPIs and scorecards. With --strict, rows left out
 * because of errors refuse the computation: exit status 1, like `kam validate` with errors.
 * With --write the outputs are stored in the workbook and saved atomically; on any refusal or
 * failure the file is untouched.
 */
export async function runKpi(args: KpiArgs, ctx: CliContext): Promise<number> {
  const { opened, snapshot } = await timed(ctx, 'load', () => openWorkbook(args.file));
  const asOf = args.asOf ?? ctx.today;
  const outcome: Outcome = args.write
    ? await timed(ctx, 'engine', () => writeKpis(args, asOf, opened))
    : await timed(ctx, 'engine', async () => kpiReport(snapshot, args.period, asOf, { strict: args.strict }));
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
  if (outcome.sheets) ctx.err(ctx.m.written(args.file, outcome.sheets));
  return 0;
}

type Outcome =
  | { kind: 'report'; report: KpiReport; analysis: Analysis; sheets?: string[] }
  | { kind: 'problems'; problems: Problem[] }
  | { kind: 'refused'; excluded: Record<string, number> };

/** The outputs land in the workbook's own language (not the terminal's): they belong to it. */
async function writeKpis(args: KpiArgs, asOf: number, opened: OpenedPackage): Promise<Outcome> {
  let outcome: Awaited<ReturnType<typeof writeKpisToFile>>;
  try {
    outcome = await writeKpisToFile(args.file, args.period, asOf, undefined, { strict: args.strict, opened });
  } catch (e) {
    // Saving failed or was refused; the original is as it was.
    throw writeError(args.file, e);
  }
  if (outcome.kind !== 'written') return outcome;
  return { kind: 'report', report: outcome.report, analysis: outcome.analysis, sheets: Object.values(outcome.tables).map((t) => t.sheetName) };
}
