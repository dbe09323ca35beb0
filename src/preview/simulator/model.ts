/**
 * The simulated workbook: plain data the request proxies act on, and what tests and the preview
 * host put in and take out. Sheets hold sparse cells {value, formula, numberFormat, validation,
 * format, borders}, merged areas, row heights and column widths, and a page layout; tables are
 * rectangles on a sheet (header row included) that grow when values are written into the row
 * just below them and shrink when their rows are deleted, as in Excel.
 */
import type { WorkbookSnapshot } from '../../domain/snapshot';
import { MAX_ROWS, Rect, columnName, columnsOf, formatAddress, formatRect, inGrid, overlaps, parseAddress, rectOf, rowsOf } from './address';
import { SimError } from './errors';
import { FormattedCell, SimBorders, SimCellFormat, formatDump } from './formats';
import { SimPageLayout, SimPageLayoutDump, defaultPageLayout, pageLayoutDump } from './pageLayout';
import { SimScalar, typedInput } from './typedInput';

export type { SimScalar } from './typedInput';
/** A data-validation rule as Office.js sends it (`{ list: { inCellDropDown, source } }`…). */
export type SimRule = Record<string, unknown>;

export interface SimCell extends FormattedCell {
  /** '' for no value. A formula cell holds its computed value here. */
  value: SimScalar;
  formula?: string;
  quotePrefix?: boolean;
  numberFormat?: string;
  validation?: SimRule;
}

/** Excel's default column width: 8.43 characters of Calibri 11 = 64 px = 48 points. */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Excel's default row height for Calibri 11: 20 px = 15 points. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Excel's tallest row. */
export const MAX_ROW_HEIGHT = 409;
const GENERAL = 'General';

const hasValue = (c: SimCell | undefined): c is SimCell => !!c && (c.value !== '' || c.formula !== undefined);
const hasAnything = (c: SimCell | undefined): boolean =>
  !!c &&
  (c.value !== '' ||
    c.formula !== undefined ||
    (c.numberFormat !== undefined && c.numberFormat !== GENERAL) ||
    c.validation !== undefined ||
    formatDump(c.format) !== undefined ||
    (c.borders !== undefined && Object.keys(c.borders).length > 0));
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class SimSheet {
  /** Rows by 0-based index; each a sparse array of cells by 0-based column. */
  readonly rows = new Map<number, SimCell[]>();
  frozenRows = 0;
  frozenColumns = 0;
  /** Column widths in points, by 0-based column (absent: the default width). */
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points, by 0-based row (absent: the default height). */
  readonly rowHeights = new Map<number, number>();
  /** Merged areas (never overlapping), in the order they were made. */
  merges: Rect[] = [];
  showGridlines = true;
  readonly pageLayout: SimPageLayout = defaultPageLayout();
  selection: Rect | null = null;

  constructor(public name: string) {}

  cell(r: number, c: number): SimCell | undefined {
    return this.rows.get(r)?.[c];
  }

  touch(r: number, c: number): SimCell {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = []));
    return (row[c] ??= { value: '' });
  }

  /** Existing cells inside a block (cheap for whole-column blocks). */
  *cellsIn(rect: Rect): Generator<[number, number, SimCell]> {
    const rowKeys = rowsOf(rect) < this.rows.size ? range(rect.r0, rect.r1).filter((r) => this.rows.has(r)) : [...this.rows.keys()].filter((r) => r >= rect.r0 && r <= rect.r1);
    for (const r of rowKeys.sort((a, b) => a - b)) {
      const row = this.rows.get(r)!;
      for (let c = rect.c0; c <= Math.min(rect.c1, row.length - 1); c++) if (row[c]) yield [r, c, row[c]];
    }
  }
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

export class SimTable {
  showHeaders = true;
  showTotals = false;
  style = 'TableStyleMedium2';

  constructor(
    public name: string,
    public sheet: SimSheet,
    /** The whole table: header row, body, totals row. */
    public rect: Rect,
    readonly id: number,
  ) {}

  headerRect(): Rect | null {
    return this.showHeaders ? { ...this.rect, r1: this.rect.r0 } : null;
  }

  bodyRect(): Rect {
    return { ...this.rect, r0: this.rect.r0 + (this.showHeaders ? 1 : 0), r1: this.rect.r1 - (this.showTotals ? 1 : 0) };
  }
}

