/**
 * From a form's declarative description (FormSpec: header values, then sections) to the grid
 * model. Every form shares one 12-column grid (A–L, 7.5 characters each, about 90 characters:
 * A4 portrait at 100 %), so the title, the header block (文案名称, 编号, 执行部门, 监督部门)
 * and the approval footer (编制/审核/批准 人员 and 日期) look the same on all seven.
 *
 * Row heights are estimated from the text (CJK characters count double): wrapped text grows
 * its row instead of being cut off on paper.
 */
import type { Lang } from '../i18n/messages';
import { Box, FormBorder, FormCell, FormGrid, FormMerge, FormStyle, LineStyle, StyleKey, boxRef, formStyles } from './grid';
import { word } from './labels';
import type { FormCode } from './templates';

/** How a value is shown: the style (alignment and number format) of its cell. */
export type Fmt = Extract<StyleKey, 'text' | 'center' | 'date' | 'amount' | 'percent' | 'score' | 'integer' | 'number' | 'check' | 'total' | 'result'>;

export interface Typed {
  value: string | number | null;
  fmt: Fmt;
}
/** A cell's content: text, a number (General), blank, or a value with its format. */
export type Value = string | number | null | Typed;

export interface Field {
  label: string;
  value: Value;
}

export interface TableColumn {
  header: string;
  /** Grid columns the column covers; a table's spans add up to 12. */
  span: number;
  /** The format of the column's plain values (a Typed value keeps its own). */
  fmt?: Fmt;
}

export type Section =
  /** A shaded bar naming what follows. */
  | { kind: 'heading'; text: string }
  /** Label/value pairs: one field fills the row, two share it. */
  | { kind: 'fields'; rows: Field[][] }
  /** A bordered list with a header row; blank ruled rows fill it up to `minRows`. */
  | { kind: 'table'; columns: TableColumn[]; rows: Value[][]; minRows?: number; emptyText?: string; rowHeight?: number }
  /** A label and an area: the text when there is one, else ruled lines to write on. */
  | { kind: 'writeIn'; label: string; text?: string | null; lines: number }
  /** Boxes side by side, each with its title, room for a comment, and ruled lines (签字, 日期). */
  | { kind: 'signatures'; boxes: string[]; lines: string[]; commentLines: number }
  /** A line of small print. */
  | { kind: 'note'; text: string };

export interface FormSpec {
  template: FormCode;
  lang: Lang;
  title: string;
  /** For the sheet name: `C01`, `S01 2025Q4`. */
  subject: string | null;
  /** 编号. */
  number: string;
  /** 执行部门 and 监督部门. */
  executing: string;
  supervising: string;
  /** The small line under the header block (data as of, period). */
  meta: string;
  sections: Section[];
}

export const GRID_COLUMNS = 12;
const COLUMN_WIDTH = 7.5;
/** Points. */
const ROW = 17;
const WRITE_LINE = 20;
const TITLE_ROW = 30;
const HEADER_ROW = 20;
const APPROVAL_ROW = 24;
const SPACER = 8;

/** Collects cells, merges and borders row by row. */
class Sheet {
  readonly cells: FormCell[] = [];
  readonly merges: FormMerge[] = [];
  readonly borders: FormBorder[] = [];
  readonly heights: number[] = [];
  /** Cells of wrapped text, whose rows may need more height than they have. */
  private readonly fits: { row: number; rows: number; span: number; width: number; text: string; size: number; indent: number }[] = [];
  private readonly widths: number[];

  constructor(readonly styles: ReturnType<typeof formStyles>) {
    this.widths = new Array(GRID_COLUMNS).fill(COLUMN_WIDTH);
  }

  get columnWidths(): number[] {
    return [...this.widths];
  }

  /** A new row of the given height; returns its number. */
  row(height = ROW): number {
    this.heights.push(height);
    return this.heights.length;
  }

  rows(count: number, height = ROW): number {
    const first = this.heights.length + 1;
    for (let i = 0; i < count; i++) this.row(height);
    return first;
  }

