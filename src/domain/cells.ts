import { MAX_SERIAL, Serial, isValidYmd, serialFromDate, serialFromUtc } from './dates';
import { Period, monthPeriodOfSerial, parsePeriod, yearPeriod } from './periods';

/** What a workbook cell can hold once read by an adapter (ExcelJS or Office.js). */
export type CellValue = string | number | boolean | Date | null | undefined;

/** Marks a cell that holds something, but not a value of the column's type. */
export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;
/** A coerced cell: the typed value, null for a blank cell, INVALID for a wrong one. */
export type Coerced<T> = T | null | Invalid;

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Text as a person reads it in the cell. */
export function toText(v: CellValue): Coerced<string> {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : INVALID;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? INVALID : v.toISOString().slice(0, 10);
  return INVALID;
}

const NUMERIC_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

function parseNumberText(s: string): number | null {
  const t = s.normalize('NFKC').trim().replace(/\s+/g, '');
  if (t === '' || !NUMERIC_TEXT.test(t) || !/\d/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** A numeric cell, or text holding a number such as `1,234.5`. */
export function toNumber(v: CellValue): Coerced<number> {
  if (isBlank(v)) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : INVALID;
  if (typeof v === 'string') return parseNumberText(v) ?? INVALID;
  return INVALID;
}

export function toInteger(v: CellValue): Coerced<number> {
  const n = toNumber(v);
  return typeof n === 'number' && !Number.isInteger(n) ? INVALID : n;
}

/**
 * A rate: a fraction (0.4), percent text (`40%`), or percent points (40, `40`), since a
 * person typing 40 into a probability column means 40 %. 1 and below are fractions.
 */
export function toPercent(v: CellValue): Coerced<number> {
  if (isBlank(v)) return null;
  if (typeof v === 'string') {
    const t = v.normalize('NFKC').trim();
    if (t.endsWith('%')) {
      const n = parseNumberText(t.slice(0, -1));
      return n === null ? INVALID : n / 100;
    }
  }
  const n = toNumber(v);
  if (typeof n !== 'number') return n;
  return n > 1 ? n / 100 : n;
}

/** A number that may be written as percent text (`95%` → 0.95): scoring targets. */
export function toNumberOrPercent(v: CellValue): Coerced<number> {
  if (typeof v === 'string' && v.normalize('NFKC').trim().endsWith('%')) return toPercent(v);
  return toNumber(v);
}

const DATE_TEXT = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:Z)?$/;

function parseDateText(s: string): Serial | null {
  const t = s.normalize('NFKC').trim();
  const m = DATE_TEXT.exec(t);
  if (!m) {
    const serial = parseNumberText(t);
    return serial !== null && serial >= 1 && serial <= MAX_SERIAL ? serial : null;
  }
  const year = +m[1];
  const month = +(m[2] ?? m[4]);
  const day = +(m[3] ?? m[5]);
  if (!isValidYmd(year, month, day)) return null;
  const hours = m[6] === undefined ? 0 : +m[6];
  const minutes = m[7] === undefined ? 0 : +m[7];
  const seconds = m[8] === undefined ? 0 : +m[8];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return serialFromUtc(year, month, day) + (hours * 3600 + minutes * 60 + seconds) / 86400;
}

/**
 * A date or date-time as a serial: an Excel serial number, a JS Date, or text
 * `2026-07-01`, `2026/7/1`, `2026年7月1日` (optionally followed by `HH:mm[:ss]`).
 */
export function toDateTime(v: CellValue): Coerced<Serial> {
  // Dates and serials first: that is what workbooks hold; text dates are the exception.
  if (v instanceof Date) {
    const s = serialFromDate(v);
    return Number.isFinite(s) && s >= 1 && s <= MAX_SERIAL ? s : INVALID;
  }
  if (typeof v === 'number') return Number.isFinite(v) && v >= 1 && v <= MAX_SERIAL ? v : INVALID;
  if (isBlank(v)) return null;
  if (typeof v === 'string') return parseDateText(v) ?? INVALID;
  return INVALID;
}

/** A date column: a date-time belongs to the day it falls on. */
export function toDate(v: CellValue): Coerced<Serial> {
  const s = toDateTime(v);
  return typeof s === 'number' ? Math.floor(s) : s;
}

const YES = new Set(['是', 'yes', 'y', 'true', '1', '√', '✓', '在职']);
const NO = new Set(['否', 'no', 'n', 'false', '0', '×', '离职']);

/** `是/否`, `Yes/No`, TRUE/FALSE (booleans or text), 1/0. */
export function toYesNo(v: CellValue): Coerced<boolean> {
  if (isBlank(v)) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : INVALID;
  if (typeof v === 'string') {
    const t = v.normalize('NFKC').trim().toLowerCase();
    if (YES.has(t)) return true;
    if (NO.has(t)) return false;
  }
  return INVALID;
}

/** A period label, a year number, or a date Excel made of a typed `2026-07`. */
export function toPeriod(v: CellValue): Coerced<Period> {
  if (isBlank(v)) return null;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1900 && v <= 9998) return yearPeriod(v);
    return monthPeriodOfSerial(v) ?? INVALID;
  }
  if (v instanceof Date) {
    const s = serialFromDate(v);
    return monthPeriodOfSerial(s) ?? INVALID;
  }
  if (typeof v === 'string') return parsePeriod(v) ?? INVALID;
  return INVALID;
}

/** Header and word comparison: trimmed, case-insensitive, full-width = half-width (NFKC). */
export function normalizeWord(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
