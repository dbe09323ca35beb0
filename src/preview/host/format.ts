/**
 * What a cell shows in the preview grid, from its value and number format: enough of Excel's
 * formats for what the add-in writes (dates, date-times, percents, amounts, integers, text).
 */
import { isoDate } from '../../domain/dates';

function isDateFormat(f: string): boolean {
  const plain = f.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(plain) || /m{3,}/i.test(plain);
}

function decimalsOf(f: string): number {
  const m = /\.(0+)/.exec(f);
  return m ? m[1].length : 0;
}

export function displayValue(value: string | number | boolean, numberFormat: string | undefined): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const f = numberFormat ?? 'General';
  if (f === 'General' || f === '@') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  if (isDateFormat(f)) {
    if (value < 1 || value > 2_958_465) return String(value);
    const day = isoDate(value);
    if (!/h/i.test(f)) return day;
    const minutes = Math.round((value - Math.floor(value)) * 1440);
    return `${day} ${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  const decimals = decimalsOf(f);
  if (f.includes('%')) return `${(value * 100).toFixed(decimals)}%`;
  if (f.includes(',')) return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return value.toFixed(decimals);
}