/** Characters Excel refuses in sheet names. */
const BAD_SHEET_CHARS = /[\\/?*[\]:]/;

export interface SimCellDump {
  value: SimScalar;
  formula?: string;
  numberFormat?: string;
  quotePrefix?: true;
}

export interface SimSheetDump {
  name: string;
  frozenRows: number;
  showGridlines: boolean;
  /** Column letter → width in points. */
  columnWidths: Record<string, number>;
  /** Row number (1-based) → height in points. */
  rowHeights: Record<string, number>;
  /** A1 → cell, for every cell holding a value or formula. */
  cells: Record<string, SimCellDump>;
  /** Runs of one number format down a column (other than General). */
  numberFormats: { address: string; numberFormat: string }[];
  /** Runs of one validation rule down a column. */
  validations: { address: string; rule: SimRule }[];
  /** Runs of one cell format (font, alignment, wrap, indent, fill) down a column. */
  formats: { address: string; format: SimCellFormat }[];
  /** A1 → the lines on the cell's sides (a line between two cells shows on both). */
  borders: Record<string, SimBorders>;
  /** Merged areas, `A1:L1`, top to bottom, left to right. */
  merges: string[];
  pageLayout: SimPageLayoutDump;
}

export interface SimDump {
  activeSheet: string | null;
  sheets: SimSheetDump[];
  tables: { name: string; sheet: string; address: string; showHeaders: boolean; showTotals: boolean; style: string }[];
}

/** A value put in by a test or the preview host: written as is (no typed-input parsing). */
export type RawValue = SimScalar | Date | null | undefined;

export class SimWorkbook {
  readonly sheets: SimSheet[] = [];
  readonly tables: SimTable[] = [];
  activeSheet: SimSheet | null = null;
  /**
   * Excel's AutoCorrect option "Include new rows and columns in table" (on by default): whether
   * content written just below a table joins it. A user can turn it off; the adapter must cope.
   */
  autoExpandTables = true;
  private nextTableId = 1;

  // -------------------------------------------------------------------------------------------
  // Sheets and tables

  sheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  requireSheet(name: string): SimSheet {
    const s = this.sheet(name);
    if (!s) throw SimError.notFound(`worksheet '${name}'`);
    return s;
  }

  private checkSheetName(name: string, except?: SimSheet): void {
    if (name.trim() === '' || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw SimError.invalidArgument(`'${name}' is not a valid sheet name`);
    }
    const other = this.sheet(name);
    if (other && other !== except) throw new SimError('ItemAlreadyExists', `(worksheet '${name}')`);
  }

