import { toDate } from '../domain/cells';
import { Serial } from '../domain/dates';
import { FORM_CODES, FORM_TEMPLATES, FormCode, SubjectKind, isFormCode } from '../domain/forms';
import { Period, parsePeriod } from '../domain/periods';
import { UsageError } from './errors';
import { Lang, Messages, parseLang } from './messages';

export { UsageError };

/**
 * Strict command-line parsing: every option is known to its command, every value is checked
 * here, so a command runs only on a well-formed request. Errors carry their sentence as a
 * function of the message table, rendered in the CLI's language.
 */

export const COMMANDS = ['init', 'validate', 'kpi', 'form', 'help'] as const;
export type CommandName = 'init' | 'validate' | 'kpi' | 'form';

export interface ValidateArgs {
  command: 'validate';
  file: string;
  json: boolean;
  asOf?: Serial;
  period?: Period;
  lang?: Lang;
}

export interface KpiArgs {
  command: 'kpi';
  file: string;
  period: Period;
  asOf?: Serial;
  strict: boolean;
  json: boolean;
  /** Store the outputs in the workbook (saved atomically). */
  write: boolean;
  lang?: Lang;
}

export interface InitArgs {
  command: 'init';
  file: string;
  lang?: Lang;
  demo: boolean;
  seed: number;
  scale: number;
  asOf?: Serial;
}

export interface FormArgs {
  command: 'form';
  file: string;
  template: FormCode;
  /** The subject option given (--customer, --visit, --complaint or --staff) and its ID. */
  subject?: { kind: SubjectKind; id: string };
  period?: Period;
  /** A new workbook holding just the form; without it the form is added to FILE. */
  out?: string;
  asOf?: Serial;
  lang?: Lang;
}

export type Invocation = { command: 'help' } | { command: 'version' } | ValidateArgs | KpiArgs | InitArgs | FormArgs;

type OptionSpec = { kind: 'flag' } | { kind: 'value'; example: string };
const flag: OptionSpec = { kind: 'flag' };
const value = (example: string): OptionSpec => ({ kind: 'value', example });

const OPTIONS: Record<CommandName, Record<string, OptionSpec>> = {
  init: { lang: value('zh'), demo: flag, seed: value('1'), scale: value('10'), 'as-of': value('2026-10-10'), help: flag },
  validate: { json: flag, 'as-of': value('2026-10-10'), period: value('2026Q3'), lang: value('zh'), help: flag },
  kpi: { period: value('2026Q3'), 'as-of': value('2026-10-10'), strict: flag, json: flag, lang: value('zh'), write: flag, help: flag },
  form: {
    template: value('customer-profile'),
    customer: value('C01'),
    visit: value('V1'),
    complaint: value('P1'),
    staff: value('S01'),
    period: value('2026Q3'),
    out: value('form.xlsx'),
    'as-of': value('2026-10-10'),
    lang: value('zh'),
    help: flag,
  },
};

/** The subject options of `kam form`, in the order the usage lists them. */
const SUBJECT_OPTIONS: readonly SubjectKind[] = ['customer', 'visit', 'complaint', 'staff'];

export const SEED_MAX = 4_294_967_295;
export const SCALE_MAX = 1000;
export const DEFAULT_SEED = 1;

/** The language asked for on the command line, if any and valid (messages need it first). */
export function langOption(argv: readonly string[]): Lang | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '--lang' && i + 1 < argv.length) return parseLang(argv[i + 1]);
    if (a.startsWith('--lang=')) return parseLang(a.slice('--lang='.length));
  }
  return null;
}

export function parseArgs(argv: readonly string[]): Invocation {
  const args = [...argv];
  // `--lang` may also come before the command: `kam --lang en validate book.xlsx`.
  const global: Record<string, string> = {};
  while (args.length > 0 && (args[0] === '--lang' || args[0].startsWith('--lang='))) {
    const a = args.shift()!;
    if (a === '--lang') {
      if (args.length === 0 || args[0].startsWith('-')) throw new UsageError((m) => m.missingValue('--lang', 'zh'));
      global.lang = args.shift()!;
    } else global.lang = a.slice('--lang='.length);
  }
  const head = args[0];
  if (head === undefined) throw new UsageError((m) => m.noCommand, true);
  if (head === '--help' || head === '-h' || head === 'help') return { command: 'help' };
  if (head === '--version' || head === '-V' || head === '-v' || head === 'version') return { command: 'version' };
  if (!(head in OPTIONS)) {
    if (head.startsWith('-')) {
      const s = suggest(head.replace(/^-+/, ''), ['help', 'version']);
      throw new UsageError((m) => m.unknownGlobalOption(head, s && `--${s}`), true);
    }
    const s = suggest(head, [...COMMANDS]);
    throw new UsageError((m) => m.unknownCommand(head, s), true);
  }
  const command = head as CommandName;
  const { options, positional } = scan(command, args.slice(1));
  if ('help' in options) return { command: 'help' };
  if (global.lang !== undefined) {
    if (options.lang !== undefined) throw new UsageError((m) => m.repeatedOption('--lang'));
    options.lang = global.lang;
  }

  if (positional.length === 0) throw new UsageError((m) => m.missingFile(command));
  if (positional.length > 1) throw new UsageError((m) => m.extraArgument(positional[1]));
  const file = positional[0];
  const lang = options.lang === undefined ? undefined : langValue(options.lang);
  const asOf = options['as-of'] === undefined ? undefined : dateValue('--as-of', options['as-of']);

  switch (command) {
    case 'validate': {
      const period = options.period === undefined ? undefined : periodValue(options.period);
      return { command, file, json: 'json' in options, asOf, period, lang };
    }
    case 'kpi': {
      if (options.period === undefined) throw new UsageError((m) => m.missingPeriod);
      return { command, file, period: periodValue(options.period), asOf, strict: 'strict' in options, json: 'json' in options, write: 'write' in options, lang };
    }
    case 'init': {
      const demo = 'demo' in options;
      for (const opt of ['seed', 'scale']) {
        if (options[opt] !== undefined && !demo) throw new UsageError((m) => m.needsDemo(`--${opt}`));
      }
      const seed = options.seed === undefined ? DEFAULT_SEED : wholeNumber(options.seed, 0, SEED_MAX, (m, v) => m.badSeed(v));
      const scale = options.scale === undefined ? 1 : wholeNumber(options.scale, 1, SCALE_MAX, (m, v) => m.badScale(v));
      return { command, file, lang, demo, seed, scale, asOf };
    }
    case 'form':
      return formArgs(file, options, lang, asOf);
  }
}

