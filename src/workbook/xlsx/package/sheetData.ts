/**
 * Edits of a worksheet part's `<sheetData>` that touch only the cells asked for: every other
 * row, every other cell of an edited row, and everything outside `<sheetData>` stay the text
 * they were. Used for the add-in's own sheets (replacing a results table's rows) and for input
 * tables (rows appended below a table, cells of an existing row the user changed).
 */
import type { CellValue } from '../../../domain/cells';
import { columnLetters } from '../../../domain/columnLetters';
import { serialFromDate } from '../../../domain/dates';
import { PackageError } from './limits';
import { escapeXml } from './xml';

/** One row's edits: column → the new cell's XML, or '' to remove the cell. */
export type RowEdits = Map<number, string>;

interface RawCell {
  col: number;
  xml: string;
}

/** The `<sheetData>` element's content bounds and the sheet's namespace prefix. */
function sheetDataBounds(xml: string): { prefix: string; open: number; contentStart: number; contentEnd: number; close: number; selfClosing: boolean } {
  const m = /<([\w.-]+:)?sheetData(\s[^>]*)?(\/?)>/.exec(xml);
  if (!m) throw new PackageError('xml', '', 'no sheetData');
  const prefix = m[1] ?? '';
  const contentStart = m.index + m[0].length;
  if (m[3] === '/') return { prefix, open: m.index, contentStart, contentEnd: contentStart, close: contentStart, selfClosing: true };
  const closeTag = `</${prefix}sheetData>`;
  const contentEnd = xml.indexOf(closeTag, contentStart);
  if (contentEnd < 0) throw new PackageError('xml', '', 'unclosed sheetData');
  return { prefix, open: m.index, contentStart, contentEnd, close: contentEnd + closeTag.length, selfClosing: false };
}

/** The namespace prefix a worksheet's cells use (`x:` or ''). */
export function sheetPrefix(xml: string): string {
  return sheetDataBounds(xml).prefix;
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];

function cellColumn(ref: string | undefined, previous: number): number {
  if (!ref) return previous + 1;
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65) break;
    n = n * 26 + ((ch & 0xdf) - 64);
  }
  return n;
}

/** The cells of one row's content, in order, with their full XML. */
function splitCells(content: string, prefix: string): { cells: RawCell[]; rest: string } {
  const cells: RawCell[] = [];
  const open = `<${prefix}c`;
  const close = `</${prefix}c>`;
  let at = 0;
  let col = 0;
  let rest = '';
  while (at < content.length) {
    const start = content.indexOf(open, at);
    if (start < 0) break;
    const next = content.charCodeAt(start + open.length);
    // `<c ` or `<c>` or `<c/`, not `<col…` (which a row never holds, but an extLst might).
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      at = start + open.length;
      continue;
    }
    rest += content.slice(at, start).trim() === '' ? '' : content.slice(at, start);
    const tagEnd = content.indexOf('>', start);
    if (tagEnd < 0) throw new PackageError('xml', '', 'unclosed cell');
    const tag = content.slice(start, tagEnd + 1);
    const end = tag.endsWith('/>') ? tagEnd + 1 : content.indexOf(close, tagEnd) + close.length;
    if (end < tagEnd) throw new PackageError('xml', '', 'unclosed cell');
    col = cellColumn(attr(tag, 'r'), col);
    cells.push({ col, xml: content.slice(start, end) });
    at = end;
  }
  rest += content.slice(at);
  return { cells, rest: rest.trim() === '' ? '' : rest };
}

