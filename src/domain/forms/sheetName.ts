/** Excel's limits on a worksheet name. */
export const MAX_SHEET_NAME = 31;
/** Characters Excel refuses in a sheet name. */
const FORBIDDEN = /[:\\/?*[\]]/g;
/** Control characters are not allowed either. */
const CONTROL = /\p{Cc}/gu;
/** Excel reserves this name for its change history. */
const RESERVED = 'history';

/** The same name for Excel: it compares sheet names case-insensitively. */
const key = (s: string) => s.normalize('NFC').toLocaleLowerCase('en-US');

/** At most `max` UTF-16 units, never splitting a surrogate pair; no apostrophe or space at either end. */
function cut(s: string, max: number): string {
  let out = s.length > max ? s.slice(0, max) : s;
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  return trimEnds(out);
}

function trimEnds(s: string): string {
  return s.replace(/^['\s]+/, '').replace(/['\s]+$/, '');
}

function clean(s: string): string {
  return s.replace(CONTROL, ' ').replace(FORBIDDEN, '_').replace(/\s+/g, ' ');
}

/**
 * An apostrophe inside the name is allowed by Excel, but some writers (ExcelJS among them) put
 * the name between apostrophes in the print area's defined name without doubling it, which
 * Excel reports as a damaged file: it becomes a typographic apostrophe (’).
 */
function innerApostrophes(s: string): string {
  return s.replace(/'/g, '’');
}

/**
 * The name of a new form sheet: `title subject` (大客户信息档案表 C01), made a valid Excel sheet
 * name: forbidden characters (: \ / ? * [ ]) become `_`, no apostrophe at either end (one
 * inside becomes ’), at most
 * 31 characters (the title is shortened first so the subject stays readable), and ` (2)`,
 * ` (3)`… added when a sheet of that name exists (compared case-insensitively, as Excel does).
 */
export function formSheetName(title: string, subject: string | null | undefined, existingSheetNames: readonly string[]): string {
  const t = innerApostrophes(trimEnds(clean(title)));
  const s = innerApostrophes(trimEnds(clean(subject ?? '')));
  const taken = new Set(existingSheetNames.map(key));
  taken.add(RESERVED);
  const compose = (max: number): string => {
    if (s === '') return cut(t, max) || 'Form';
    if (s.length + 1 >= max) return cut(`${t} ${s}`, max) || 'Form';
    const head = cut(t, max - s.length - 1);
    return head === '' ? cut(s, max) : `${head} ${s}`;
  };
  const base = compose(MAX_SHEET_NAME);
  if (!taken.has(key(base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${compose(MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(key(name))) return name;
  }
}
