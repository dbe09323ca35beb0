import { MAX_SERIAL, Serial, dateFromSerial, isoDate, serialFromUtc } from './dates';

/** A calendar period of the plans and KPIs: `2026` year, `2026Q3` quarter, `2026-07` month. */
export interface Period {
  kind: 'year' | 'quarter' | 'month';
  /** Canonical label: `2026`, `2026Q3`, `2026-07`. */
  label: string;
  year: number;
  /** Quarter 1–4 (quarter kind) or month 1–12 (month kind); 0 for a year. */
  index: number;
  start: Serial;
  end: Serial;
}

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})\s*[-\s]?\s*q\s*([1-4])$/i;
const MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/;

export function yearPeriod(year: number): Period {
  return { kind: 'year', label: String(year), year, index: 0, start: serialFromUtc(year, 1, 1), end: serialFromUtc(year, 12, 31) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  return {
    kind: 'quarter',
    label: `${year}Q${quarter}`,
    year,
    index: quarter,
    start: serialFromUtc(year, firstMonth, 1),
    end: serialFromUtc(year, firstMonth + 3, 1) - 1,
  };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    label: `${year}-${String(month).padStart(2, '0')}`,
    year,
    index: month,
    start: serialFromUtc(year, month, 1),
    end: serialFromUtc(year, month + 1, 1) - 1,
  };
}

const validYear = (y: number) => y >= 1900 && y <= 9998;

/** Parses a period label; null when it is not one. Full-width characters are accepted. */
export function parsePeriod(text: string): Period | null {
  const t = text.normalize('NFKC').trim();
  let m = YEAR.exec(t);
  if (m) return validYear(+m[1]) ? yearPeriod(+m[1]) : null;
  m = QUARTER.exec(t);
  if (m) return validYear(+m[1]) ? quarterPeriod(+m[1], +m[2]) : null;
  m = MONTH.exec(t);
  if (m) {
    const month = +m[2];
    return validYear(+m[1]) && month >= 1 && month <= 12 ? monthPeriod(+m[1], month) : null;
  }
  return null;
}

/**
 * Excel turns `2026-07` typed into a cell into the date 2026-07-01: a date in a period
 * column means the month it falls in.
 */
export function monthPeriodOfSerial(serial: Serial): Period | null {
  if (!(serial >= 1 && serial <= MAX_SERIAL)) return null;
  const d = dateFromSerial(Math.floor(serial));
  const year = d.getUTCFullYear();
  return validYear(year) ? monthPeriod(year, d.getUTCMonth() + 1) : null;
}

/** The quarters of a year or the months of a quarter; a month has none. */
export function subPeriods(p: Period): Period[] {
  if (p.kind === 'year') return [1, 2, 3, 4].map((q) => quarterPeriod(p.year, q));
  if (p.kind === 'quarter') return [0, 1, 2].map((i) => monthPeriod(p.year, (p.index - 1) * 3 + 1 + i));
  return [];
}

export function contains(p: Period, serial: Serial): boolean {
  const day = Math.floor(serial);
  return day >= p.start && day <= p.end;
}

/** The last quarter that ended before the given day (the ribbon's default period). */
export function lastCompletedQuarter(today: Serial): Period {
  const d = dateFromSerial(Math.floor(today));
  const year = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3) + 1;
  return q === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, q - 1);
}

export function periodBounds(p: Period): { start: string; end: string } {
  return { start: isoDate(p.start), end: isoDate(p.end) };
}
