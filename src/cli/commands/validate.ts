import { analyse, errorCount } from '../../domain/engine';
import { ValidateArgs } from '../args';
import { CliContext, timed } from '../context';
import { findingsJson, formatFindings, sheetNames } from '../format';
import { assertUsable, openSnapshot } from '../workbook';

/** `kam validate FILE`: every finding; exit status 1 when any is an error. */
export async function runValidate(args: ValidateArgs, ctx: CliContext): Promise<number> {
  const snapshot = await timed(ctx, 'load', () => openSnapshot(args.file));
  const asOf = args.asOf ?? ctx.today;
  const { read, findings, problems } = await timed(ctx, 'engine', () => analyse(snapshot, { asOf, period: args.period }));
  assertUsable(args.file, problems, ctx.lang);
  const sheetOf = sheetNames(read.book);
  ctx.out(args.json ? findingsJson(findings, sheetOf, ctx.lang) : formatFindings(findings, sheetOf, ctx.lang, ctx.m));
  return errorCount(findings) > 0 ? 1 : 0;
}
