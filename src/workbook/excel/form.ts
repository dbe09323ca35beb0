/**
 * The `addSheet` step on Office.js: a form's grid (src/domain/forms/grid.ts) drawn on a new
 * worksheet as queued commands, never a sync of its own — `apply` sends them with the rest of the
 * plan (one sync for a form). The same sheet as the ExcelJS renderer (src/workbook/xlsx/renderForm.ts):
 *
 * - number formats, then values, each as ONE 2-D block over the used rectangle: a text cell is
 *   formatted `@` before its value arrives, and text Excel would not keep as typed (`=…`, digits,
 *   dates) also goes with the apostrophe prefix (cells.ts), so user text is never a formula;
 * - merges after the values (only the upper-left cell of an area holds one, so nothing is lost);
 * - fonts, alignment, wrap, indent and fill set once per style on all the blocks of that style
 *   together (Worksheet.getRanges, ExcelApi 1.9), skipping what a new sheet already has (not
 *   bold, not italic, no wrap, no indent, no fill, bottom-aligned);
 * - borders rectangle by rectangle in the grid's order (a later line over an earlier one wins);
 * - column widths and row heights by runs of equal values; the page setup (ExcelApi 1.9).
 */
import type { BorderEdge, Box, FormGrid, FormStyle, LineStyle, StyleKey } from '../../domain/forms/grid';
import { columnLetters } from '../../domain/columnLetters';
import { boxRef } from '../../domain/forms/grid';
import type { WriteStep } from '../port';
import type { XlBorderIndex, XlRangeFormat, XlWorkbook, XlWorksheet } from './api';
import { toExcel } from './cells';
import { WriteOp, blockOps, op, pointsFromWidth } from './ops';

/**
 * The longest address given to one `getRanges` call. Excel documents no limit; addresses of
 * about 8,200 characters have failed (office-js issue #5198), and VBA's Range() takes 255:
 * longer lists of blocks are cut into several calls.
 */
export const MAX_AREAS_ADDRESS = 255;

/** Inches → points (Office.js margins), to the hundredth. */
const points = (inches: number) => Math.round(inches * 72 * 100) / 100;

const HORIZONTAL: Record<FormStyle['horizontal'], Excel.RangeFormat['horizontalAlignment']> = { left: 'Left', center: 'Center', right: 'Right' };
const VERTICAL: Record<FormStyle['vertical'], Excel.RangeFormat['verticalAlignment']> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };
const BORDER_INDEX: Record<BorderEdge, XlBorderIndex> = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
  insideHorizontal: 'InsideHorizontal',
  insideVertical: 'InsideVertical',
};
/** xlsx line styles as Excel's API draws them: dotted is a thin Dot line. */
const LINES: Record<LineStyle, { style: Excel.RangeBorder['style']; weight: Excel.RangeBorder['weight'] }> = {
  thin: { style: 'Continuous', weight: 'Thin' },
  medium: { style: 'Continuous', weight: 'Medium' },
  dotted: { style: 'Dot', weight: 'Thin' },
};

/** Each grid cell's box: its merged area when it is the area's upper-left cell, else itself. */
function cellBoxes(grid: FormGrid): { box: Box; style: StyleKey }[] {
  const mergeAt = new Map(grid.merges.map((m) => [`${m.box.top},${m.box.left}`, m.box]));
  return grid.cells.map((c) => ({ box: mergeAt.get(`${c.row},${c.col}`) ?? { top: c.row, left: c.col, bottom: c.row, right: c.col }, style: c.style }));
}

/** The number formats and values of the used rectangle (rows × cols from A1), as Excel takes them. */
function blocks(grid: FormGrid): { formats: string[][]; values: (string | number | boolean)[][] } {
  const formats = Array.from({ length: grid.rows }, () => new Array<string>(grid.cols).fill('General'));
  const values = Array.from({ length: grid.rows }, () => new Array<string | number | boolean>(grid.cols).fill(''));
  for (const { box, style } of cellBoxes(grid)) {
    const numFmt = grid.styles[style].numFmt;
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) formats[r - 1][c - 1] = numFmt;
  }
  for (const cell of grid.cells) values[cell.row - 1][cell.col - 1] = toExcel(cell.value);
  return { formats, values };
}

/** Boxes joined where they line up: side by side on the same rows, then one above the other. */
export function coalesce(boxes: readonly Box[]): Box[] {
  const rowsFirst = [...boxes].sort((a, b) => a.top - b.top || a.bottom - b.bottom || a.left - b.left);
  const across: Box[] = [];
  for (const b of rowsFirst) {
    const last = across[across.length - 1];
    if (last && last.top === b.top && last.bottom === b.bottom && last.right + 1 === b.left) last.right = b.right;
    else across.push({ ...b });
  }
  const columnsFirst = across.sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const down: Box[] = [];
  for (const b of columnsFirst) {
    const last = down[down.length - 1];
    if (last && last.left === b.left && last.right === b.right && last.bottom + 1 === b.top) last.bottom = b.bottom;
    else down.push({ ...b });
  }
  return down;
}

/** `A1:B2,D4` lists of at most `max` characters (a box alone is never cut). */
export function addressLists(boxes: readonly Box[], max = MAX_AREAS_ADDRESS): string[] {
  const lists: string[] = [];
  let current = '';
  for (const b of boxes) {
    const ref = b.top === b.bottom && b.left === b.right ? `${columnLetters(b.left)}${b.top}` : boxRef(b);
    if (current !== '' && current.length + 1 + ref.length > max) {
      lists.push(current);
      current = '';
    }
    current = current === '' ? ref : `${current},${ref}`;
  }
  if (current !== '') lists.push(current);
  return lists;
}