/**
 * `kam form`: the template must be known, and the subject option must be the template's own
 * (one of them, once); --period only for the forms that cover a period.
 */
function formArgs(file: string, options: Record<string, string>, lang: Lang | undefined, asOf: Serial | undefined): FormArgs {
  const code = options.template;
  if (code === undefined) throw new UsageError((m) => m.missingTemplate(FORM_CODES.join(', ')));
  const wanted = templateCode(code);
  if (wanted === null) {
    const w = code.trim().toLowerCase();
    const s = suggest(w, FORM_CODES) ?? (w.length >= 3 ? FORM_CODES.find((c) => c.includes(w)) : undefined);
    throw new UsageError((m) => m.unknownTemplate(code, FORM_CODES.join(', '), s));
  }
  const template = FORM_TEMPLATES[wanted];
  const given = SUBJECT_OPTIONS.filter((k) => options[k] !== undefined);
  if (given.length > 1) throw new UsageError((m) => m.manySubjects(given.map((k) => `--${k}`)));
  const expected = template.subject;
  if (given.length === 1 && given[0] !== expected) {
    const option = `--${given[0]}`;
    throw new UsageError((m) => m.wrongSubject(wanted, option, expected === null ? null : `--${expected}`));
  }
  if (expected !== null && template.subjectRequired && given.length === 0) {
    const example = (OPTIONS.form[expected] as { example: string }).example;
    throw new UsageError((m) => m.missingSubject(wanted, `--${expected}`, example));
  }
  if (options.period !== undefined && !template.period) throw new UsageError((m) => m.periodNotForTemplate(wanted));
  const period = options.period === undefined ? undefined : periodValue(options.period);
  const out = options.out;
  const subject = given.length === 1 ? { kind: given[0], id: options[given[0]].trim() } : undefined;
  return { command: 'form', file, template: wanted, subject, period, out, asOf, lang };
}

/** Splits a command's arguments into options (name → value, '' for flags) and positionals. */
function scan(command: CommandName, args: string[]): { options: Record<string, string>; positional: string[] } {
  const specs = OPTIONS[command];
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a === '-h') {
      options.help = '';
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? a.slice(2, eq < 0 ? undefined : eq) : '';
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    const shown = eq < 0 ? a : a.slice(0, eq);
    if (!spec) {
      const s = suggest(shown.replace(/^-+/, ''), Object.keys(specs));
      throw new UsageError((m) => m.unknownOption(shown, command, s && `--${s}`));
    }
    if (name in options) throw new UsageError((m) => m.repeatedOption(`--${name}`));
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError((m) => m.flagTakesNoValue(`--${name}`));
      options[name] = '';
      continue;
    }
    let v: string | undefined;
    if (eq >= 0) v = a.slice(eq + 1);
    else {
      const next = args[i + 1];
      // A following option is not a value: `--period --json` forgot the period.
      if (next !== undefined && !(next.startsWith('--') || next === '-h')) {
        v = next;
        i++;
      }
    }
    if (v === undefined || v.trim() === '') throw new UsageError((m) => m.missingValue(`--${name}`, spec.example));
    options[name] = v;
  }
  return { options, positional };
}

/** A template's code (any case), or its Chinese or English title: 大客户信息档案表. */
function templateCode(text: string): FormCode | null {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (isFormCode(t)) return t;
  const byTitle = FORM_CODES.find((c) => FORM_TEMPLATES[c].title.zh === t || FORM_TEMPLATES[c].title.en.toLowerCase() === t);
  return byTitle ?? null;
}

function langValue(text: string): Lang {
  const lang = parseLang(text);
  if (!lang) throw new UsageError((m) => m.badLang(text));
  return lang;
}

function periodValue(text: string): Period {
  const p = parsePeriod(text);
  if (!p) throw new UsageError((m) => m.badPeriod('--period', text));
  return p;
}

function dateValue(opt: string, text: string): Serial {
  // Text only (never a bare serial number): 2026-10-10, 2026/10/10, 2026年10月10日.
  const serial = /^\s*\d+(\.\d+)?\s*$/.test(text) ? null : toDate(text);
  if (typeof serial !== 'number') throw new UsageError((m) => m.badDate(opt, text));
  return serial;
}

function wholeNumber(text: string, min: number, max: number, bad: (m: Messages, v: string) => string): number {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError((m) => bad(m, text));
  return n;
}

/** The closest known word within two edits, for "did you mean". */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
