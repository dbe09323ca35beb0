/**
 * The cells of a worksheet part (`xl/worksheets/sheetN.xml`), read as a stream of text chunks
 * cut anywhere (inside a tag, an attribute, an entity).
 *
 * Not a general XML parser: plain indexOf and charCodeAt over each chunk, element names
 * compared in place against the few that matter (`sheetData`, `row`, `c`, `v`, `is`, `t`, `r`),
 * everything else skipped whole. Only `<sheetData>` is read; what comes after it is dropped
 * unread. Held in memory: the markup left unfinished at a chunk's end (a tag, at most
 * {@link MAX_PENDING} characters), the current cell's text, and the cells recorded.
 *
 * A cell's value is what ExcelJS 4.4 gives through plainValue (cellValue.ts), from its cached
 * `<v>` and type `t`:
 * - absent, `n` (or unknown): `parseFloat`; a Date (excelToDate, date1904) when
 *   `isDateStyle(s)` — a formula's numeric result too.
 * - `s`: the shared string (rich runs joined by the shared strings scanner); '' when the
 *   entry is empty — the cell then holds '' and counts as a value cell.
 * - `str`: the text; `inlineStr`: the text of `<is>` (`<t>`, or the rich runs' `<t>` joined;
 *   `<rPh>` phonetic runs left out); `b`: 1/0 → true/false; `e`: the error code ('#N/A'), also
 *   listed in `errors`; `d`: an ISO 8601 date → Date (UTC when it has no zone).
 * - No value when the cell has no `<v>` text (or an empty `<is>`): a styled empty cell, a
 *   formula without a cached result, `<v></v>`, an inline or formula string '' — as ExcelJS,
 *   which sees no text there.
 * - Text: entities decoded, CR LF → LF; Excel's `_xHHHH_` escapes are decoded in `<t>` (shared
 *   and inline), never in `<v>` — as ExcelJS, except that it leaves a plain inline `<t>` as is.
 *
 * Where ExcelJS has a bug, the scanner does not follow it: a `t="d"` cell (ExcelJS: the year as
 * a number), a formula's error, boolean or string result in a date-styled cell (ExcelJS: an
 * Invalid or 1899 Date), `t="str"` text decoded twice (ExcelJS: `&amp;lt;` → '<'), CDATA text
 * (ExcelJS drops it), a cell or row without `r` (OOXML: the next column after the previous `<c>`,
 * the row after the previous `<row>`; ExcelJS skips unstyled empty `<c>`s and fails on rows).
 * ExcelJS never converts a style-0 cell to a date: `isDateStyle(0)` decides that here.
 * Merged cells are not this scanner's concern (`<mergeCells>` follows `<sheetData>`): ExcelJS's
 * row.values gives a merged range's value in every cell of it, the scanner only in the first.
 */
import type { CellValue } from '../../../domain/cells';
import { columnLetters } from '../../../domain/columnLetters';
import { LimitError, Limits, PackageError } from './limits';
import {
  MAX_PENDING,
  cdata,
  cdataText,
  closeNames,
  decodeEscapes,
  decodeText,
  findTagEnd,
  isWs,
  matchName,
  nameAt,
  own,
  safeTextEnd,
  specialEnd,
} from './sharedStrings';
import { prefixOf } from './xml';

/**
 * A recorded row costs about as much memory as 16 cells (its Map entry, object and two arrays):
 * counted against maxCells, so a sheet of a million short rows is refused before it holds
 * hundreds of megabytes.
 */
const ROW_COST = 16;

export interface SheetScanOptions {
  /** The shared string table, or null when the package has none (then a t="s" cell throws PackageError('missingPart', 'xl/sharedStrings.xml')). */
  sharedStrings: readonly string[] | null;
  /** Whether cell style index s (the `s` attribute, default 0) has a date number format. */
  isDateStyle(s: number): boolean;
  /** workbookPr date1904. */
  date1904: boolean;
  limits: Limits;
  /** zip entry name, for errors */
  part: string;
}