  /** A value over columns left…left+span-1 and rows top…top+rowSpan-1 (merged when more than one cell). */
  put(top: number, left: number, span: number, value: Value, fmt: StyleKey = 'text', rowSpan = 1): void {
    const typed = typedOf(value, fmt);
    const style = typed.fmt;
    this.cells.push({ row: top, col: left, value: typed.value, style });
    const box = { top, left, bottom: top + rowSpan - 1, right: left + span - 1 };
    if (span > 1 || rowSpan > 1) this.merges.push({ ref: boxRef(box), box });
    if (typeof typed.value === 'string' && this.styles[style].wrap) {
      const width = this.widths.slice(left - 1, left - 1 + span).reduce((a, b) => a + b, 0);
      const { font, indent } = this.styles[style];
      this.fits.push({ row: top, rows: rowSpan, span, width, text: typed.value, size: font.size, indent });
    }
  }

  border(box: Box, edges: FormBorder['edges']): void {
    this.borders.push({ ref: boxRef(box), box, edges });
  }

  /** Thin lines around and between every cell of the box. */
  grid(box: Box, inside: LineStyle = 'thin'): void {
    this.border(box, { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin', insideHorizontal: inside, insideVertical: 'thin' });
  }

  /** Grows rows to the estimated height of their wrapped text (rows spanned share the need). */
  fit(): void {
    for (const f of this.fits) {
      const room = cellRoom(f.width, f.span, f.indent);
      const lines = wrappedLines(f.text, room, (f.size * 4) / 3);
      const need = lines * lineHeight(f.size) + 4;
      const rows = Array.from({ length: f.rows }, (_, i) => f.row + i);
      const have = rows.reduce((sum, r) => sum + this.heights[r - 1], 0);
      if (need > have) {
        const extra = (need - have) / rows.length;
        for (const r of rows) this.heights[r - 1] = round(this.heights[r - 1] + extra);
      }
    }
  }
}

const round = (n: number) => Math.ceil(n * 4) / 4;

function lineHeight(size: number): number {
  return size * 1.35;
}

/** Wide characters (CJK, full-width forms, box-drawing and ballot boxes) take two columns. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x2500 && code <= 0x25ff) ||
    code >= 0x20000
  );
}

/**
 * Pixels (at 96 dpi) of an Excel column: a width of w characters is w × 7 px plus 5 px of
 * padding in the default 11 pt font. A cell keeps about 2 px of margin on each side; an indent
 * level takes about 9 px.
 */
const PX_PER_CHAR = 7;
const COLUMN_PADDING_PX = 5;
const CELL_PADDING_PX = 4;
const INDENT_PX = 9;

/** Pixels for text in a cell `width` characters wide over `span` columns. */
function cellRoom(width: number, span: number, indent: number): number {
  return width * PX_PER_CHAR + COLUMN_PADDING_PX * span - CELL_PADDING_PX - INDENT_PX * indent;
}

/** Width of text in em (the font size): CJK and full-width 1 em; Latin letters and digits about 0.6 em. */
function textEm(s: string): number {
  let w = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (isWide(code)) w += 1;
    else if (/[A-Z@%#&MWmw]/.test(ch)) w += 0.75;
    else if (/[\s.,:;'|!il]/.test(ch)) w += 0.3;
    else w += 0.6;
  }
  return w;
}

/**
 * Lines the text takes in a cell `widthPx` wide with an em of `emPx` (greedy wrap: words, or
 * any CJK character; explicit line breaks kept). A generous estimate: hosts' fonts differ.
 */
export function wrappedLines(text: string, widthPx: number, emPx: number): number {
  const room = Math.max(1, widthPx);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffe6]|[^\s\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffe6]+|\s+/g) ?? [];
    let line = 0;
    let count = 1;
    for (const token of tokens) {
      // Rounded: a sum of 0.6 em steps must not spill onto a line of its own.
      const w = Math.round(textEm(token) * emPx * 1000) / 1000;
      if (/^\s+$/.test(token)) {
        line += w;
        continue;
      }
      if (line + w <= room) {
        line += w;
        continue;
      }
      if (line > 0) count++;
      // A word longer than the line is broken across lines.
      count += Math.max(0, Math.ceil(w / room) - 1);
      line = w % room || room;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** A plain number in a text column is a General number; a Typed value keeps its own style. */
function typedOf(value: Value, fmt: StyleKey): { value: string | number | null; fmt: StyleKey } {
  if (value !== null && typeof value === 'object') return { value: value.value, fmt: value.fmt };
  if (typeof value === 'number' && (fmt === 'text' || fmt === 'center')) return { value, fmt: 'number' };
  return { value, fmt };
}

/** The spans of the header block and of two fields sharing a row: label 2, value 4. */
const HALF = [
  { label: 1, value: 3, width: 4 },
  { label: 7, value: 9, width: 4 },
] as const;

function heading(s: Sheet, text: string): void {
  const r = s.row(20);
  s.put(r, 1, GRID_COLUMNS, text, 'section');
  s.grid({ top: r, left: 1, bottom: r, right: GRID_COLUMNS });
}

function fields(s: Sheet, rows: Field[][]): void {
  if (rows.length === 0) return;
  const first = s.heights.length + 1;
  for (const row of rows) {
    const r = s.row();
    if (row.length === 1) {
      s.put(r, 1, 2, row[0].label, 'label');
      s.put(r, 3, GRID_COLUMNS - 2, row[0].value);
      continue;
    }
    row.slice(0, 2).forEach((f, i) => {
      s.put(r, HALF[i].label, 2, f.label, 'label');
      s.put(r, HALF[i].value, HALF[i].width, f.value);
    });
  }
  s.grid({ top: first, left: 1, bottom: s.heights.length, right: GRID_COLUMNS });
}

function table(s: Sheet, section: Extract<Section, { kind: 'table' }>): void {
  const spans = section.columns.reduce((n, c) => n + c.span, 0);
  if (spans !== GRID_COLUMNS) throw new Error(`form table columns cover ${spans} grid columns, not ${GRID_COLUMNS}`);
  const head = s.row(20);
  let col = 1;
  for (const c of section.columns) {
    s.put(head, col, c.span, c.header, 'th');
    col += c.span;
  }
  const rows: (Value[] | 'empty' | 'blank')[] = section.rows.length > 0 ? [...section.rows] : section.emptyText ? ['empty'] : [];
  while (rows.length < (section.minRows ?? 0)) rows.push('blank');
  for (const row of rows) {
    const r = s.row(section.rowHeight ?? ROW);
    if (row === 'empty') {
      s.put(r, 1, GRID_COLUMNS, section.emptyText ?? '', 'center');
      continue;
    }
    col = 1;
    section.columns.forEach((c, i) => {
      const value = row === 'blank' ? null : (row[i] ?? null);
      s.put(r, col, c.span, value, c.fmt ?? 'text');
      col += c.span;
    });
  }
  s.grid({ top: head, left: 1, bottom: s.heights.length, right: GRID_COLUMNS });
}

function writeIn(s: Sheet, section: Extract<Section, { kind: 'writeIn' }>): void {
  const lines = Math.max(1, section.lines);
  const text = section.text ?? null;
  const top = s.rows(lines, WRITE_LINE);
  const bottom = top + lines - 1;
  s.put(top, 1, 2, section.label, 'label', lines);
  if (text !== null && text !== '') {
    s.put(top, 3, GRID_COLUMNS - 2, text, 'textTop', lines);
    s.grid({ top, left: 1, bottom, right: GRID_COLUMNS });
    return;
  }
  // Ruled blanks: one merged line per row, dotted lines between them to write on.
  for (let r = top; r <= bottom; r++) s.put(r, 3, GRID_COLUMNS - 2, null, 'hand');
  s.grid({ top, left: 1, bottom, right: GRID_COLUMNS }, 'dotted');
}

function signatures(s: Sheet, section: Extract<Section, { kind: 'signatures' }>): void {
  const n = section.boxes.length;
  const width = Math.floor(GRID_COLUMNS / n);
  const title = s.row(22);
  const comment = section.commentLines > 0 ? s.rows(section.commentLines, WRITE_LINE) : null;
  const lineRows = section.lines.map(() => s.row(24));
  const bottom = s.heights.length;
  section.boxes.forEach((name, i) => {
    const left = 1 + i * width;
    const right = i === n - 1 ? GRID_COLUMNS : left + width - 1;
    s.put(title, left, right - left + 1, name, 'signatureTitle');
    if (comment !== null) s.put(comment, left, right - left + 1, null, 'hand', section.commentLines);
    section.lines.forEach((label, j) => {
      // The label takes the columns its text needs on one line, the ruled line the rest.
      const labelSpan = spanFor(label, s.styles.signatureLine, right - left);
      s.put(lineRows[j], left, labelSpan, label, 'signatureLine');
      s.put(lineRows[j], left + labelSpan, right - left + 1 - labelSpan, null, 'signatureLine');
      s.border({ top: lineRows[j], left: left + labelSpan, bottom: lineRows[j], right }, { bottom: 'dotted' });
    });
    s.border({ top: title, left, bottom: title, right }, { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' });
    s.border({ top: title, left, bottom, right }, { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' });
  });
}

/** The fewest grid columns (at most `max`) that hold the text on one line. */
function spanFor(text: string, style: FormStyle, max: number): number {
  for (let span = 1; span < max; span++) {
    if (wrappedLines(text, cellRoom(span * COLUMN_WIDTH, span, style.indent), (style.font.size * 4) / 3) === 1) return span;
  }
  return max;
}

function note(s: Sheet, text: string): void {
  const r = s.row(16);
  s.put(r, 1, GRID_COLUMNS, text, 'note');
}

/** The title, the header block and the meta line: rows 1–4; rows 1–3 repeat on every page. */
function header(s: Sheet, spec: FormSpec): number {
  const t = s.row(TITLE_ROW);
  s.put(t, 1, GRID_COLUMNS, spec.title, 'title');
  const w = (key: Parameters<typeof word>[0]) => word(key, spec.lang);
  const r1 = s.row(HEADER_ROW);
  s.put(r1, 1, 2, w('documentName'), 'headerLabel');
  s.put(r1, 3, 4, spec.title, 'headerValue');
  s.put(r1, 7, 2, w('documentNumber'), 'headerLabel');
  s.put(r1, 9, 4, spec.number, 'headerValue');
  const r2 = s.row(HEADER_ROW);
  s.put(r2, 1, 2, w('executingDepartment'), 'headerLabel');
  s.put(r2, 3, 4, spec.executing, 'headerValue');
  s.put(r2, 7, 2, w('supervisingDepartment'), 'headerLabel');
  s.put(r2, 9, 4, spec.supervising, 'headerValue');
  s.grid({ top: r1, left: 1, bottom: r2, right: GRID_COLUMNS });
  const m = s.row(16);
  s.put(m, 1, GRID_COLUMNS, spec.meta, 'meta');
  return r2;
}

/** 编制人员/审核人员/批准人员 and their dates, with blanks to sign and date by hand. */
function approvals(s: Sheet, lang: Lang): void {
  s.row(SPACER);
  const people = s.row(APPROVAL_ROW);
  const dates = s.row(APPROVAL_ROW);
  const pairs = [
    ['preparedBy', 'preparedOn'],
    ['reviewedBy', 'reviewedOn'],
    ['approvedBy', 'approvedOn'],
  ] as const;
  pairs.forEach(([who, when], i) => {
    const left = 1 + i * 4;
    s.put(people, left, 2, word(who, lang), 'label');
    s.put(people, left + 2, 2, null, 'hand');
    s.put(dates, left, 2, word(when, lang), 'label');
    s.put(dates, left + 2, 2, null, 'hand');
  });
  s.grid({ top: people, left: 1, bottom: dates, right: GRID_COLUMNS });
}

/** Lays a form out on the grid. */
export function layoutForm(spec: FormSpec): FormGrid {
  const styles = formStyles(spec.lang);
  const s = new Sheet(styles);
  const titleRowsEnd = header(s, spec);
  for (const section of spec.sections) {
    switch (section.kind) {
      case 'heading':
        heading(s, section.text);
        break;
      case 'fields':
        fields(s, section.rows);
        break;
      case 'table':
        table(s, section);
        break;
      case 'writeIn':
        writeIn(s, section);
        break;
      case 'signatures':
        signatures(s, section);
        break;
      case 'note':
        note(s, section.text);
        break;
    }
  }
  approvals(s, spec.lang);
  s.fit();
  const rows = s.heights.length;
  const area = { top: 1, left: 1, bottom: rows, right: GRID_COLUMNS };
  return {
    kind: 'grid',
    template: spec.template,
    lang: spec.lang,
    title: spec.title,
    subject: spec.subject,
    rows,
    cols: GRID_COLUMNS,
    cells: s.cells,
    styles,
    merges: s.merges,
    borders: s.borders,
    columnWidths: s.columnWidths,
    rowHeights: [...s.heights],
    print: {
      area: boxRef(area),
      titleRows: { first: 1, last: titleRowsEnd, ref: `1:${titleRowsEnd}` },
      orientation: 'portrait',
      paperSize: 'A4',
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.55, bottom: 0.55, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
      footer: word('pageFooter', spec.lang),
    },
  };
}