/** The style's look on a format object; what a new sheet already has is left out. */
function applyStyle(format: XlRangeFormat, style: FormStyle): void {
  format.font.name = style.font.name;
  format.font.size = style.font.size;
  if (style.font.bold) format.font.bold = true;
  if (style.font.italic) format.font.italic = true;
  format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== 'bottom') format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap) format.wrapText = true;
  // After the alignment: Excel indents left- and right-aligned text only.
  if (style.indent > 0) format.indentLevel = style.indent;
  if (style.fill) format.fill.color = `#${style.fill}`;
}

/** Runs of equal values: [first index, last index, value] (0-based). */
function runs(values: readonly number[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (last && last[2] === v && last[1] === i - 1) last[1] = i;
    else out.push([i, i, v]);
  });
  return out;
}

/** An xlsx header/footer (`&Ltext&Ccentre&Rright`) → its three sections; text before any code is centred. */
export function footerSections(codes: string): { left: string; center: string; right: string } {
  const out = { left: '', center: '', right: '' };
  let section: keyof typeof out = 'center';
  for (let i = 0; i < codes.length; i++) {
    const ch = codes[i];
    const next = codes[i + 1];
    if (ch === '&' && next !== undefined && /[LCR]/.test(next)) {
      section = next === 'L' ? 'left' : next === 'C' ? 'center' : 'right';
      i++;
      continue;
    }
    if (ch === '&' && next !== undefined) {
      // Any other code (&P, &N, &&…) stays in the section as written.
      out[section] += ch + next;
      i++;
      continue;
    }
    out[section] += ch;
  }
  return out;
}

/** The commands drawing the form on a new sheet, to be sent with the rest of the plan. */
export function addSheetOps(step: Extract<WriteStep, { kind: 'addSheet' }>, budgetBytes: number): WriteOp[] {
  const { sheetName, grid } = step;
  const sheet = (wb: XlWorkbook): XlWorksheet => wb.worksheets.getItem(sheetName);
  const ops: WriteOp[] = [
    op((wb) => {
      wb.worksheets.add(sheetName);
      sheet(wb).showGridlines = false;
    }),
  ];

  // Formats before values: Excel takes a value by its cell's format, and `@` keeps text as typed.
  const { formats, values } = blocks(grid);
  if (grid.rows > 0 && grid.cols > 0) {
    ops.push(...blockOps(sheetName, 0, 0, formats, 'numberFormat', budgetBytes));
    ops.push(...blockOps(sheetName, 0, 0, values, 'values', budgetBytes));
  }
  for (const m of grid.merges) ops.push(op((wb) => sheet(wb).getRange(m.ref).merge(false)));

  // One getRanges per style (and per 255 characters of its blocks).
  const byStyle = new Map<StyleKey, Box[]>();
  for (const { box, style } of cellBoxes(grid)) byStyle.set(style, [...(byStyle.get(style) ?? []), box]);
  for (const [key, boxes] of byStyle) {
    const style = grid.styles[key];
    for (const address of addressLists(coalesce(boxes))) ops.push(op((wb) => applyStyle(sheet(wb).getRanges(address).format, style), 1024 + address.length));
  }

  for (const { ref, box, edges } of grid.borders) {
    const oneRow = box.top === box.bottom;
    const oneColumn = box.left === box.right;
    ops.push(
      op((wb) => {
        const borders = sheet(wb).getRange(ref).format.borders;
        for (const edge of Object.keys(edges) as BorderEdge[]) {
          const line = edges[edge];
          // Lines inside need two rows (columns) to lie between.
          if (!line || (edge === 'insideHorizontal' && oneRow) || (edge === 'insideVertical' && oneColumn)) continue;
          const item = borders.getItem(BORDER_INDEX[edge]);
          item.style = LINES[line].style;
          item.weight = LINES[line].weight;
        }
      }, 2048),
    );
  }

  for (const [first, last, width] of runs(grid.columnWidths)) {
    ops.push(op((wb) => (sheet(wb).getRange(`${columnLetters(first + 1)}:${columnLetters(last + 1)}`).format.columnWidth = pointsFromWidth(width))));
  }
  for (const [first, last, height] of runs(grid.rowHeights)) ops.push(op((wb) => (sheet(wb).getRange(`${first + 1}:${last + 1}`).format.rowHeight = height)));

  const p = grid.print;
  const footer = footerSections(p.footer);
  ops.push(
    op((wb) => {
      const layout = sheet(wb).pageLayout;
      layout.orientation = p.orientation === 'portrait' ? 'Portrait' : 'Landscape';
      layout.paperSize = p.paperSize;
      layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
      layout.leftMargin = points(p.margins.left);
      layout.rightMargin = points(p.margins.right);
      layout.topMargin = points(p.margins.top);
      layout.bottomMargin = points(p.margins.bottom);
      layout.headerMargin = points(p.margins.header);
      layout.footerMargin = points(p.margins.footer);
      layout.centerHorizontally = p.horizontalCentered;
      layout.setPrintArea(p.area);
      layout.setPrintTitleRows(`$${p.titleRows.first}:$${p.titleRows.last}`);
      const page = layout.headersFooters.defaultForAllPages;
      if (footer.left) page.leftFooter = footer.left;
      if (footer.center) page.centerFooter = footer.center;
      if (footer.right) page.rightFooter = footer.right;
    }, 4096),
  );
  return ops;
}
