/**
 * Cell values across the Office.js boundary. Excel takes what `range.values` receives as if it
 * were typed (Range.values docs): `=`/`+`/`-` start a formula, digits become numbers (a phone
 * number loses nothing but its type, a long code its last digits, `0012` its zeros), ISO-like
 * text becomes a date, TRUE a boolean. User text must stay data (SPEC §4), so such text goes
 * with Excel's apostrophe prefix, which keeps it as text and is not part of the value.
 */
import type { CellValue } from '../../domain/cells';
import { serialFromDate } from '../../domain/dates';
import { looksLikeFormula } from '../port';

const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/**
 * Text Excel would not keep as typed: formulas, anything starting like a number, a date, a time,
 * a currency or an accounting negative, TRUE/FALSE, an error literal (#N/A), a month-day date,
 * or text that itself starts with an apostrophe. Prefixing more than needed changes nothing that
 * is read back, so the test is broad on purpose.
 */
export function needsTextPrefix(s: string): boolean {
  if (s === '') return false;
  // (widened: looksLikeFormula narrows its argument)
  if (s.startsWith("'") || looksLikeFormula(s as CellValue)) return true;
  const t = s.trim();
  return /^[\d.,(#$¥￥€£%]/.test(t) || /^[+-]/.test(t) || /^(true|false)$/i.test(t) || MONTH_WORD.test(t);
}

/** An engine value as it must be sent to Excel: blanks clear (null would leave the cell as it was). */
export function toExcel(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : serialFromDate(v);
  return needsTextPrefix(v) ? `'${v}` : v;
}

/** A value as Office.js returns it, as the engine's plain value: an empty cell is null. */
export function fromExcel(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}