/** Cells that hold a value, row by row (sparse). Styled-but-empty cells are NOT recorded and do not count toward maxRow/maxCol. */
export interface SheetCells {
  /** key: 1-based Excel row number. cols are 1-based column numbers, ascending, values aligned. */
  rows: Map<number, { cols: number[]; values: CellValue[] }>;
  /** 0 when no cell holds a value. */
  maxRow: number;
  maxCol: number;
  /** Cells holding an error value (t="e", or a formula whose cached result is an error): the value is also stored in rows as the code string, e.g. '#N/A'. */
  errors: { row: number; col: number; code: string }[];
  /** Number of value cells recorded. */
  count: number;
}

type RowCells = { cols: number[]; values: CellValue[] };

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

// Contexts: where in the document the scanner is.
const PROLOG = 0; // before the root element
const PRE = 1; // inside the root, before <sheetData> (depth counted)
const SHEET_DATA = 2;
const ROW = 3;
const CELL = 4;
const V = 5; // text
const IS = 6;
const IS_T = 7; // text
const RUN = 8;
const RUN_T = 9; // text
const SKIP = 10; // inside an element skipped whole (depth counted)
const DONE = 11;

// Cell types (the `t` attribute).
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;
const T_D = 6;

/** Powers of ten that are exact doubles. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** ExcelJS's utils.excelToDate, operation for operation (the same rounding). */
function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

const HAS_ZONE = /(?:[zZ]|[+-]\d\d:?\d\d)$/;

/** A `t="d"` value: an ISO 8601 date, date-time or time; UTC when it names no zone. */
function isoDate(text: string): Date {
  const s = text.trim();
  if (/^\d\d:\d\d/.test(s)) return new Date(`1899-12-30T${s}${HAS_ZONE.test(s) ? '' : 'Z'}`);
  if (s.length <= 10) return new Date(`${s}T00:00:00Z`);
  return new Date(HAS_ZONE.test(s.slice(10)) ? s : `${s}Z`);
}

/** Streams a worksheet part: `push` text chunks cut anywhere, then `end` for its cells. */
export class SheetScanner {
  private readonly sharedStrings: readonly string[] | null;
  private readonly isDateStyle: (s: number) => boolean;
  private readonly date1904: boolean;
  private readonly maxText: number;
  private readonly maxCells: number;
  /** What the recorded rows cost beside their cells, counted against maxCells. */
  private rowCost = 0;
  private readonly part: string;
  /** isDateStyle's answers by style index. */
  private readonly dateStyles: (boolean | undefined)[] = [];

  private buf = '';
  private pos = 0;
  private ctx = PROLOG;
  private depth = 0;
  private skipTo = 0;

  // Element names with the root's namespace prefix, and the close tags each context expects.
  private nSheetData = 'sheetData';
  private nRow = 'row';
  private nC = 'c';
  private nV = 'v';
  private nIs = 'is';
  private nT = 't';
  private nR = 'r';
  private close: string[] = [];

  // The current row and cell.
  private row = 0;
  private lastRow = 0;
  /** The row had no `r`: its first cell's reference may name it. */
  private rowImplicit = false;
  private rowCells: RowCells | null = null;
  private lastCol = 0;
  private col = 0;
  private style = 0;
  private type = T_N;
  private vText = '';
  /** The `<v>` was read in place as a number (see quick()): vNum holds it, vText stays ''. */
  private hasNum = false;
  private vNum = 0;
  private vSeen = false;
  private isText = '';
  private runText = '';

  // Attribute spans of the last start tag parsed by attrs(): value start and end, -1 when absent.
  private aR = -1;
  private aRe = -1;
  private aS = -1;
  private aSe = -1;
  private aT = -1;
  private aTe = -1;
  private aSelf = false;

