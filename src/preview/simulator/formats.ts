/**
 * Cell formats of the simulated workbook: font, alignment, wrap, indent, fill and borders, with
 * the values Excel's API takes and gives (Range.format, RangeFont, RangeFill, RangeBorder):
 *
 * - a format written to a block applies to every cell of it; read back it is the common value
 *   of the cells, or null when they differ (Excel's answer for a mixed range);
 * - a cell never formatted reads as Excel's defaults (Calibri 11, General/Bottom alignment, no
 *   wrap, no indent, no fill — which Excel reports as white, #FFFFFF);
 * - borders lie on the lines between cells: the bottom edge of A1 is the top edge of A2, so a
 *   line drawn later over the same edge replaces the earlier one, and either cell reads it;
 * - an indent on a General or centred cell makes it left-aligned (Excel indents only
 *   left-, right-aligned or distributed text).
 */
import { Rect, columnsOf, rowsOf } from './address';
import { SimError } from './errors';

export interface SimFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
}

export type HorizontalAlignment = 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed';
export type VerticalAlignment = 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed';

/** What a cell has been given; absent properties are Excel's defaults. */
export interface SimCellFormat {
  font?: Partial<SimFont>;
  horizontalAlignment?: HorizontalAlignment;
  verticalAlignment?: VerticalAlignment;
  wrapText?: boolean;
  indentLevel?: number;
  /** `#RRGGBB`; absent: no fill. */
  fill?: string;
}

export type BorderStyle = 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot';
export type BorderWeight = 'Hairline' | 'Thin' | 'Medium' | 'Thick';

export interface SimLine {
  style: Exclude<BorderStyle, 'None'>;
  weight: BorderWeight;
  /** `#RRGGBB`. */
  color: string;
}

export type Side = 'top' | 'bottom' | 'left' | 'right';
export type SimBorders = Partial<Record<Side, SimLine>>;

export type BorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
export type BorderProperty = 'style' | 'weight' | 'color';

/** Excel's defaults (Office 2007–2019 theme: Calibri 11). */
export const DEFAULT_FONT: SimFont = { name: 'Calibri', size: 11, bold: false, italic: false };
/** What Excel reports as the fill colour of a cell without fill. */
export const NO_FILL_COLOR = '#FFFFFF';
const DEFAULT_LINE_COLOR = '#000000';

export const HORIZONTAL: readonly HorizontalAlignment[] = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
export const VERTICAL: readonly VerticalAlignment[] = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const STYLES: readonly BorderStyle[] = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const WEIGHTS: readonly BorderWeight[] = ['Hairline', 'Thin', 'Medium', 'Thick'];
export const BORDER_INDEXES: readonly BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
/** Alignments an indent applies to. */
const INDENTABLE: readonly HorizontalAlignment[] = ['Left', 'Right', 'Distributed'];

/** The named colours the simulator takes besides `#RRGGBB` (Excel takes every HTML name). */
const NAMED: Record<string, string> = { black: '#000000', white: '#FFFFFF', red: '#FF0000', green: '#008000', blue: '#0000FF', yellow: '#FFFF00', orange: '#FFA500', gray: '#808080' };

/** The simulator formats cell by cell: a block bigger than this is not simulated. */
const MAX_FORMATTED_CELLS = 200_000;

/** A format property of Range.format, RangeFont or RangeFill, as the model keys it. */
export type FormatKey =
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrapText'
  | 'indentLevel'
  | 'fill.color'
  | 'font.name'
  | 'font.size'
  | 'font.bold'
  | 'font.italic';

/** The cells formats are kept on (the model's SimCell). */
export interface FormattedCell {
  format?: SimCellFormat;
  borders?: SimBorders;
}

/** The sheet as the format code needs it. */
export interface FormatGrid {
  cell(r: number, c: number): FormattedCell | undefined;
  touch(r: number, c: number): FormattedCell;
}

function color(v: unknown): string {
  if (typeof v !== 'string') throw SimError.invalidArgument('a colour is text: #RRGGBB or an HTML colour name');
  const named = NAMED[v.toLowerCase()];
  if (named) return named;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(v);
  if (!m) throw SimError.invalidArgument(`'${v}' is not a colour`);
  return `#${m[1].toUpperCase()}`;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], what: string): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) throw SimError.invalidArgument(`'${String(v)}' is not a ${what}`);
  return v as T;
}

function bool(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw SimError.invalidArgument(`${what} is true or false`);
  return v;
}

