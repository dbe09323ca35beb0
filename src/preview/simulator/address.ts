/**
 * A1 addresses of the simulated grid. Rows and columns are 0-based inside the simulator (as in
 * Office.js `rowIndex`/`columnIndex`); addresses are 1-based A1 text, as Excel writes them.
 */
import { SimError } from './errors';

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A block of cells, corners inclusive, 0-based. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rectOf(r0: number, c0: number, rows: number, columns: number): Rect {
  return { r0, c0, r1: r0 + rows - 1, c1: c0 + columns - 1 };
}

export const rowsOf = (r: Rect) => r.r1 - r.r0 + 1;
export const columnsOf = (r: Rect) => r.c1 - r.c0 + 1;

export function inGrid(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLUMNS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** 0 → A, 26 → AA. */
export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A → 0. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function corner(text: string, address: string): { r?: number; c?: number } {
  let m = CELL.exec(text);
  if (m) return { c: columnNumber(m[1]), r: +m[2] - 1 };
  m = COLUMN.exec(text);
  if (m) return { c: columnNumber(m[1]) };
  m = ROW.exec(text);
  if (m) return { r: +m[1] - 1 };
  throw SimError.invalidArgument(`'${address}' is not a valid address`);
}

/**
 * `A1`, `A1:C3`, `C:C`, `2:5`, with `$` and an optional sheet prefix (`Sheet1!A1`, `'My sheet'!A1`).
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [a, b = a, extra] = text.split(':');
  if (extra !== undefined || a === '') throw SimError.invalidArgument(`'${address}' is not a valid address`);
  const p = corner(a, address);
  const q = corner(b, address);
  const wholeColumns = p.r === undefined && q.r === undefined;
  const wholeRows = p.c === undefined && q.c === undefined;
  if ((p.r === undefined) !== (q.r === undefined) || (p.c === undefined) !== (q.c === undefined)) {
    throw SimError.invalidArgument(`'${address}' is not a valid address`);
  }
  const rect: Rect = wholeColumns
    ? { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(p.c!, q.c!), c1: Math.max(p.c!, q.c!) }
    : wholeRows
      ? { r0: Math.min(p.r!, q.r!), r1: Math.max(p.r!, q.r!), c0: 0, c1: MAX_COLUMNS - 1 }
      : { r0: Math.min(p.r!, q.r!), r1: Math.max(p.r!, q.r!), c0: Math.min(p.c!, q.c!), c1: Math.max(p.c!, q.c!) };
  if (!inGrid(rect)) throw SimError.invalidArgument(`'${address}' is outside the grid`);
  return { sheet, rect };
}

/** `A1`, `A1:C3`, `C:D` for whole columns, `2:5` for whole rows. */
export function formatRect(r: Rect): string {
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1) return `${columnName(r.c0)}:${columnName(r.c1)}`;
  if (r.c0 === 0 && r.c1 === MAX_COLUMNS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  const a = `${columnName(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${columnName(r.c1)}${r.r1 + 1}`;
}

/**
 * `Sheet1!A1:B2`. Sheet names other than plain ASCII words are quoted (`'客户档案'!A1`):
 * Excel's exact quoting rule for non-ASCII names is not documented, so readers must not parse it.
 */
export function formatAddress(sheet: string, r: Rect): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${formatRect(r)}`;
}
