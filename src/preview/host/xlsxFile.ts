/**
 * .xlsx files in and out of the preview. Opening reads the file with the package reader the
 * `kam` command uses (src/workbook/xlsx/package, fflate in the browser): the same limits refuse
 * a hostile file in the same words, and the cells hold the same values, tables the same ranges.
 * What the simulator shows besides (number formats, fonts, fills, borders, column widths, row
 * heights, frozen rows, merges, list dropdowns, formulas' text) comes from ExcelJS, loaded only
 * when a file is opened or saved, over the cells the file has (never a dense rows × columns
 * walk). Saving writes the simulator back with ExcelJS. Nothing leaves the machine: the file is
 * read from the disk the user picks and handed back as a download.
 */
import type ExcelJSType from 'exceljs';
import type { CellValue } from '../../domain/cells';
import { serialFromDate } from '../../domain/dates';
import { XlsxPackage, normalizePackage } from '../../workbook/xlsx';
import { SimCell, SimLine, SimRule, SimSheet, SimWorkbook } from '../simulator';
import { columnName, formatRect, parseAddress } from '../simulator/address';

type ExcelJS = typeof ExcelJSType;

async function excelJs(): Promise<ExcelJS> {
  const m = (await import(/* webpackChunkName: "exceljs" */ 'exceljs')) as unknown as { default?: ExcelJS } & ExcelJS;
  return m.default ?? m;
}

/** xlsx width (characters) ↔ points (Calibri 11: 7-pixel digits, 5 pixels of padding). */
const pointsOfWidth = (chars: number) => Math.trunc(((256 * chars + 18) / 256) * 7) * 0.75;
const widthOfPoints = (points: number) => Math.max(0, Math.round((((points * 4) / 3 - 5) / 7) * 100) / 100);

function simValue(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return serialFromDate(v);
  return v;
}

/** An ExcelJS list validation as Office.js would report it. */
function simRule(dv: ExcelJSType.DataValidation | undefined): SimRule | undefined {
  if (!dv || dv.type !== 'list' || !dv.formulae?.[0]) return undefined;
  const f = String(dv.formulae[0]);
  const source = f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : `=${f}`;
  return { list: { inCellDropDown: true, source } };
}

/** The rows ExcelJS holds (styled empty ones too), without creating any: index 0 is row 1. */
const storedRows = (ws: ExcelJSType.Worksheet) => (ws as unknown as { _rows: (ExcelJSType.Row | undefined)[] })._rows;

/** The cells ExcelJS holds (styled empty ones too), in order, without creating any. */
function eachStoredCell(ws: ExcelJSType.Worksheet, visit: (cell: ExcelJSType.Cell, r: number, c: number) => void): void {
  storedRows(ws).forEach((row, r) => {
    (row as unknown as { _cells: (ExcelJSType.Cell | undefined)[] } | undefined)?._cells.forEach((cell, c) => cell && visit(cell, r + 1, c + 1));
  });
}

/**
 * Opens an .xlsx (its bytes) as a simulated workbook. A file the package reader refuses throws
 * its LimitError or PackageError (cli/refusal.ts says it in the user's language).
 */