/** A value as Excel would store it for the property, or InvalidArgument. */
function checked(key: FormatKey, v: unknown): unknown {
  switch (key) {
    case 'horizontalAlignment':
      return oneOf(v, HORIZONTAL, 'horizontal alignment');
    case 'verticalAlignment':
      return oneOf(v, VERTICAL, 'vertical alignment');
    case 'wrapText':
      return bool(v, 'wrapText');
    case 'indentLevel':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 250) throw SimError.invalidArgument('indentLevel is a whole number from 0 to 250');
      return v;
    case 'fill.color':
      return color(v);
    case 'font.name':
      if (typeof v !== 'string' || v.trim() === '' || v.length > 31) throw SimError.invalidArgument('a font name');
      return v;
    case 'font.size':
      if (typeof v !== 'number' || !(v >= 1) || v > 409) throw SimError.invalidArgument('a font size is from 1 to 409 points');
      return Math.round(v * 2) / 2; // Excel keeps half points
    case 'font.bold':
      return bool(v, 'bold');
    case 'font.italic':
      return bool(v, 'italic');
  }
}

function* cellsOf(rects: readonly Rect[]): Generator<[number, number]> {
  for (const rect of rects) for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) yield [r, c];
}

function checkSize(rects: readonly Rect[]): void {
  const cells = rects.reduce((n, r) => n + rowsOf(r) * columnsOf(r), 0);
  if (cells > MAX_FORMATTED_CELLS) throw new SimError('NotImplemented', `formats on more than ${MAX_FORMATTED_CELLS} cells at once`);
}

function valueOf(f: SimCellFormat | undefined, key: FormatKey): unknown {
  switch (key) {
    case 'horizontalAlignment':
      return f?.horizontalAlignment ?? 'General';
    case 'verticalAlignment':
      return f?.verticalAlignment ?? 'Bottom';
    case 'wrapText':
      return f?.wrapText ?? false;
    case 'indentLevel':
      return f?.indentLevel ?? 0;
    case 'fill.color':
      return f?.fill ?? NO_FILL_COLOR;
    case 'font.name':
      return f?.font?.name ?? DEFAULT_FONT.name;
    case 'font.size':
      return f?.font?.size ?? DEFAULT_FONT.size;
    case 'font.bold':
      return f?.font?.bold ?? DEFAULT_FONT.bold;
    case 'font.italic':
      return f?.font?.italic ?? DEFAULT_FONT.italic;
  }
}

function put(f: SimCellFormat, key: FormatKey, v: unknown): void {
  switch (key) {
    case 'horizontalAlignment':
      f.horizontalAlignment = v as HorizontalAlignment;
      // An indent stays only where Excel shows one.
      if (f.indentLevel && !INDENTABLE.includes(f.horizontalAlignment)) delete f.indentLevel;
      return;
    case 'verticalAlignment':
      f.verticalAlignment = v as VerticalAlignment;
      return;
    case 'wrapText':
      f.wrapText = v as boolean;
      return;
    case 'indentLevel':
      f.indentLevel = v as number;
      if ((v as number) > 0 && !INDENTABLE.includes(f.horizontalAlignment ?? 'General')) f.horizontalAlignment = 'Left';
      return;
    case 'fill.color':
      f.fill = v as string;
      return;
    default: {
      const name = key.slice('font.'.length) as keyof SimFont;
      f.font = { ...f.font, [name]: v };
    }
  }
}

/** `range.format.X = v` (or font/fill): every cell of the blocks. */
export function setFormat(sheet: FormatGrid, rects: readonly Rect[], key: FormatKey, v: unknown): void {
  const value = checked(key, v);
  checkSize(rects);
  for (const [r, c] of cellsOf(rects)) {
    const cell = sheet.touch(r, c);
    put((cell.format ??= {}), key, value);
  }
}

/** The common value of the blocks' cells, or null when they differ. */
export function formatOf(sheet: FormatGrid, rects: readonly Rect[], key: FormatKey): unknown {
  checkSize(rects);
  let first: unknown;
  let seen = false;
  for (const [r, c] of cellsOf(rects)) {
    const v = valueOf(sheet.cell(r, c)?.format, key);
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) return null;
  }
  return first;
}

// ---------------------------------------------------------------------------------------------
// Borders

/** The cell edges a border item stands for: each as (cell, side), with the cell across the line. */
interface Edge {
  r: number;
  c: number;
  side: Side;
}

const OPPOSITE: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

function across({ r, c, side }: Edge): Edge | null {
  const e = side === 'top' ? { r: r - 1, c } : side === 'bottom' ? { r: r + 1, c } : side === 'left' ? { r, c: c - 1 } : { r, c: c + 1 };
  return e.r < 0 || e.c < 0 ? null : { ...e, side: OPPOSITE[side] };
}

