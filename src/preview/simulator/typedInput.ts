/**
 * How Excel takes a value written through `range.values` / `range.formulas`: like text typed
 * into the cell (the behaviours an adapter must defend against, Range.values docs):
 * - `=…` is a formula; `+…`/`-…` that is not a number is a formula too ("If the value starts with
 *   a plus, minus, or equal sign, Excel interprets this value as a formula");
 * - a leading apostrophe keeps the rest as text (the apostrophe is not part of the value);
 * - text that reads as a number, a percent, TRUE/FALSE or an ISO-like date becomes that value
 *   (a number keeps 15 significant digits, as Excel does);
 * - in a cell formatted as Text (`@`) everything stays text as typed (only the apostrophe goes).
 * `null` leaves the cell unchanged (Office.js skips null entries of a values array).
 * `@…` is kept as text (the simulator does not model implicit intersection).
 */
import { evaluateFormula } from './formula';

export type SimScalar = string | number | boolean;

export interface TypedCell {
  value: SimScalar;
  formula?: string;
  /** Text entered with Excel's apostrophe prefix. */
  quotePrefix?: boolean;
  /** Number format Excel picks when a General cell receives a date or a percent. */
  autoFormat?: string;
}

const NUMBER = /^[+-]?(\d+|\d{1,3}(,\d{3})+)?(\.\d+)?([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const MONTH = /^(\d{4})[-/](\d{1,2})$/;

/** Excel keeps 15 significant digits of a typed number and drops the rest (an 18-digit code loses its tail). */
function excelNumber(text: string): number {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.replace(/,/g, ''))!;
  const whole = m[2];
  let digits = whole + (m[3] ?? '');
  const first = digits.search(/[1-9]/);
  if (first >= 0 && digits.length - first > 15) digits = digits.slice(0, first + 15) + '0'.repeat(digits.length - first - 15);
  return Number(`${m[1]}${digits.slice(0, whole.length) || '0'}.${digits.slice(whole.length) || '0'}e${m[4] ?? '0'}`);
}

/** Days since 1899-12-30 (Excel's serial; no dates before 1900-03-01 are produced here). */
function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function typedInput(input: string | number | boolean, numberFormat: string): TypedCell {
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (input === '') return { value: '' };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (numberFormat === '@') return { value: input };
  if (input.startsWith('=') && input.length > 1) return { value: evaluateFormula(input), formula: input };

  const t = input.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === 'TRUE' };
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1).trim() : t;
  if (/\d/.test(body) && NUMBER.test(body)) {
    const n = excelNumber(body);
    return percent ? { value: n / 100, autoFormat: '0%' } : { value: n };
  }
  let m = DATE.exec(t);
  if (m) {
    const day = serial(+m[1], +m[2], +m[3]);
    if (day !== null) {
      if (m[4] === undefined) return { value: day, autoFormat: 'yyyy-mm-dd' };
      const h = +m[4];
      const min = +m[5];
      const s = m[6] === undefined ? 0 : +m[6];
      if (h < 24 && min < 60 && s < 60) return { value: day + (h * 3600 + min * 60 + s) / 86_400, autoFormat: 'yyyy-mm-dd h:mm' };
    }
  }
  m = MONTH.exec(t);
  if (m) {
    const day = serial(+m[1], +m[2], 1);
    if (day !== null) return { value: day, autoFormat: 'mmm-yy' };
  }
  if (input.startsWith('+') || input.startsWith('-')) {
    const formula = `=${input}`;
    return { value: evaluateFormula(formula), formula };
  }
  return { value: input };
}