  addSheet(name?: string): SimSheet {
    let n = this.sheets.length + 1;
    while (name === undefined && this.sheet(`Sheet${n}`)) n++;
    const sheetName = name ?? `Sheet${n}`;
    this.checkSheetName(sheetName);
    const sheet = new SimSheet(sheetName);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  renameSheet(sheet: SimSheet, name: string): void {
    this.checkSheetName(name, sheet);
    sheet.name = name;
  }

  deleteSheet(sheet: SimSheet): void {
    if (this.sheets.length === 1) throw SimError.invalidOperation('a workbook must keep at least one worksheet');
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    for (let t = this.tables.length - 1; t >= 0; t--) if (this.tables[t].sheet === sheet) this.tables.splice(t, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.min(i, this.sheets.length - 1)];
  }

  hasSheet(sheet: SimSheet): boolean {
    return this.sheets.includes(sheet);
  }

  table(name: string): SimTable | undefined {
    return this.tables.find((t) => sameName(t.name, name));
  }

  requireTable(name: string): SimTable {
    const t = this.table(name);
    if (!t) throw SimError.notFound(`table '${name}'`);
    return t;
  }

  tablesOn(sheet: SimSheet): SimTable[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  private checkTableName(name: string, except?: SimTable): void {
    const cellLike = /^[A-Za-z]{1,3}\d+$/.test(name) || /^(R|C|R\d+C\d+)$/i.test(name);
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || cellLike) {
      throw SimError.invalidArgument(`'${name}' is not a valid table name`);
    }
    const other = this.table(name);
    if (other && other !== except) throw SimError.invalidArgument(`a table named '${name}' already exists`);
  }

  /**
   * `tables.add(range, true)`: the first row becomes the header (blank headers become ColumnN,
   * numbers become text, repeats get a number); a header-only range gets one empty body row.
   */
  addTable(sheet: SimSheet, rect: Rect, hasHeaders: boolean): SimTable {
    if (!hasHeaders) throw new SimError('NotImplemented', 'tables.add with hasHeaders = false');
    if (rect.r1 - rect.r0 + 1 > MAX_ROWS || !inGrid(rect)) throw SimError.invalidArgument('range outside the grid');
    const body = rect.r1 === rect.r0 ? { ...rect, r1: rect.r0 + 1 } : rect;
    if (this.tablesOn(sheet).some((t) => overlaps(t.rect, body))) throw SimError.invalidArgument('a table cannot overlap another table');
    const seen = new Set<string>();
    for (let c = body.c0; c <= body.c1; c++) {
      const cell = sheet.touch(body.r0, c);
      let header = cell.value === '' ? `Column${c - body.c0 + 1}` : String(cell.value);
      for (let k = 2; seen.has(header.toLowerCase()); k++) header = `${String(cell.value || `Column${c - body.c0 + 1}`)}${k}`;
      seen.add(header.toLowerCase());
      cell.value = header;
      delete cell.formula;
    }
    let n = 1;
    while (this.table(`Table${n}`)) n++;
    const table = new SimTable(`Table${n}`, sheet, body, this.nextTableId++);
    this.tables.push(table);
    return table;
  }

  renameTable(table: SimTable, name: string): void {
    this.checkTableName(name, table);
    table.name = name;
  }

  // -------------------------------------------------------------------------------------------
  // Cells

  private static blockOf(rect: Rect, data: unknown, what: string): (unknown[] | null)[] | { scalar: unknown } {
    if (!Array.isArray(data)) return { scalar: data };
    const ok = data.length === rowsOf(rect) && data.every((row) => Array.isArray(row) && row.length === columnsOf(rect));
    if (!ok) {
      throw SimError.invalidArgument(
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${data.length}×${Array.isArray(data[0]) ? data[0].length : '?'} for ${rowsOf(rect)}×${columnsOf(rect)}).`,
      );
    }
    return data as unknown[][];
  }

  private static each(rect: Rect, block: (unknown[] | null)[] | { scalar: unknown }, f: (r: number, c: number, v: unknown) => void): void {
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        f(r, c, Array.isArray(block) ? block[r - rect.r0]![c - rect.c0] : block.scalar);
      }
    }
  }

  /** `range.values = …` / `range.formulas = …`: typed input per cell, then table expansion. */
  write(sheet: SimSheet, rect: Rect, data: unknown): void {
    const block = SimWorkbook.blockOf(rect, data, 'values');
    let anyValue = false;
    SimWorkbook.each(rect, block, (r, c, v) => {
      if (v === null || v === undefined) return; // Office.js: null leaves the cell as it is
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw SimError.invalidArgument(`cannot write ${JSON.stringify(v)} to a cell`);
      const cell = sheet.touch(r, c);
      const typed = typedInput(v, cell.numberFormat ?? GENERAL);
      cell.value = typed.value;
      if (typed.formula === undefined) delete cell.formula;
      else cell.formula = typed.formula;
      if (typed.quotePrefix) cell.quotePrefix = true;
      else delete cell.quotePrefix;
      if (typed.autoFormat && (cell.numberFormat ?? GENERAL) === GENERAL) cell.numberFormat = typed.autoFormat;
      if (hasValue(cell)) anyValue = true;
    });
    if (anyValue) this.expandTables(sheet, rect);
  }

  /**
   * Excel's table auto-expansion: content written into the row directly below a table, in the
   * table's columns, makes those rows part of the table (not for a table with a totals row).
   */
  private expandTables(sheet: SimSheet, rect: Rect): void {
    if (!this.autoExpandTables) return;
    for (const t of this.tablesOn(sheet)) {
      if (t.showTotals || rect.r0 !== t.rect.r1 + 1 || rect.c1 < t.rect.c0 || rect.c0 > t.rect.c1) continue;
      const below: Rect = { r0: rect.r0, r1: rect.r1, c0: t.rect.c0, c1: t.rect.c1 };
      if (this.tablesOn(sheet).some((o) => o !== t && overlaps(o.rect, below))) continue;
      t.rect = { ...t.rect, r1: rect.r1 };
    }
  }

  /**
   * `table.rows.add(null, values)`: rows added at the end of the table, whatever the AutoCorrect
   * option. Excel inserts them, shifting the cells below the table (in its columns) down; the
   * simulator models only the case where nothing is below, and says so otherwise.
   */
  addTableRows(t: SimTable, values: unknown): void {
    if (!Array.isArray(values) || values.length === 0 || !values.every((r) => Array.isArray(r) && r.length === columnsOf(t.rect))) {
      throw SimError.invalidArgument(`rows for table '${t.name}' must be ${columnsOf(t.rect)} values wide`);
    }
    if (t.showTotals) throw new SimError('NotImplemented', 'TableRowCollection.add on a table with a totals row');
    const below: Rect = { r0: t.rect.r1 + 1, r1: MAX_ROWS - 1, c0: t.rect.c0, c1: t.rect.c1 };
    if ([...t.sheet.cellsIn(below)].some(([, , cell]) => hasValue(cell)) || this.tablesOn(t.sheet).some((o) => o !== t && overlaps(o.rect, below))) {
      throw new SimError('NotImplemented', `TableRowCollection.add with cells below table '${t.name}' (Excel would shift them down)`);
    }
    const added: Rect = { ...below, r1: t.rect.r1 + values.length };
    t.rect = { ...t.rect, r1: added.r1 };
    this.write(t.sheet, added, values);
  }

  setNumberFormat(sheet: SimSheet, rect: Rect, data: unknown): void {
    const block = SimWorkbook.blockOf(rect, data, 'numberFormat');
    SimWorkbook.each(rect, block, (r, c, v) => {
      if (v === null || v === undefined) return;
      if (typeof v !== 'string') throw SimError.invalidArgument('a number format is text');
      if (v === GENERAL) {
        const cell = sheet.cell(r, c);
        if (cell) delete cell.numberFormat;
      } else sheet.touch(r, c).numberFormat = v;
    });
  }

  /** Excel's list source (comma-separated words) holds at most 255 characters. */
  setValidation(sheet: SimSheet, rect: Rect, rule: unknown): void {
    if (!rule || typeof rule !== 'object') throw SimError.invalidArgument('a data validation rule is an object');
    const list = (rule as { list?: { source?: unknown } }).list;
    if (list !== undefined) {
      if (typeof list.source !== 'string' || list.source === '') throw SimError.invalidArgument('list.source is required');
      if (list.source.length > 255) throw SimError.invalidArgument('a list source holds at most 255 characters');
    }
    const stored = JSON.parse(JSON.stringify(rule)) as SimRule;
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) sheet.touch(r, c).validation = stored;
  }

  clearValidation(sheet: SimSheet, rect: Rect): void {
    for (const [, , cell] of sheet.cellsIn(rect)) delete cell.validation;
  }

  /** One rule when every cell of the block has the same one (else null), like Excel's `rule`. */
  validationOf(sheet: SimSheet, rect: Rect): SimRule | null {
    let rule: SimRule | undefined | null = null;
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const v = sheet.cell(r, c)?.validation;
        if (rule === null) rule = v;
        else if (rule !== v) return null;
      }
    }
    return rule ?? null;
  }

  clear(sheet: SimSheet, rect: Rect, applyTo: string = 'All'): void {
    if (!['All', 'Contents', 'Formats'].includes(applyTo)) throw new SimError('NotImplemented', `clear('${applyTo}')`);
    for (const [, , cell] of sheet.cellsIn(rect)) {
      if (applyTo !== 'Formats') {
        cell.value = '';
        delete cell.formula;
        delete cell.quotePrefix;
      }
      if (applyTo !== 'Contents') {
        delete cell.numberFormat;
        delete cell.format;
        delete cell.borders;
      }
    }
    // Clearing formats unmerges, as Excel's Clear Formats does.
    if (applyTo !== 'Contents') sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
  }

  /**
   * `range.delete('Up')`: cells below move up within the range's columns. A table whose columns
   * the block covers entirely loses the deleted body rows (a table keeps one body row: deleting
   * all of them leaves one empty row); a table cut through its columns or its header refuses
   * ("the operation is attempting to shift cells in a table").
   */
  deleteCells(sheet: SimSheet, rect: Rect, shift: string): void {
    if (shift !== 'Up') throw new SimError('NotImplemented', `delete('${shift}')`);
    const k = rowsOf(rect);
    const plan: (() => void)[] = [];
    for (const t of this.tablesOn(sheet)) {
      const colsOverlap = rect.c0 <= t.rect.c1 && t.rect.c0 <= rect.c1;
      if (!colsOverlap || t.rect.r1 < rect.r0) continue;
      const spansColumns = rect.c0 <= t.rect.c0 && rect.c1 >= t.rect.c1;
      if (!spansColumns) throw SimError.invalidOperation('This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.');
      if (t.rect.r0 > rect.r1) {
        plan.push(() => (t.rect = { ...t.rect, r0: t.rect.r0 - k, r1: t.rect.r1 - k }));
        continue;
      }
      if (rect.r0 <= t.rect.r0) {
        if (rect.r1 >= t.rect.r1) {
          plan.push(() => this.tables.splice(this.tables.indexOf(t), 1));
          continue;
        }
        throw SimError.invalidOperation('This operation is not allowed. The operation is attempting to shift cells in a table on your worksheet.');
      }
      const body = t.bodyRect();
      if (rect.r0 <= body.r0 && rect.r1 >= body.r1 && !t.showTotals) {
        // Every body row: Excel keeps the table with one empty row.
        if (k > 1) this.deleteCells(sheet, { ...rect, r0: rect.r0 + 1 }, shift);
        this.clear(sheet, { ...rect, r1: rect.r0 }, 'Contents');
        return;
      }
      const inside = Math.min(rect.r1, t.rect.r1) - rect.r0 + 1;
      plan.push(() => (t.rect = { ...t.rect, r1: t.rect.r1 - inside }));
    }
    plan.push(this.shiftMerges(sheet, rect));
    const moved: [number, number, SimCell][] = [];
    for (const [r, c, cell] of sheet.cellsIn({ r0: rect.r0, r1: MAX_ROWS - 1, c0: rect.c0, c1: rect.c1 })) {
      delete sheet.rows.get(r)![c];
      if (r > rect.r1) moved.push([r - k, c, cell]);
    }
    for (const [r, c, cell] of moved) {
      let row = sheet.rows.get(r);
      if (!row) sheet.rows.set(r, (row = []));
      row[c] = cell;
    }
    for (const step of plan) step();
  }

  /**
   * Merged areas as cells move up over a deleted block: areas below it (in its columns) move
   * with them, areas inside it go; an area the shift would cut refuses, as Excel does ("cannot
   * change part of a merged cell"). Checked at once; returns the change to make.
   */
  private shiftMerges(sheet: SimSheet, rect: Rect): () => void {
    const k = rowsOf(rect);
    const shifted: Rect = { r0: rect.r0, r1: MAX_ROWS - 1, c0: rect.c0, c1: rect.c1 };
    const next: Rect[] = [];
    for (const m of sheet.merges) {
      if (!overlaps(m, shifted)) next.push(m);
      else if (m.c0 < rect.c0 || m.c1 > rect.c1) throw SimError.invalidOperation('We can\'t do that to a merged cell.');
      else if (m.r0 > rect.r1) next.push({ ...m, r0: m.r0 - k, r1: m.r1 - k });
      else if (m.r0 < rect.r0 || m.r1 > rect.r1) throw SimError.invalidOperation('We can\'t do that to a merged cell.');
    }
    return () => (sheet.merges = next);
  }

  /**
   * `range.merge(across)`: one merged area (or one per row with `across`). The upper-left cell
   * keeps its value, the others are emptied. An area holding whole merged areas takes them in; one
   * that cuts through a merged area, or touches a table, is refused (Excel merges no table cells).
   * A single cell is left as it is.
   */
  merge(sheet: SimSheet, rect: Rect, across: boolean): void {
    const areas = across ? Array.from({ length: rowsOf(rect) }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i })) : [rect];
    for (const area of areas) {
      if (rowsOf(area) === 1 && columnsOf(area) === 1) continue;
      if (rowsOf(area) * columnsOf(area) > 1_000_000) throw new SimError('NotImplemented', 'merging more than a million cells');
      if (this.tablesOn(sheet).some((t) => overlaps(t.rect, area))) throw SimError.invalidOperation('cells in a table cannot be merged');
      const inside = (m: Rect) => m.r0 >= area.r0 && m.r1 <= area.r1 && m.c0 >= area.c0 && m.c1 <= area.c1;
      if (sheet.merges.some((m) => overlaps(m, area) && !inside(m))) throw SimError.invalidOperation('the range cuts through a merged area');
      sheet.merges = [...sheet.merges.filter((m) => !inside(m)), { ...area }];
      for (const [r, c, cell] of sheet.cellsIn(area)) {
        if (r === area.r0 && c === area.c0) continue;
        cell.value = '';
        delete cell.formula;
        delete cell.quotePrefix;
      }
    }
  }

  read(sheet: SimSheet, rect: Rect, what: 'values' | 'formulas' | 'numberFormat'): SimScalar[][] {
    const out: SimScalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row = sheet.rows.get(r);
      const line: SimScalar[] = new Array(columnsOf(rect));
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = row?.[c];
        line[c - rect.c0] =
          what === 'numberFormat'
            ? (cell?.numberFormat ?? GENERAL)
            : !cell
              ? ''
              : what === 'formulas' && cell.formula !== undefined
                ? cell.formula
                : what === 'formulas' && cell.quotePrefix
                  ? `'${String(cell.value)}`
                  : cell.value;
      }
      out.push(line);
    }
    return out;
  }

