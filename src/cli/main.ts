import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialToday } from '../domain/dates';
import { Invocation, langOption, parseArgs } from './args';
import { CliContext } from './context';
import { CliError, UsageError } from './errors';
import { Lang, langFromEnv, messages } from './messages';

/**
 * The `kam` command. Never throws and never prints a stack trace: a user's mistake becomes one
 * clear sentence on stderr (a list for a workbook's missing tables), in the CLI's language.
 *
 * Exit status: 0 done; 1 the workbook has errors (`validate`), or `kpi --strict` refused;
 * 2 a bad command line, an unreadable or unusable file, or an internal error.
 */
export async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  let lang: Lang = langOption(argv) ?? langFromEnv(process.env);
  const ctx: CliContext = {
    lang,
    m: messages(lang),
    out: (text) => write(process.stdout, text),
    err: (text) => write(process.stderr, text),
    today: serialToday(new Date()),
    timings: {},
  };
  let code: number;
  try {
    guardPipes();
    const inv = parseArgs(argv);
    if ('lang' in inv && inv.lang) {
      lang = inv.lang;
      ctx.lang = lang;
      ctx.m = messages(lang);
    }
    code = await run(inv, ctx);
  } catch (e) {
    code = report(e, ctx);
  }
  if (process.env.KAM_BENCH_STATS === '1') {
    try {
      benchStats(ctx, performance.now() - started);
    } catch {
      // A measurement must never change the outcome.
    }
  }
  return code;
}

async function run(inv: Invocation, ctx: CliContext): Promise<number> {
  switch (inv.command) {
    case 'help':
      ctx.out(ctx.m.usage);
      return 0;
    case 'version':
      ctx.out(`kam ${version()}`);
      return 0;
    // Loaded on demand: `kam --help` need not load ExcelJS, `kam kpi` not the workbook writer.
    case 'validate':
      return (await import('./commands/validate')).runValidate(inv, ctx);
    case 'kpi':
      return (await import('./commands/kpi')).runKpi(inv, ctx);
    case 'init':
      return (await import('./commands/init')).runInit(inv, ctx);
    case 'form':
      return (await import('./commands/form')).runForm(inv, ctx);
  }
}

/** An error as the user sees it; returns the exit status. */
function report(e: unknown, ctx: CliContext): number {
  try {
    if (e instanceof CliError) {
      const text = e.render(ctx.m);
      const lines = Array.isArray(text) ? text : [text];
      ctx.err(lines.map((line, i) => (i === 0 ? ctx.m.errorPrefix + line : line)).join('\n'));
      if (e.showUsage) ctx.err(`\n${ctx.m.usage}`);
      else if (e instanceof UsageError) ctx.err(ctx.m.seeHelp);
      return e.exitCode;
    }
    ctx.err(ctx.m.errorPrefix + ctx.m.internalError(describe(e)));
  } catch {
    // Even a failure to print must not escape main().
  }
  return 2;
}

/** One line for an unexpected error: its name and message, never its stack. */
function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message.split('\n')[0]}`;
  return String(e).split('\n')[0];
}

function write(stream: NodeJS.WriteStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

let pipesGuarded = false;

/** `kam kpi … | head` closes the pipe early: that is not an error worth a stack trace. */
function guardPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') return;
      process.exitCode = 2;
    });
  }
}

let cachedVersion: string | undefined;

function version(): string {
  if (cachedVersion === undefined) {
    try {
      // src/cli or dist/cli: the package root is two folders up.
      const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
      cachedVersion = pkg.version ?? 'unknown';
    } catch {
      cachedVersion = 'unknown';
    }
  }
  return cachedVersion;
}

/** Hidden: `KAM_BENCH_STATS=1` prints one JSON line of resource use to stderr (bench/run.js). */
function benchStats(ctx: CliContext, totalMs: number): void {
  const usage = process.resourceUsage();
  const stats = { maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, totalMs, ...ctx.timings };
  process.stderr.write(`kam-stats ${JSON.stringify(stats)}\n`);
}