export async function workbookFromXlsx(data: ArrayBuffer): Promise<{ workbook: SimWorkbook; warnings: string[] }> {
  const pkg = XlsxPackage.open(new Uint8Array(data));
  const wb = new SimWorkbook();
  const warnings: string[] = [];
  for (const info of pkg.sheets) {
    if (!info.part) continue;
    const sheet = wb.addSheet(info.name);
    for (const [r, row] of pkg.sheetCells(info).rows) {
      row.cols.forEach((c, i) => {
        const value = simValue(row.values[i]);
        if (value !== '') sheet.touch(r - 1, c - 1).value = value;
      });
    }
  }
  const book = await presentation(data);
  if (!book.ok) warnings.push(book.warning);
  else takePresentation(book.book, wb);
  for (const t of pkg.tables) {
    try {
      const table = wb.addTableAt(t.sheet.name, `${columnName(t.ref.left - 1)}${t.ref.top}:${columnName(t.ref.right - 1)}${t.ref.bottom}`, t.name);
      if (t.headerRowCount === 0) table.showHeaders = false;
      if (t.totalsRowCount > 0) table.showTotals = true;
    } catch (e) {
      warnings.push(`${t.sheet.name}: ${t.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { workbook: wb, warnings };
}

/**
 * The file as ExcelJS reads it, for what the simulator shows beside the values. ExcelJS fails
 * on some files other programs write (drawings, comments it does not expect): then the workbook
 * opens with its values and tables, and a warning says the formats were left out.
 */
async function presentation(data: ArrayBuffer): Promise<{ ok: true; book: ExcelJSType.Workbook } | { ok: false; warning: string }> {
  try {
    const Excel = await excelJs();
    const book = new Excel.Workbook();
    await book.xlsx.load((await normalizePackage(data)) as unknown as ExcelJSType.Buffer);
    return { ok: true, book };
  } catch (e) {
    return { ok: false, warning: `formats not shown (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Number formats, styles, widths, heights, frozen rows, merges, dropdowns and formulas. */
function takePresentation(book: ExcelJSType.Workbook, wb: SimWorkbook): void {
  for (const ws of book.worksheets) {
    const sheet = wb.sheets.find((s) => s.name === ws.name);
    if (!sheet) continue;
    // Empty cells too: the formats below a table are there for the next rows people type.
    eachStoredCell(ws, (cell, r, c) => {
      // ExcelJS reports a merged area's value on each of its cells; only the first holds it.
      const covered = cell.isMerged && cell.master.address !== cell.address;
      const formula = covered ? undefined : (cell.value as { formula?: string } | null)?.formula;
      const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
      const styled = !!(cell.font || cell.alignment || cell.border || (cell.fill as { pattern?: string } | undefined)?.pattern === 'solid');
      if (!formula && !numFmt && !styled) return;
      const target = sheet.touch(r - 1, c - 1);
      if (formula) target.formula = `=${formula}`;
      if (numFmt) target.numberFormat = numFmt;
      if (styled) takeStyle(target, cell);
    });
    (ws.columns ?? []).forEach((col, i) => {
      if (col && typeof col.width === 'number') sheet.columnWidths.set(i, pointsOfWidth(col.width));
    });
    const view = ws.views?.[0] as { state?: string; ySplit?: number; showGridLines?: boolean } | undefined;
    if (view?.state === 'frozen' && view.ySplit) sheet.frozenRows = view.ySplit;
    if (view?.showGridLines === false) sheet.showGridlines = false;
    storedRows(ws).forEach((row, r) => {
      if (row?.height && Math.abs(row.height - 15) > 0.01) sheet.rowHeights.set(r, row.height);
    });
    for (const range of (ws as unknown as { model: { merges?: string[] } }).model.merges ?? []) {
      try {
        sheet.merges.push(parseAddress(range).rect);
      } catch {
        // not an address: left out of the preview
      }
    }
    const model = (ws as unknown as { dataValidations?: { model: Record<string, ExcelJSType.DataValidation | undefined> } }).dataValidations?.model ?? {};
    for (const [address, dv] of Object.entries(model)) {
      const rule = simRule(dv);
      if (!rule) continue;
      try {
        const { rect } = parseAddress(address);
        for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) sheet.touch(r, c).validation = rule;
      } catch {
        // a validation key that is not an address: left out of the preview
      }
    }
  }
  const active = (book.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  if (active !== undefined && wb.sheets[active]) wb.activeSheet = wb.sheets[active];
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const hex = (c: Partial<ExcelJSType.Color> | undefined) => (c?.argb && /^[0-9A-F]{8}$/i.test(c.argb) ? `#${c.argb.slice(2).toUpperCase()}` : undefined);

const BORDER_OUT: Record<SimLine['style'], Record<SimLine['weight'], ExcelJSType.BorderStyle>> = {
  Continuous: { Hairline: 'hair', Thin: 'thin', Medium: 'medium', Thick: 'thick' },
  Dash: { Hairline: 'dashed', Thin: 'dashed', Medium: 'mediumDashed', Thick: 'mediumDashed' },
  DashDot: { Hairline: 'dashDot', Thin: 'dashDot', Medium: 'mediumDashDot', Thick: 'mediumDashDot' },
  DashDotDot: { Hairline: 'dashDotDot', Thin: 'dashDotDot', Medium: 'mediumDashDotDot', Thick: 'mediumDashDotDot' },
  Dot: { Hairline: 'dotted', Thin: 'dotted', Medium: 'dotted', Thick: 'dotted' },
  Double: { Hairline: 'double', Thin: 'double', Medium: 'double', Thick: 'double' },
  SlantDashDot: { Hairline: 'slantDashDot', Thin: 'slantDashDot', Medium: 'slantDashDot', Thick: 'slantDashDot' },
};
const BORDER_IN: Partial<Record<ExcelJSType.BorderStyle, Pick<SimLine, 'style' | 'weight'>>> = {
  hair: { style: 'Continuous', weight: 'Hairline' },
  thin: { style: 'Continuous', weight: 'Thin' },
  medium: { style: 'Continuous', weight: 'Medium' },
  thick: { style: 'Continuous', weight: 'Thick' },
  dashed: { style: 'Dash', weight: 'Thin' },
  mediumDashed: { style: 'Dash', weight: 'Medium' },
  dotted: { style: 'Dot', weight: 'Thin' },
  double: { style: 'Double', weight: 'Thick' },
  dashDot: { style: 'DashDot', weight: 'Thin' },
  dashDotDot: { style: 'DashDotDot', weight: 'Thin' },
};
const H_OUT: Record<string, ExcelJSType.Alignment['horizontal']> = { Left: 'left', Center: 'center', Right: 'right', Fill: 'fill', Justify: 'justify', CenterAcrossSelection: 'centerContinuous', Distributed: 'distributed' };
const V_OUT: Record<string, ExcelJSType.Alignment['vertical']> = { Top: 'top', Center: 'middle', Bottom: 'bottom', Justify: 'justify', Distributed: 'distributed' };
const invert = <K extends string, V extends string | undefined>(m: Record<K, V>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<string, K>;
const H_IN = invert(H_OUT);
const V_IN = invert(V_OUT);

/** A cell's fonts, alignment, fill and borders as an ExcelJS style (undefined: none). */
function styleOf(cell: SimCell): Partial<ExcelJSType.Style> | undefined {
  const f = cell.format;
  const b = cell.borders;
  if (!f && !b) return undefined;
  const style: Partial<ExcelJSType.Style> = {};
  if (f?.font) style.font = { name: f.font.name, size: f.font.size, bold: f.font.bold, italic: f.font.italic };
  if (f?.horizontalAlignment || f?.verticalAlignment || f?.wrapText || f?.indentLevel) {
    style.alignment = {
      horizontal: f.horizontalAlignment ? H_OUT[f.horizontalAlignment] : undefined,
      vertical: f.verticalAlignment ? V_OUT[f.verticalAlignment] : undefined,
      wrapText: f.wrapText || undefined,
      indent: f.indentLevel || undefined,
    };
  }
  if (f?.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill) } };
  if (b && Object.keys(b).length > 0) {
    const side = (l: SimLine | undefined) => (l ? { style: BORDER_OUT[l.style][l.weight], color: { argb: argb(l.color) } } : undefined);
    style.border = { top: side(b.top), bottom: side(b.bottom), left: side(b.left), right: side(b.right) };
  }
  return style;
}

/** An ExcelJS cell's style back into the simulator's formats. */
function takeStyle(target: SimCell, cell: ExcelJSType.Cell): void {
  const font = cell.font;
  if (font && (font.bold || font.italic || (font.size && font.size !== 11) || (font.name && font.name !== 'Calibri'))) {
    target.format = { ...target.format, font: { ...(font.name ? { name: font.name } : {}), ...(font.size ? { size: font.size } : {}), ...(font.bold ? { bold: true } : {}), ...(font.italic ? { italic: true } : {}) } };
  }
  const a = cell.alignment;
  if (a) {
    const format = { ...target.format };
    if (a.horizontal && H_IN[a.horizontal]) format.horizontalAlignment = H_IN[a.horizontal] as never;
    if (a.vertical && V_IN[a.vertical]) format.verticalAlignment = V_IN[a.vertical] as never;
    if (a.wrapText) format.wrapText = true;
    if (a.indent) format.indentLevel = a.indent;
    if (Object.keys(format).length > 0) target.format = format;
  }
  const fill = cell.fill as ExcelJSType.FillPattern | undefined;
  const fillColor = fill?.type === 'pattern' && fill.pattern === 'solid' ? hex(fill.fgColor) : undefined;
  if (fillColor) target.format = { ...target.format, fill: fillColor };
  const border = cell.border;
  if (border) {
    const side = (e: Partial<ExcelJSType.Border> | undefined): SimLine | undefined => {
      const kind = e?.style ? BORDER_IN[e.style] : undefined;
      return kind ? { ...kind, color: hex(e?.color) ?? '#000000' } : undefined;
    };
    const borders = Object.fromEntries(
      (['top', 'bottom', 'left', 'right'] as const).map((k) => [k, side(border[k])]).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(borders).length > 0) target.borders = borders;
  }
}

/** The page setup Office.js gave the sheet, in the package's terms. */
function pageSetupOf(sheet: SimSheet): Partial<ExcelJSType.PageSetup> {
  const p = sheet.pageLayout;
  const inches = (points: number) => Math.round((points / 72) * 1000) / 1000;
  const fit = p.zoom.horizontalFitToPages !== undefined || p.zoom.verticalFitToPages !== undefined;
  return {
    orientation: p.orientation === 'Landscape' ? 'landscape' : 'portrait',
    // ExcelJS's PaperSize is a const enum (unusable with isolatedModules): the package's numbers.
    paperSize: (p.paperSize === 'A4' ? 9 : p.paperSize === 'A3' ? 8 : undefined) as ExcelJSType.PageSetup['paperSize'],
    ...(fit ? { fitToPage: true, fitToWidth: p.zoom.horizontalFitToPages ?? 0, fitToHeight: p.zoom.verticalFitToPages ?? 0 } : { scale: p.zoom.scale ?? 100 }),
    margins: { left: inches(p.leftMargin), right: inches(p.rightMargin), top: inches(p.topMargin), bottom: inches(p.bottomMargin), header: inches(p.headerMargin), footer: inches(p.footerMargin) },
    horizontalCentered: p.centerHorizontally,
    verticalCentered: p.centerVertically,
    ...(p.printArea ? { printArea: formatRect(p.printArea) } : {}),
    ...(p.printTitleRows ? { printTitlesRow: `${p.printTitleRows.r0 + 1}:${p.printTitleRows.r1 + 1}` } : {}),
  };
}

/** The simulated workbook as an .xlsx file. */
export async function xlsxFromWorkbook(wb: SimWorkbook): Promise<Blob> {
  const Excel = await excelJs();
  const book = new Excel.Workbook();
  book.creator = 'KAM for Excel (preview)';
  for (const sheet of wb.sheets) {
    const ws = book.addWorksheet(sheet.name, {
      views: [sheet.frozenRows > 0 ? { state: 'frozen', ySplit: sheet.frozenRows, xSplit: 0, showGridLines: sheet.showGridlines } : { showGridLines: sheet.showGridlines }],
      pageSetup: pageSetupOf(sheet),
    });
    for (const [c, points] of sheet.columnWidths) ws.getColumn(c + 1).width = widthOfPoints(points);
    for (const [r, points] of sheet.rowHeights) ws.getRow(r + 1).height = points;
    const lists = new Map<string, { rule: SimRule; cells: string[] }>();
    for (const [r, row] of sheet.rows) {
      row.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        if (cell.formula) target.value = { formula: cell.formula.replace(/^=/, ''), result: cell.value === '' ? undefined : cell.value } as ExcelJSType.CellFormulaValue;
        else if (cell.value !== '') target.value = cell.value;
        const style = styleOf(cell);
        if (style) target.style = { ...style, ...(cell.numberFormat ? { numFmt: cell.numberFormat } : {}) };
        else if (cell.numberFormat) target.numFmt = cell.numberFormat;
        const list = (cell.validation as { list?: { source?: string } } | undefined)?.list;
        if (list?.source) {
          const key = JSON.stringify(cell.validation);
          const entry = lists.get(key) ?? { rule: cell.validation!, cells: [] };
          entry.cells.push(`${columnName(c)}${r + 1}`);
          lists.set(key, entry);
        }
      });
    }
    const validations = (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJSType.DataValidation): void } }).dataValidations;
    for (const { rule, cells } of lists.values()) {
      const source = String((rule as { list: { source: string } }).list.source);
      const dv: ExcelJSType.DataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [source.startsWith('=') ? source.slice(1) : `"${source}"`],
      };
      for (const address of cells) validations.add(address, dv);
    }
    // Without the master's style: each cell of a merged area keeps its own borders.
    for (const m of sheet.merges) (ws as unknown as { mergeCellsWithoutStyle(...box: number[]): void }).mergeCellsWithoutStyle(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    for (const t of wb.tablesOn(sheet)) {
      const headerCells = t.showHeaders ? wb.read(sheet, { ...t.rect, r1: t.rect.r0 }, 'values')[0] : [];
      const b = t.bodyRect();
      const body: unknown[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const line: unknown[] = [];
        for (let c = b.c0; c <= b.c1; c++) {
          const cell = sheet.cell(r, c);
          line.push(!cell ? null : cell.formula ? { formula: cell.formula.replace(/^=/, ''), result: cell.value } : cell.value === '' ? null : cell.value);
        }
        body.push(line);
      }
      ws.addTable({
        name: t.name,
        ref: `${columnName(t.rect.c0)}${t.rect.r0 + 1}`,
        headerRow: t.showHeaders,
        totalsRow: false,
        style: { theme: t.style as ExcelJSType.TableStyleProperties['theme'], showRowStripes: true },
        columns: Array.from({ length: b.c1 - b.c0 + 1 }, (_, i) => ({ name: t.showHeaders ? String(headerCells[i]) : `Column${i + 1}`, filterButton: true })),
        rows: body,
      });
    }
  }
  const active = wb.activeSheet ? wb.sheets.indexOf(wb.activeSheet) : 0;
  book.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