  /**
   * The smallest block holding every value (valuesOnly) or every value, format or rule — of the
   * sheet, or of the cells within a block (Range.getUsedRange).
   */
  usedRect(sheet: SimSheet, valuesOnly: boolean, within?: Rect): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const take = (r: number, c: number, cell: SimCell) => {
      if (!(valuesOnly ? hasValue(cell) : hasAnything(cell))) return;
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    };
    if (within) for (const [r, c, cell] of sheet.cellsIn(within)) take(r, c, cell);
    else for (const [r, row] of sheet.rows) row.forEach((cell, c) => take(r, c, cell));
    return r1 < 0 ? null : { r0, r1, c0, c1 };
  }

  setColumnWidth(sheet: SimSheet, rect: Rect, points: unknown): void {
    if (typeof points !== 'number' || !(points >= 0) || points > 255 * 7.5) throw SimError.invalidArgument('column width in points');
    for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, points);
  }

  columnWidth(sheet: SimSheet, rect: Rect): number | null {
    const w = sheet.columnWidths.get(rect.c0) ?? DEFAULT_COLUMN_WIDTH;
    for (let c = rect.c0 + 1; c <= rect.c1; c++) if ((sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) !== w) return null;
    return w;
  }

  /** `format.rowHeight = points` on a range: every row it spans (0 hides the row). */
  setRowHeight(sheet: SimSheet, rect: Rect, points: unknown): void {
    if (typeof points !== 'number' || !(points >= 0) || points > MAX_ROW_HEIGHT) throw SimError.invalidArgument(`row height in points, 0 to ${MAX_ROW_HEIGHT}`);
    if (rowsOf(rect) > 100_000) throw new SimError('NotImplemented', 'row heights of more than 100,000 rows at once');
    for (let r = rect.r0; r <= rect.r1; r++) sheet.rowHeights.set(r, points);
  }

  /** The common height of the range's rows, or null when they differ. */
  rowHeight(sheet: SimSheet, rect: Rect): number | null {
    const h = sheet.rowHeights.get(rect.r0) ?? DEFAULT_ROW_HEIGHT;
    if (rowsOf(rect) > 100_000) return sheet.rowHeights.size === 0 ? h : null;
    for (let r = rect.r0 + 1; r <= rect.r1; r++) if ((sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT) !== h) return null;
    return h;
  }

  // -------------------------------------------------------------------------------------------
  // Data in and out, for tests and the preview host (no typed-input parsing: text stays text)

  /** Writes plain values at an address (`B3` = top-left), creating the sheet when missing. */
  setCells(sheetName: string, topLeft: string, rows: readonly (readonly RawValue[])[]): SimSheet {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { rect } = parseAddress(topLeft);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === '') return;
        sheet.touch(rect.r0 + i, rect.c0 + j).value = v instanceof Date ? serialOf(v) : v;
      }),
    );
    return sheet;
  }

  /** Makes an Excel table of an existing block (`A1:C4`, header row first). */
  addTableAt(sheetName: string, address: string, name: string): SimTable {
    const table = this.addTable(this.requireSheet(sheetName), parseAddress(address).rect, true);
    this.renameTable(table, name);
    return table;
  }

  /** A workbook holding the tables of a snapshot: ListObjects where tableName is set, plain ranges else. */
  static fromSnapshot(snapshot: WorkbookSnapshot): SimWorkbook {
    const wb = new SimWorkbook();
    for (const t of Object.values(snapshot.tables)) {
      if (!t) continue;
      const topLeft = `${columnName(t.firstColumn - 1)}${t.headerRow}`;
      wb.setCells(t.sheetName, topLeft, [t.headers, ...t.rows]);
      if (t.tableName !== null) {
        const rect = rectOf(t.headerRow - 1, t.firstColumn - 1, 1 + Math.max(t.rows.length, 1), t.headers.length);
        const table = wb.addTable(wb.requireSheet(t.sheetName), rect, true);
        wb.renameTable(table, t.tableName);
      }
    }
    return wb;
  }

  /** Values of a sheet from A1 to the last used cell ('' for empty), as ExcelJS readers see it. */
  values(sheetName: string): SimScalar[][] {
    const sheet = this.requireSheet(sheetName);
    const used = this.usedRect(sheet, true);
    return used ? this.read(sheet, { r0: 0, c0: 0, r1: used.r1, c1: used.c1 }, 'values') : [];
  }

  /** Sheet → A1 → cell, for every cell holding a value or formula. */
  toCells(): Record<string, Record<string, SimCellDump>> {
    return Object.fromEntries(this.dump().sheets.map((s) => [s.name, s.cells]));
  }

  dump(): SimDump {
    return {
      activeSheet: this.activeSheet?.name ?? null,
      sheets: this.sheets.map((sheet) => {
        const cells: Record<string, SimCellDump> = {};
        const borders: Record<string, SimBorders> = {};
        const columns = new Map<number, [number, SimCell][]>();
        for (const r of [...sheet.rows.keys()].sort((a, b) => a - b)) {
          sheet.rows.get(r)!.forEach((cell, c) => {
            if (cell.borders && Object.keys(cell.borders).length > 0) borders[`${columnName(c)}${r + 1}`] = JSON.parse(JSON.stringify(cell.borders)) as SimBorders;
            if (hasValue(cell)) {
              const d: SimCellDump = { value: cell.value };
              if (cell.formula !== undefined) d.formula = cell.formula;
              if (cell.numberFormat !== undefined) d.numberFormat = cell.numberFormat;
              if (cell.quotePrefix) d.quotePrefix = true;
              cells[`${columnName(c)}${r + 1}`] = d;
            }
            if (!columns.has(c)) columns.set(c, []);
            columns.get(c)!.push([r, cell]);
          });
        }
        return {
          name: sheet.name,
          frozenRows: sheet.frozenRows,
          showGridlines: sheet.showGridlines,
          columnWidths: Object.fromEntries([...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnName(c), w])),
          rowHeights: Object.fromEntries([...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])),
          cells,
          numberFormats: runs(columns, (cell) => cell.numberFormat).map(([address, numberFormat]) => ({ address, numberFormat })),
          validations: runs(columns, (cell) => cell.validation).map(([address, rule]) => ({ address, rule })),
          formats: runs(columns, (cell) => formatDump(cell.format)).map(([address, format]) => ({ address, format: JSON.parse(JSON.stringify(format)) as SimCellFormat })),
          borders,
          merges: [...sheet.merges].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0).map(formatRect),
          pageLayout: pageLayoutDump(sheet.pageLayout),
        };
      }),
      tables: this.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        address: formatAddress(t.sheet.name, t.rect),
        showHeaders: t.showHeaders,
        showTotals: t.showTotals,
        style: t.style,
      })),
    };
  }
}

/** Contiguous runs down each column of one attribute value (compared by identity, then JSON). */
function runs<T>(columns: Map<number, [number, SimCell][]>, attribute: (c: SimCell) => T | undefined): [string, T][] {
  const out: [string, T][] = [];
  for (const c of [...columns.keys()].sort((a, b) => a - b)) {
    let start = -1;
    let last = -1;
    let current: T | undefined;
    const flush = () => {
      if (current !== undefined) out.push([formatRect({ r0: start, r1: last, c0: c, c1: c }), current]);
    };
    for (const [r, cell] of columns.get(c)!) {
      const v = attribute(cell);
      const same = v !== undefined && current !== undefined && r === last + 1 && (v === current || JSON.stringify(v) === JSON.stringify(current));
      if (same) {
        last = r;
        continue;
      }
      flush();
      current = v;
      start = r;
      last = r;
    }
    flush();
  }
  return out;
}

/** A JS Date holding wall-clock time as UTC → Excel serial (1899-12-30 epoch). */
function serialOf(d: Date): number {
  const serial = (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  return serial < 61 ? serial - 1 : serial;
}
