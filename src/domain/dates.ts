/**
 * Dates as Excel serial numbers: days since 1899-12-30, the fraction is the time of day.
 * Everything is computed on serials or UTC, never on the machine's time zone (DESIGN.md).
 * Serials below 61 carry Excel's 1900 leap-year quirk: serial 60 is the fictitious 1900-02-29.
 */
const MS_PER_DAY = 86_400_000;
/** 1899-12-30T00:00:00Z in ms. */
const EPOCH_MS = Date.UTC(1899, 11, 30);
/** Largest serial Excel accepts (9999-12-31). */
export const MAX_SERIAL = 2_958_465;

export type Serial = number;

export function serialFromUtc(year: number, month: number, day: number): Serial {
  const serial = Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}

/** A JS Date read from a workbook holds the wall-clock time as UTC (ExcelJS, Office.js). */
export function serialFromDate(date: Date): Serial {
  const serial = (date.getTime() - EPOCH_MS) / MS_PER_DAY;
  return serial < 61 ? serial - 1 : serial;
}

export function dateFromSerial(serial: Serial): Date {
  const adjusted = serial < 61 ? serial + 1 : serial;
  return new Date(EPOCH_MS + Math.round(adjusted * MS_PER_DAY));
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymdFromSerial(serial: Serial): Ymd {
  const d = dateFromSerial(Math.floor(serial));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** `2026-07-01` for the day the serial falls on. */
export function isoDate(serial: Serial): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day a date or date-time falls on. */
export function dayOf(serial: Serial): Serial {
  return Math.floor(serial);
}

/** Today as a serial, from a clock reading (the caller owns the clock). */
export function serialToday(now: Date): Serial {
  return serialFromUtc(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
