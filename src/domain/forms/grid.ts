/**
 * The grid model of a print-ready form (SPEC §5): what a renderer puts on a new worksheet.
 * Deliberately small and host-neutral, so the ExcelJS renderer (src/workbook/xlsx/renderForm.ts)
 * and an Office.js renderer draw the same sheet from the same data:
 *
 * - `cells`: a sparse list of values (text, number, or null for an empty styled cell), each
 *   with a key into `styles`; text is always text, never a formula, whatever it starts with;
 * - `styles`: font (name, size, bold, italic), alignment (horizontal, vertical, wrap), number
 *   format and fill colour;
 * - `merges` and `borders`: rectangles (A1 reference and 1-based row/column box); a border
 *   names the line of each edge of its rectangle and of the lines inside it (Excel's EdgeTop…
 *   InsideHorizontal), applied in list order, a later rectangle's edges over an earlier one's;
 * - `columnWidths` (Excel character units) and `rowHeights` (points), one per column and row;
 * - `print`: A4 portrait fitted to one page wide, the print area and the rows repeated on top
 *   of every printed page, margins, a page-number footer.
 *
 * Rows and columns are 1-based; the grid starts at A1.
 */
import type { Lang } from '../i18n/messages';
import type { FormCode } from './templates';
import { columnLetters } from '../columnLetters';

export type StyleKey =
  | 'title'
  | 'meta'
  | 'headerLabel'
  | 'headerValue'
  | 'section'
  | 'label'
  | 'text'
  | 'textTop'
  | 'center'
  | 'date'
  | 'amount'
  | 'percent'
  | 'score'
  | 'integer'
  | 'number'
  | 'th'
  | 'check'
  | 'note'
  | 'hand'
  | 'total'
  | 'result'
  | 'signatureTitle'
  | 'signatureLine';

export interface FormFont {
  name: string;
  /** Points. */
  size: number;
  bold: boolean;
  italic: boolean;
}

export interface FormStyle {
  font: FormFont;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle' | 'bottom';
  wrap: boolean;
  /** Indent level (about one character each) off the cell's border: 1 for left- and right-aligned text. */
  indent: number;
  /** Excel number format; `@` marks text cells (they stay text when a person edits them). */
  numFmt: string;
  /** Background colour as `RRGGBB`, or null for none. */
  fill: string | null;
}

export interface FormCell {
  row: number;
  col: number;
  /** Text is written as text (never as a formula); numbers under the style's number format. */
  value: string | number | null;
  style: StyleKey;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FormMerge {
  /** `A1:L1`. */
  ref: string;
  box: Box;
}

export type LineStyle = 'thin' | 'medium' | 'dotted';
export type BorderEdge = 'top' | 'bottom' | 'left' | 'right' | 'insideHorizontal' | 'insideVertical';

export interface FormBorder {
  ref: string;
  box: Box;
  /** The line of each edge; an edge left out is not drawn (nor cleared). */
  edges: Partial<Record<BorderEdge, LineStyle>>;
}

export interface PrintSetup {
  /** `A1:L40`. */
  area: string;
  /** Rows repeated at the top of every printed page (the title and the header block). */
  titleRows: { first: number; last: number; ref: string };
  orientation: 'portrait';
  paperSize: 'A4';
  fitToWidth: 1;
  /** 0: as many pages tall as needed. */
  fitToHeight: 0;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  horizontalCentered: boolean;
  /** Page footer in Excel's header/footer codes (`&C` centre, `&P` page, `&N` pages). */
  footer: string;
}

export interface FormGrid {
  kind: 'grid';
  template: FormCode;
  lang: Lang;
  /** The form's title (文案名称), e.g. 大客户信息档案表. */
  title: string;
  /** What the form is about, as it appears in the sheet name (`C01`, `S01 2025Q4`); null for none. */
  subject: string | null;
  /** Number of rows and columns used (the print area). */
  rows: number;
  cols: number;
  cells: FormCell[];
  styles: Record<StyleKey, FormStyle>;
  merges: FormMerge[];
  borders: FormBorder[];
  /** Excel character units, columns 1…cols. */
  columnWidths: number[];
  /** Points, rows 1…rows. */
  rowHeights: number[];
  print: PrintSetup;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function boxRef(box: Box): string {
  return `${a1(box.top, box.left)}:${a1(box.bottom, box.right)}`;
}

/** The font of every form: DengXian (等线, Excel's default CJK font) in Chinese, Calibri in English. */
export const FORM_FONTS: Readonly<Record<Lang, string>> = { zh: '等线', en: 'Calibri' };

const LABEL_FILL = 'F2F2F2';
const SECTION_FILL = 'D9E1F2';
const TEXT = '@';

/** The style table of the forms in a language (only the font name differs). */
export function formStyles(lang: Lang): Record<StyleKey, FormStyle> {
  const name = FORM_FONTS[lang];
  const style = (
    size: number,
    horizontal: FormStyle['horizontal'],
    options: { bold?: boolean; italic?: boolean; vertical?: FormStyle['vertical']; wrap?: boolean; numFmt?: string; fill?: string } = {},
  ): FormStyle => ({
    font: { name, size, bold: options.bold ?? false, italic: options.italic ?? false },
    horizontal,
    vertical: options.vertical ?? 'middle',
    wrap: options.wrap ?? true,
    indent: horizontal === 'center' ? 0 : 1,
    numFmt: options.numFmt ?? TEXT,
    fill: options.fill ?? null,
  });
  return {
    title: style(18, 'center', { bold: true, wrap: false }),
    meta: style(9, 'right', { wrap: false }),
    headerLabel: style(10, 'center', { bold: true, fill: LABEL_FILL }),
    headerValue: style(10, 'left'),
    section: style(11, 'left', { bold: true, fill: SECTION_FILL }),
    label: style(10, 'center', { bold: true, fill: LABEL_FILL }),
    text: style(10, 'left'),
    textTop: style(10, 'left', { vertical: 'top' }),
    center: style(10, 'center'),
    date: style(10, 'center', { numFmt: 'yyyy-mm-dd' }),
    amount: style(10, 'right', { numFmt: '#,##0.00' }),
    percent: style(10, 'right', { numFmt: '0.0%' }),
    score: style(10, 'right', { numFmt: '0.0' }),
    integer: style(10, 'center', { numFmt: '0' }),
    number: style(10, 'right', { numFmt: 'General' }),
    th: style(10, 'center', { bold: true, fill: LABEL_FILL }),
    check: style(12, 'center', { wrap: false }),
    note: style(9, 'left', { italic: true }),
    hand: style(10, 'left', { vertical: 'top' }),
    total: style(11, 'right', { bold: true, numFmt: '0.0' }),
    result: style(11, 'center', { bold: true }),
    signatureTitle: style(10, 'center', { bold: true, fill: LABEL_FILL }),
    signatureLine: style(10, 'left', { vertical: 'bottom' }),
  };
}