/** A row with the edits applied: untouched cells kept verbatim, cells in column order. */
function editRow(startTag: string, content: string, edits: RowEdits, prefix: string): string {
  const { cells, rest } = splitCells(content, prefix);
  const byCol = new Map<number, string>(cells.map((c) => [c.col, c.xml]));
  for (const [col, xml] of edits) {
    if (xml === '') byCol.delete(col);
    else byCol.set(col, xml);
  }
  const sorted = [...byCol.entries()].sort((a, b) => a[0] - b[0]);
  const body = sorted.map(([, xml]) => xml);
  // `spans` (Excel writes it on every row) is a hint of the row's columns: kept when it still
  // covers the cells, widened when not.
  const tag = startTag
    .replace(/(\sspans\s*=\s*")(\d+):(\d+)"/, (all, head: string, a: string, b: string) => {
      if (sorted.length === 0) return all;
      const lo = Math.min(+a, sorted[0][0]);
      const hi = Math.max(+b, sorted[sorted.length - 1][0]);
      return `${head}${lo}:${hi}"`;
    })
    .replace(/\s*\/>$/, '>');
  return `${tag}${body.join('')}${rest}</${prefix}row>`;
}

/**
 * Applies edits to rows (Excel row numbers): existing rows are edited in place, missing ones
 * inserted in order. Everything else is copied as it was.
 */
export function patchSheetData(xml: string, edits: ReadonlyMap<number, RowEdits>, rowAttributes: (row: number) => string = () => ''): string {
  if (edits.size === 0) return xml;
  const b = sheetDataBounds(xml);
  const prefix = b.prefix;
  const pending = [...edits.keys()].sort((x, y) => x - y);
  let next = 0;
  const out: string[] = [xml.slice(0, b.selfClosing ? b.open : b.contentStart)];
  if (b.selfClosing) out.push(`<${prefix}sheetData>`);
  const newRow = (r: number) => {
    const body = editRow(`<${prefix}row r="${r}"${rowAttributes(r)}>`, '', edits.get(r)!, prefix);
    return body;
  };
  const content = b.selfClosing ? '' : xml.slice(b.contentStart, b.contentEnd);
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  let at = 0;
  let rowNumber = 0;
  while (at < content.length) {
    const start = content.indexOf(rowOpen, at);
    if (start < 0) break;
    const tagEnd = content.indexOf('>', start);
    const tag = content.slice(start, tagEnd + 1);
    const selfClosing = tag.endsWith('/>');
    const end = selfClosing ? tagEnd + 1 : content.indexOf(rowClose, tagEnd) + rowClose.length;
    if (tagEnd < 0 || end < tagEnd) throw new PackageError('xml', '', 'unclosed row');
    const r = attr(tag, 'r');
    rowNumber = r ? Number(r) : rowNumber + 1;
    while (next < pending.length && pending[next] < rowNumber) out.push(newRow(pending[next++]));
    out.push(content.slice(at, start));
    if (next < pending.length && pending[next] === rowNumber) {
      const inner = selfClosing ? '' : content.slice(tagEnd + 1, end - rowClose.length);
      out.push(editRow(tag, inner, edits.get(rowNumber)!, prefix));
      next++;
    } else out.push(content.slice(start, end));
    at = end;
  }
  out.push(content.slice(at));
  while (next < pending.length) out.push(newRow(pending[next++]));
  out.push(b.selfClosing ? `</${prefix}sheetData>` : '', xml.slice(b.selfClosing ? b.contentStart : b.contentEnd));
  return out.join('');
}

/** The `s` (style) of each cell in a row, by column: the formats new cells of a table take. */
export function rowStyles(xml: string, row: number): Map<number, string> {
  const b = sheetDataBounds(xml);
  const styles = new Map<number, string>();
  // Searched in place: a sheet's text can be tens of megabytes, not to be copied per row asked.
  const pattern = new RegExp(`<${b.prefix}row\\s[^>]*\\br="${row}"[^>]*?(/?)>`, 'g');
  pattern.lastIndex = b.contentStart;
  const m = pattern.exec(xml);
  if (!m || m.index >= b.contentEnd || m[1] === '/') return styles;
  const start = m.index + m[0].length;
  const end = xml.indexOf(`</${b.prefix}row>`, start);
  for (const cell of splitCells(xml.slice(start, end), b.prefix).cells) {
    const s = attr(cell.xml.slice(0, cell.xml.indexOf('>') + 1), 's');
    if (s !== undefined) styles.set(cell.col, s);
  }
  return styles;
}

/**
 * A cell's XML for a value: text always as an inline string (never a formula, whatever it
 * starts with: SPEC §4; and no edit of the shared strings part), numbers as numbers (a Date as
 * its serial), booleans as booleans; a blank keeps only its style. Non-finite numbers, which no
 * spreadsheet holds, are blank.
 */
export function cellXml(prefix: string, row: number, col: number, value: CellValue, style: string | undefined, date1904: boolean): string {
  const ref = `${columnLetters(col)}${row}`;
  const s = style !== undefined && style !== '0' ? ` s="${style}"` : '';
  const blank = `<${prefix}c r="${ref}"${s}/>`;
  if (value === null || value === undefined || value === '') return s ? blank : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<${prefix}c r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${prefix}c>` : s ? blank : '';
  if (typeof value === 'boolean') return `<${prefix}c r="${ref}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${prefix}c>`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return s ? blank : '';
    const serial = serialFromDate(value) - (date1904 ? 1462 : 0);
    return `<${prefix}c r="${ref}"${s}><${prefix}v>${serial}</${prefix}v></${prefix}c>`;
  }
  const text = escapeXml(value);
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<${prefix}c r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t${space}>${text}</${prefix}t></${prefix}is></${prefix}c>`;
}
