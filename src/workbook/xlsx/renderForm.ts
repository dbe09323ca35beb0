/**
 * Draws a form's grid model (src/domain/forms) on a new worksheet of an ExcelJS workbook:
 * values, styles, merges, borders, column widths, row heights and the print setup (A4 portrait,
 * one page wide, print area, title rows repeated on every page, page-number footer).
 *
 * Text is written as a string cell: ExcelJS never takes a string for a formula, so user text
 * such as `=HYPERLINK("http://x")` stays text (SPEC §4, §5); text cells also carry the `@`
 * format, so the cell stays text when a person edits it in Excel.
 */
import type ExcelJS from 'exceljs';
import type { BorderEdge, FormGrid, FormStyle, LineStyle } from '../../domain/forms';

/** ExcelJS's paper size code for A4 (ECMA-376 ST_PaperSize 9). */
export const PAPER_SIZE_A4 = 9;

type Side = 'top' | 'bottom' | 'left' | 'right';
type CellBorders = Partial<Record<Side, LineStyle>>;

function excelStyle(style: FormStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: { name: style.font.name, size: style.font.size, bold: style.font.bold, italic: style.font.italic },
    alignment: { horizontal: style.horizontal, vertical: style.vertical, wrapText: style.wrap, ...(style.indent > 0 ? { indent: style.indent } : {}) },
    numFmt: style.numFmt,
  };
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill}` } };
  return out;
}

/** Each cell's four sides, from the grid's rectangles (later rectangles win, edge by edge). */
function cellBorders(grid: FormGrid): Map<string, { row: number; col: number; sides: CellBorders }> {
  const cells = new Map<string, { row: number; col: number; sides: CellBorders }>();
  const set = (row: number, col: number, side: Side, line: LineStyle | undefined) => {
    if (!line) return;
    const key = `${row},${col}`;
    let entry = cells.get(key);
    if (!entry) cells.set(key, (entry = { row, col, sides: {} }));
    entry.sides[side] = line;
  };
  for (const { box, edges } of grid.borders) {
    const e = edges as Partial<Record<BorderEdge, LineStyle>>;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        set(r, c, 'top', r === box.top ? e.top : e.insideHorizontal);
        set(r, c, 'bottom', r === box.bottom ? e.bottom : e.insideHorizontal);
        set(r, c, 'left', c === box.left ? e.left : e.insideVertical);
        set(r, c, 'right', c === box.right ? e.right : e.insideVertical);
      }
    }
  }
  return cells;
}

/**
 * ExcelJS writes the print area's defined name as `'Sheet'!$` + corner, so `A1:L30` would come
 * out as `$A1:$L30`, with relative rows; `A$1:L$30` gives the proper `$A$1:$L$30`.
 */
function absoluteRows(area: string): string {
  return area.replace(/([A-Z]+)(\d+)/g, '$1$$$2');
}

type SheetView = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };

/** Makes the sheet the one Excel opens on, with only its tab selected. */
function activate(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet): void {
  const index = workbook.worksheets.indexOf(sheet);
  const views = (workbook.views ?? []) as (ExcelJS.WorkbookView & { firstSheet?: number; activeTab?: number })[];
  const view = views[0] ?? { x: 0, y: 0, width: 28800, height: 15000, visibility: 'visible' };
  workbook.views = [{ ...view, activeTab: index, firstSheet: Math.min(view.firstSheet ?? 0, index) }, ...views.slice(1)] as ExcelJS.WorkbookView[];
  for (const ws of workbook.worksheets) {
    if (ws === sheet) continue;
    const own = (ws.views ?? []) as SheetView[];
    if (own.length > 0) ws.views = own.map((v, i) => (i === 0 ? { ...v, tabSelected: false } : v)) as unknown as ExcelJS.WorksheetView[];
  }
}

export interface RenderOptions {
  /** Make the new sheet the active one (default true); the WorkbookPort's addSheet leaves that to its activate step. */
  activate?: boolean;
}

/**
 * Adds the form as a new worksheet named `sheetName` (the caller makes it valid and unique:
 * formSheetName) and makes it the active sheet (unless `activate: false`). Returns the worksheet.
 */
export function renderFormSheet(workbook: ExcelJS.Workbook, grid: FormGrid, sheetName: string, options: RenderOptions = {}): ExcelJS.Worksheet {
  const p = grid.print;
  const active = options.activate ?? true;
  const ws = workbook.addWorksheet(sheetName, {
    views: [{ showGridLines: false, ...(active ? { tabSelected: true } : {}) } as SheetView as ExcelJS.WorksheetView],
    pageSetup: {
      paperSize: PAPER_SIZE_A4 as ExcelJS.PageSetup['paperSize'],
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: p.fitToHeight,
      horizontalCentered: p.horizontalCentered,
      margins: { ...p.margins },
      printArea: absoluteRows(p.area),
      printTitlesRow: p.titleRows.ref,
    },
    headerFooter: { oddFooter: p.footer, differentFirst: false, differentOddEven: false },
  });

  grid.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  grid.rowHeights.forEach((height, i) => (ws.getRow(i + 1).height = height));

  const styles = new Map(Object.entries(grid.styles).map(([key, style]) => [key, excelStyle(style)]));
  const styleOf = (key: string): Partial<ExcelJS.Style> => {
    const s = styles.get(key);
    if (!s) throw new Error(`form style ${key} is not in the grid's style table`);
    return s;
  };
  // Every cell of a merged area gets the master's style (copies: ExcelJS shares style objects).
  const mergeAt = new Map(grid.merges.map((m) => [`${m.box.top},${m.box.left}`, m.box]));
  for (const m of grid.merges) ws.mergeCells(m.box.top, m.box.left, m.box.bottom, m.box.right);
  for (const cell of grid.cells) {
    const style = styleOf(cell.style);
    const box = mergeAt.get(`${cell.row},${cell.col}`) ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) ws.getCell(r, c).style = structuredClone(style);
    }
 // A string is always a string cell: never a formula, whatever it starts with.
    ws.getCell(cell.row, cell.col).value = cell.value === null ? null : typeof cell.value === 'number' && !Number.isFinite(cell.value) ? null : cell.value;
  }

  for (const { row, col, sides } of cellBorders(grid).values()) {
    const style = structuredClone(ws.getCell(row, col).style ?? {});
    const border: Partial<ExcelJS.Borders> = { ...(style.border ?? {}) };
    for (const side of Object.keys(sides) as Side[]) border[side] = { style: sides[side] };
    ws.getCell(row, col).style = { ...style, border };
  }

  if (active) activate(workbook, ws);
  return ws;
}