  // The result.
  private readonly rows = new Map<number, RowCells>();
  private maxRow = 0;
  private maxCol = 0;
  private readonly errors: { row: number; col: number; code: string }[] = [];
  private count = 0;

  constructor(options: SheetScanOptions) {
    this.sharedStrings = options.sharedStrings;
    this.isDateStyle = options.isDateStyle;
    this.date1904 = options.date1904;
    this.maxText = options.limits.maxCellText;
    this.maxCells = options.limits.maxCells;
    this.part = options.part;
    this.setPrefix('');
  }

  push(chunk: string): void {
    if (this.ctx === DONE) return;
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
    this.pos = 0;
    this.run();
    if (this.ctx === DONE) this.buf = '';
    else if (this.buf.length - this.pos > MAX_PENDING) throw this.bad('markup too long');
  }

  end(): SheetCells {
    if (this.ctx !== DONE) throw this.bad(this.ctx === PROLOG ? 'no root element' : 'unexpected end of XML');
    this.buf = '';
    return { rows: this.rows, maxRow: this.maxRow, maxCol: this.maxCol, errors: this.errors, count: this.count };
  }

  private bad(detail: string): PackageError {
    return new PackageError('xml', this.part, detail);
  }

  private setPrefix(p: string): void {
    this.nSheetData = `${p}sheetData`;
    this.nRow = `${p}row`;
    this.nC = `${p}c`;
    this.nV = `${p}v`;
    this.nIs = `${p}is`;
    this.nT = `${p}t`;
    this.nR = `${p}r`;
    const c: string[] = [];
    c[SHEET_DATA] = `</${p}sheetData>`;
    c[ROW] = `</${p}row>`;
    c[CELL] = `</${p}c>`;
    c[V] = `</${p}v>`;
    c[IS] = `</${p}is>`;
    c[IS_T] = `</${p}t>`;
    c[RUN] = `</${p}r>`;
    c[RUN_T] = `</${p}t>`;
    this.close = c;
  }

  private tooLong(n: number): never {
    throw new LimitError('cellText', `${this.part}!${columnLetters(this.col)}${this.row}`, n, this.maxText);
  }

  /** Character data of the current text context. */
  private text(ctx: number, piece: string): void {
    if (ctx === V) {
      const v = this.vText === '' ? piece : this.vText + piece;
      if (v.length > this.maxText) this.tooLong(v.length);
      this.vText = v;
    } else {
      // A <t> of <is> or of a rich run: its escapes are decoded at </t>.
      const t = this.runText + piece;
      // Escapes shrink at most 7 → 1: beyond this the decoded text is over the limit as well.
      if (this.isText.length + t.length > 7 * this.maxText) this.tooLong(this.isText.length + t.length);
      this.runText = t;
    }
  }

