import { Serial } from '../domain/dates';
import { Lang, Messages } from './messages';

/** What a command needs from its host: language, output, the clock. */
export interface CliContext {
  lang: Lang;
  m: Messages;
  /** Writes a block of text and a newline to stdout. */
  out(text: string): void;
  /** Writes a block of text and a newline to stderr. */
  err(text: string): void;
  /** Today (the default as-of date). */
  today: Serial;
  /** Phase timings in ms (for KAM_BENCH_STATS). */
  timings: Record<string, number>;
}

/** Runs a phase and records how long it took. */
export async function timed<T>(ctx: CliContext, phase: string, fn: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    ctx.timings[phase] = (ctx.timings[phase] ?? 0) + performance.now() - start;
  }
}