function edgesOf(rect: Rect, index: BorderIndex): Edge[] {
  const out: Edge[] = [];
  switch (index) {
    case 'EdgeTop':
      for (let c = rect.c0; c <= rect.c1; c++) out.push({ r: rect.r0, c, side: 'top' });
      break;
    case 'EdgeBottom':
      for (let c = rect.c0; c <= rect.c1; c++) out.push({ r: rect.r1, c, side: 'bottom' });
      break;
    case 'EdgeLeft':
      for (let r = rect.r0; r <= rect.r1; r++) out.push({ r, c: rect.c0, side: 'left' });
      break;
    case 'EdgeRight':
      for (let r = rect.r0; r <= rect.r1; r++) out.push({ r, c: rect.c1, side: 'right' });
      break;
    case 'InsideHorizontal':
      for (let r = rect.r0; r < rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) out.push({ r, c, side: 'bottom' });
      break;
    case 'InsideVertical':
      for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c < rect.c1; c++) out.push({ r, c, side: 'right' });
      break;
  }
  return out;
}

/**
 * An inside line needs two rows (columns) to lie between. Whether Excel ignores or refuses one
 * asked of a single row is not documented: the simulator refuses, so the adapter must not ask.
 */
function checkInside(rect: Rect, index: BorderIndex): void {
  if ((index === 'InsideHorizontal' && rowsOf(rect) < 2) || (index === 'InsideVertical' && columnsOf(rect) < 2)) {
    throw SimError.invalidArgument(`${index} of a range one ${index === 'InsideHorizontal' ? 'row' : 'column'} wide`);
  }
}

function lineAt(sheet: FormatGrid, e: Edge): SimLine | undefined {
  const own = sheet.cell(e.r, e.c)?.borders?.[e.side];
  if (own) return own;
  const other = across(e);
  return other ? sheet.cell(other.r, other.c)?.borders?.[other.side] : undefined;
}

function setLine(sheet: FormatGrid, e: Edge, line: SimLine | undefined): void {
  for (const at of [e, across(e)]) {
    if (!at) continue;
    if (line) (sheet.touch(at.r, at.c).borders ??= {})[at.side] = { ...line };
    else {
      const cell = sheet.cell(at.r, at.c);
      if (cell?.borders) {
        delete cell.borders[at.side];
        if (Object.keys(cell.borders).length === 0) delete cell.borders;
      }
    }
  }
}

export function checkBorderIndex(index: unknown): BorderIndex {
  if (typeof index === 'string' && (index === 'DiagonalDown' || index === 'DiagonalUp')) throw new SimError('NotImplemented', `${index} borders`);
  return oneOf(index, BORDER_INDEXES, 'border index');
}

/**
 * `borders.getItem(index).style | weight | color = v`. Style None removes the line; a weight or a
 * colour given to an edge without a line draws a continuous one (as Excel does).
 */
export function setBorder(sheet: FormatGrid, rects: readonly Rect[], index: BorderIndex, property: BorderProperty, v: unknown): void {
  const value = property === 'style' ? oneOf(v, STYLES, 'border style') : property === 'weight' ? oneOf(v, WEIGHTS, 'border weight') : color(v);
  checkSize(rects);
  for (const rect of rects) {
    checkInside(rect, index);
    for (const e of edgesOf(rect, index)) {
      const line = lineAt(sheet, e);
      if (property === 'style') setLine(sheet, e, value === 'None' ? undefined : { weight: 'Thin', color: DEFAULT_LINE_COLOR, ...line, style: value as SimLine['style'] });
      else setLine(sheet, e, { style: 'Continuous', weight: 'Thin', color: DEFAULT_LINE_COLOR, ...line, [property]: value });
    }
  }
}

/** The common style / weight / colour of the item's edges (None, Thin, black when no line), or null. */
export function borderOf(sheet: FormatGrid, rects: readonly Rect[], index: BorderIndex, property: BorderProperty): string | null {
  checkSize(rects);
  let first: string | undefined;
  for (const rect of rects) {
    checkInside(rect, index);
    for (const e of edgesOf(rect, index)) {
      const line = lineAt(sheet, e);
      const v = property === 'style' ? (line?.style ?? 'None') : property === 'weight' ? (line?.weight ?? 'Thin') : (line?.color ?? DEFAULT_LINE_COLOR);
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
  }
  return first ?? null;
}

/** A copy of a cell's format without empty parts (for dumps). */
export function formatDump(f: SimCellFormat | undefined): SimCellFormat | undefined {
  if (!f) return undefined;
  const out: SimCellFormat = { ...f };
  if (out.font && Object.keys(out.font).length === 0) delete out.font;
  return Object.keys(out).length === 0 ? undefined : out;
}