  /**
   * The attributes of a start tag from p (just after its name): the spans of r, s and t, and
   * whether it closes itself. The index just past its '>', or -1 when it does not end yet.
   */
  private attrs(buf: string, p: number): number {
    this.aR = this.aS = this.aT = -1;
    let gt = buf.indexOf('>', p);
    if (gt === -1) return -1;
    const len = buf.length;
    for (;;) {
      let ch = buf.charCodeAt(p);
      while (ch === 32 || ch === 10 || ch === 9 || ch === 13) ch = buf.charCodeAt(++p);
      if (ch === 62) {
        this.aSelf = false;
        return p + 1;
      }
      if (ch === 47) {
        if (buf.charCodeAt(p + 1) !== 62) throw this.bad(`bad tag ${JSON.stringify(buf.slice(p - 8, p + 8))}`);
        this.aSelf = true;
        return p + 2;
      }
      if (p >= len) return -1;
      // The name runs to '=', white space, '/' or '>' (there is a '>' at gt, so this ends).
      let ne = p;
      let nc = ch;
      while (nc !== 61 && nc !== 62 && nc !== 47 && nc !== 32 && nc !== 10 && nc !== 9 && nc !== 13) nc = buf.charCodeAt(++ne);
      let eq = ne;
      while (isWs(nc)) nc = buf.charCodeAt(++eq);
      if (nc !== 61 || ne === p) throw this.bad(`attribute without a value in ${JSON.stringify(buf.slice(p, gt + 1).slice(0, 40))}`);
      let q = eq + 1;
      let qc = buf.charCodeAt(q);
      while (isWs(qc)) qc = buf.charCodeAt(++q);
      if (qc !== 34 && qc !== 39) throw this.bad('attribute value without quotes');
      const ve = buf.indexOf(qc === 34 ? '"' : "'", q + 1);
      if (ve === -1) return -1;
      if (ve > gt) {
        gt = buf.indexOf('>', ve);
        if (gt === -1) return -1;
      }
      if (ne - p === 1) {
        const n = buf.charCodeAt(p);
        if (n === 114) {
          this.aR = q + 1;
          this.aRe = ve;
        } else if (n === 115) {
          this.aS = q + 1;
          this.aSe = ve;
        } else if (n === 116) {
          this.aT = q + 1;
          this.aTe = ve;
        }
      }
      p = ve + 1;
    }
  }

  /** A `<row>` start tag's attributes are parsed: the row begins. */
  private startRow(buf: string): void {
    let r = 0;
    if (this.aR >= 0) {
      for (let i = this.aR; i < this.aRe; i++) {
        const d = buf.charCodeAt(i) - 48;
        if (d < 0 || d > 9 || r > MAX_ROW) throw this.bad(`bad row number "${buf.slice(this.aR, this.aRe)}"`);
        r = r * 10 + d;
      }
      if (r < 1 || r > MAX_ROW) throw this.bad(`bad row number "${buf.slice(this.aR, this.aRe)}"`);
      this.rowImplicit = false;
    } else {
      r = this.lastRow + 1;
      if (r > MAX_ROW) throw this.bad('too many rows');
      this.rowImplicit = true;
    }
    this.row = this.lastRow = r;
    this.rowCells = null;
    this.lastCol = 0;
  }

  /** A `<c>` start tag's attributes are parsed: the cell begins. */
  private startCell(buf: string): void {
    let col = 0;
    if (this.aR >= 0) {
      let i = this.aR;
      const e = this.aRe;
      for (; i < e; i++) {
        let ch = buf.charCodeAt(i);
        if (ch >= 97 && ch <= 122) ch -= 32;
        if (ch < 65 || ch > 90) break;
        col = col * 26 + ch - 64;
        if (col > MAX_COL) throw this.bad(`bad cell reference "${buf.slice(this.aR, e)}"`);
      }
      let r = 0;
      for (; i < e; i++) {
        const d = buf.charCodeAt(i) - 48;
        if (d < 0 || d > 9 || r > MAX_ROW) throw this.bad(`bad cell reference "${buf.slice(this.aR, e)}"`);
        r = r * 10 + d;
      }
      if (col === 0 || r > MAX_ROW) throw this.bad(`bad cell reference "${buf.slice(this.aR, e)}"`);
      if (this.rowImplicit) {
        // A row without r: its first cell's reference names it.
        if (r > 0 && this.lastCol === 0) this.row = this.lastRow = r;
        this.rowImplicit = false;
      }
    } else {
      col = this.lastCol + 1;
      if (col > MAX_COL) throw this.bad('too many cells in a row');
    }
    this.col = this.lastCol = col;
    let s = 0;
    for (let i = this.aS; i >= 0 && i < this.aSe; i++) {
      const d = buf.charCodeAt(i) - 48;
      if (d < 0 || d > 9 || s > 0xffffff) throw this.bad(`bad style index "${buf.slice(this.aS, this.aSe)}"`);
      s = s * 10 + d;
    }
    this.style = s;
    let t = T_N;
    if (this.aT >= 0) {
      const n = this.aTe - this.aT;
      const c = buf.charCodeAt(this.aT);
      if (n === 1) t = c === 115 ? T_S : c === 98 ? T_B : c === 101 ? T_E : c === 100 ? T_D : T_N;
      else if (n === 3 && buf.startsWith('str', this.aT)) t = T_STR;
      else if (n === 9 && buf.startsWith('inlineStr', this.aT)) t = T_INLINE;
    }
    this.type = t;
    this.vText = '';
    this.hasNum = false;
    this.vSeen = false;
    this.isText = '';
  }

  /** A `<v>` opens: one per cell (ExcelJS would run two together; the schema allows one). */
  private openV(): void {
    if (this.vSeen) throw this.bad('a cell with two <v>');
    this.vSeen = true;
  }

  /**
   * A whole `<v>` text from s to e, in the buffer, read without a substring when it is a plain
   * decimal of at most 15 digits in a number, shared string or boolean cell: n / 10^k of two
   * exact doubles is correctly rounded, the same double parseFloat gives. False otherwise.
   */
  private quick(buf: string, s: number, e: number): boolean {
    const t = this.type;
    if ((t !== T_N && t !== T_S && t !== T_B) || e - s > this.maxText) return false;
    let i = s;
    let neg = false;
    if (t === T_N && buf.charCodeAt(i) === 45) {
      neg = true;
      i++;
    }
    let n = 0;
    let digits = 0;
    let dot = -1;
    for (; i < e; i++) {
      const c = buf.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
        digits++;
      } else if (c === 46 && dot < 0 && t === T_N) dot = i;
      else return false;
    }
    if (digits === 0 || digits > 15) return false;
    const v = dot < 0 || dot === e - 1 ? n : n / POW10[e - dot - 1];
    this.vNum = neg ? -v : v;
    this.hasNum = true;
    return true;
  }

  /** `</c>`: the cell's value, recorded when it has one. */
  private endCell(): void {
    const t = this.type;
    const v = this.vText;
    let value: CellValue;
    if (t === T_INLINE) {
      const s = this.isText !== '' ? this.isText : v;
      if (s === '') return;
      if (s.length > this.maxText) this.tooLong(s.length);
      value = own(s);
    } else if (this.hasNum) {
      const n = this.vNum;
      if (t === T_N) {
        const s = this.style;
        let date = this.dateStyles[s];
        if (date === undefined) date = this.dateStyles[s] = this.isDateStyle(s);
        value = date ? excelToDate(n, this.date1904) : n;
      } else if (t === T_S) {
        const ss = this.sharedStrings;
        if (ss === null) throw new PackageError('missingPart', 'xl/sharedStrings.xml');
        const str = ss[n];
        if (str === undefined) throw this.bad(`shared string ${n} of ${ss.length}`);
        value = str;
      } else value = n !== 0;
    } else {
      if (v === '') return;
      switch (t) {
        case T_N: {
          const n = parseFloat(v);
          const s = this.style;
          let date = this.dateStyles[s];
          if (date === undefined) date = this.dateStyles[s] = this.isDateStyle(s);
          value = date ? excelToDate(n, this.date1904) : n;
          break;
        }
        case T_S: {
          const ss = this.sharedStrings;
          if (ss === null) throw new PackageError('missingPart', 'xl/sharedStrings.xml');
          const i = parseInt(v, 10);
          const s = ss[i];
          if (s === undefined) throw this.bad(`shared string ${v.slice(0, 20)} of ${ss.length}`);
          value = s;
          break;
        }
        case T_STR:
          value = own(v);
          break;
        case T_B:
          value = v === '1' ? true : v === '0' || v === 'false' ? false : parseInt(v, 10) !== 0;
          break;
        case T_E:
          value = own(v);
          break;
        case T_D:
          value = isoDate(v);
          break;
        default:
          value = v;
      }
    }
    this.record(value, t === T_E ? (value as string) : null);
  }

  private record(value: CellValue, error: string | null): void {
    const row = this.row;
    const col = this.col;
    let cells = this.rowCells;
    if (cells === null) {
      cells = this.rows.get(row) ?? null;
      if (cells === null) {
        cells = { cols: [], values: [] };
        this.rows.set(row, cells);
        this.rowCost += ROW_COST;
      }
      this.rowCells = cells;
    }
    const cols = cells.cols;
    const n = cols.length;
    if (n === 0 || cols[n - 1] < col) {
      cols.push(col);
      cells.values.push(value);
    } else {
      // Out of order, or a second row element with the same number: keep columns ascending,
      // the later cell replacing an earlier one (ExcelJS does the same).
      let i = n - 1;
      while (i > 0 && cols[i - 1] >= col) i--;
      if (cols[i] === col) {
        cells.values[i] = value;
        const e = this.errors.findIndex((x) => x.row === row && x.col === col);
        if (e >= 0) this.errors.splice(e, 1);
        if (error !== null) this.errors.push({ row, col, code: error });
        return;
      }
      cols.splice(i, 0, col);
      cells.values.splice(i, 0, value);
    }
    if (error !== null) this.errors.push({ row, col, code: error });
    if (++this.count + this.rowCost > this.maxCells) throw new LimitError('cells', this.part, this.count + this.rowCost, this.maxCells);
    if (row > this.maxRow) this.maxRow = row;
    if (col > this.maxCol) this.maxCol = col;
  }

  private run(): void {
    const buf = this.buf;
    const len = buf.length;
    const part = this.part;
    let pos = this.pos;
    let ctx = this.ctx;
    for (;;) {
      const inText = ctx === V || ctx === IS_T || ctx === RUN_T;
      const lt = buf.indexOf('<', pos);
      if (lt === -1) {
        if (inText) {
          const end = safeTextEnd(buf, pos);
          if (end > pos) this.text(ctx, decodeText(buf.slice(pos, end), part));
          pos = end;
        } else pos = len;
        break;
      }
      if (inText && lt > pos) this.text(ctx, decodeText(buf.slice(pos, lt), part));
      pos = lt;
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 !== c1) break; // '<' is the buffer's last character

      if (c1 === 47) {
        // A close tag.
        if (ctx === SKIP || ctx === PRE) {
          const gt = buf.indexOf('>', lt + 2);
          if (gt === -1) break;
          pos = gt + 1;
          if (--this.depth === 0) {
            ctx = ctx === PRE ? DONE : this.skipTo;
            if (ctx === DONE) break;
          }
          continue;
        }
        const expected = this.close[ctx];
        if (expected !== undefined && buf.startsWith(expected, lt)) pos = lt + expected.length;
        else {
          const gt = buf.indexOf('>', lt + 2);
          if (gt === -1) break;
          if (expected === undefined || !closeNames(buf, lt, gt, expected.slice(2, -1))) {
            throw this.bad(`unexpected </${nameAt(buf, lt + 2)}>`);
          }
          pos = gt + 1;
        }
        switch (ctx) {
          case CELL:
            this.endCell();
            ctx = ROW;
            break;
          case V:
          case IS:
            ctx = CELL;
            break;
          case ROW:
            ctx = SHEET_DATA;
            break;
          case RUN:
            ctx = IS;
            break;
          case IS_T:
          case RUN_T: {
            const t = this.isText + decodeEscapes(this.runText);
            if (t.length > this.maxText) this.tooLong(t.length);
            this.isText = t;
            ctx = ctx === IS_T ? IS : RUN;
            break;
          }
          case SHEET_DATA:
            ctx = DONE;
            break;
        }
        if (ctx === DONE) break;
        continue;
      }

      if (c1 === 33 || c1 === 63) {
        const e = specialEnd(buf, lt, part);
        if (e === -1) break;
        if (inText && cdata.start >= 0) this.text(ctx, cdataText(buf.slice(cdata.start, cdata.end)));
        pos = e;
        continue;
      }

      // A start tag.
      const p = lt + 1;
      if (ctx === ROW && matchName(buf, p, this.nC)) {
        const e = this.attrs(buf, p + this.nC.length);
        if (e === -1) break;
        pos = e;
        this.startCell(buf);
        if (!this.aSelf) ctx = CELL;
        continue;
      }
      if (ctx === CELL) {
        // <v> as Excel writes it, without attributes; its text read in place when it is whole here.
        const nv = this.nV;
        if (buf.charCodeAt(p + nv.length) === 62 && buf.startsWith(nv, p)) {
          this.openV();
          const s = p + nv.length + 1;
          const e = buf.indexOf('<', s);
          const close = this.close[V];
          if (e !== -1 && buf.startsWith(close, e)) {
            if (e > s && !this.quick(buf, s, e)) this.text(V, decodeText(buf.slice(s, e), part));
            pos = e + close.length;
          } else {
            pos = s;
            ctx = V;
          }
          continue;
        }
      }
      if (ctx === SHEET_DATA && matchName(buf, p, this.nRow)) {
        const e = this.attrs(buf, p + this.nRow.length);
        if (e === -1) break;
        pos = e;
        this.startRow(buf);
        if (!this.aSelf) ctx = ROW;
        continue;
      }
      const gt = findTagEnd(buf, p);
      if (gt === -1) break;
      const selfClosing = buf.charCodeAt(gt - 1) === 47;
      pos = gt + 1;
      let next = -1;
      switch (ctx) {
        case PROLOG: {
          const name = nameAt(buf, p);
          if (name === '') throw this.bad('bad start tag');
          this.setPrefix(prefixOf(name));
          next = PRE;
          break;
        }
        case PRE:
          if (matchName(buf, p, this.nSheetData)) next = SHEET_DATA;
          else if (this.depth === 1 && nameAt(buf, p).endsWith(':sheetData')) {
            // The root's prefix is not its children's (<x:worksheet xmlns="…"><sheetData>, or the reverse).
            this.setPrefix(prefixOf(nameAt(buf, p)));
            next = SHEET_DATA;
          } else if (this.depth === 1 && nameAt(buf, p) === 'sheetData') {
            this.setPrefix('');
            next = SHEET_DATA;
          } else {
            if (!selfClosing) this.depth++;
            continue;
          }
          break;
        case CELL:
          if (matchName(buf, p, this.nV)) {
            this.openV();
            next = V;
          }
          else if (matchName(buf, p, this.nIs)) next = IS;
          break;
        case IS:
          if (matchName(buf, p, this.nT)) {
            next = IS_T;
            this.runText = '';
          } else if (matchName(buf, p, this.nR)) next = RUN;
          break;
        case RUN:
          if (matchName(buf, p, this.nT)) {
            next = RUN_T;
            this.runText = '';
          }
          break;
        case SKIP:
          if (!selfClosing) this.depth++;
          continue;
      }
      if (next >= 0) {
        if (next === PRE) {
          this.depth = 1;
          ctx = selfClosing ? DONE : PRE;
        } else if (selfClosing) {
          if (next === SHEET_DATA) ctx = DONE;
        } else ctx = next;
        if (ctx === DONE) break;
      } else if (!selfClosing) {
        // Anything else (<f>, <extLst>, <rPr>, <rPh>, <phoneticPr>, an element inside a text…) is skipped whole.
        this.skipTo = ctx;
        this.depth = 1;
        ctx = SKIP;
      }
    }
    this.pos = pos;
    this.ctx = ctx;
  }
}

/** The cells of a whole sheet part at once (tests, small parts). */
export function scanSheet(xml: string, options: SheetScanOptions): SheetCells {
  const s = new SheetScanner(options);
  s.push(xml);
  return s.end();
}
