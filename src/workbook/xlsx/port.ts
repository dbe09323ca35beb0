/**
 * The ExcelJS adapter of the WorkbookPort: the workbook operations on a workbook loaded in
 * memory (loadWorkbook), saved with saveAtomically.
 *
 * ExcelJS tables loaded from a file have no `rows` and their `addRow` fails (exceljs issues
 * #1062, #2297), so rows are written cell by cell and the table's extent (`tableRef`, and
 * `autoFilterRef`, which ExcelJS writes as the table part's `ref` and `<autoFilter ref>`) is
 * moved to cover them: the table expands as it does in Excel when values are written just
 * below it. Nothing else of the workbook is touched: other sheets, tables, styles, validations
 * and the values of the input tables stay as ExcelJS loaded them.
 *
 * Values: text is always written as a string cell (ExcelJS never takes a string for a formula,
 * whatever it starts with: SPEC §4), numbers as numbers (a date is a serial number under the
 * column's date format), booleans as booleans; null is an empty cell.
 */
import ExcelJS from 'exceljs';
import { CellValue, isBlank } from '../../domain/cells';
import { rangeTable } from '../../domain/snapshot';
import { columnLetters } from '../../domain/columnLetters';
import { TABLES_BY_NAME } from '../../domain/tables';
import type { OwnedTableContents, ReadReply, ReadRequest, WorkbookPort, WritePlan, WriteStep } from '../port';
import { plainValue } from './cellValue';
import { TABLE_STYLE } from './init';
import { Fingerprint, replaceFileAt } from './package/safeFile';
import { decodeRef, snapshotOf } from './read';
import { renderFormSheet } from './renderForm';
import { ListObject, TableModel, listObjects } from './tables';

/** Where a table's cells are: header row `top`, data rows `top + 1 … bottom`, columns `left … right`. */
interface Place {
  ws: ExcelJS.Worksheet;
  top: number;
  left: number;
  right: number;
  bottom: number;
  /** The ListObject, or undefined for a plain range found by sheet name. */
  model?: TableModel;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const address = (row: number, col: number) => `${columnLetters(col)}${row}`;
const rangeRef = (top: number, left: number, bottom: number, right: number) => `${address(top, left)}:${address(bottom, right)}`;

function placeOf(lo: ListObject): Place {
  const ref = decodeRef(lo.model.tableRef ?? lo.model.ref ?? 'A1');
  // A totals row would have to move with the data; the add-in's tables have none.
  if (lo.model.totalsRow) throw new Error(`table ${lo.name} has a totals row: remove it to let the add-in write rows`);
  return { ws: lo.ws, top: ref.top, left: ref.left, right: ref.right, bottom: ref.bottom, model: lo.model };
}

function findListObject(wb: ExcelJS.Workbook, name: string): ListObject | undefined {
  return listObjects(wb).find((t) => sameName(t.name, name));
}

/**
 * A table to append to: the ListObject of that name, else the input table's plain range on a
 * sheet named like the table (SPEC §2: people convert tables to ranges), as the reader finds it.
 */
function findPlace(wb: ExcelJS.Workbook, name: string): Place {
  const lo = findListObject(wb, name);
  if (lo) return placeOf(lo);
  const def = TABLES_BY_NAME.get(name) ?? [...TABLES_BY_NAME.values()].find((d) => sameName(d.name, name));
  if (def) {
    const ws =
      wb.worksheets.find((w) => sameName(w.name, def.sheet.zh)) ?? wb.worksheets.find((w) => sameName(w.name, def.sheet.en));
    if (ws) {
      const snap = rangeTable(ws.name, block(ws, 1, 1, ws.actualRowCount === 0 ? 0 : ws.rowCount, ws.columnCount));
      if (snap) {
        return { ws, top: snap.headerRow, left: snap.firstColumn, right: snap.firstColumn + snap.headers.length - 1, bottom: snap.headerRow + snap.rows.length };
      }
    }
  }
  throw new Error(`the workbook has no table ${name}`);
}

function block(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.findRow(r);
    const line: CellValue[] = new Array(Math.max(0, right - left + 1)).fill(null);
    if (row) {
      const values = row.values as ExcelJS.CellValue[];
      for (let c = left; c <= right; c++) line[c - left] = plainValue(values[c]);
    }
    out.push(line);
  }
  return out;
}

function rowIsBlank(ws: ExcelJS.Worksheet, r: number, left: number, right: number): boolean {
  return block(ws, r, left, r, right)[0].every(isBlank);
}

/** What goes into an ExcelJS cell: non-finite numbers (no spreadsheet can hold them) are blank. */
function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  if (v instanceof Date && Number.isNaN(v.getTime())) return null;
  return v;
}

function checkWidth(rows: readonly CellValue[][], width: number, table: string): void {
  for (const r of rows) if (r.length > width) throw new Error(`a row of ${r.length} values does not fit table ${table} of ${width} columns`);
}

/** Rows `from … to` must be empty in the table's columns: the table grows into them. */
function checkRoom(p: Place, from: number, to: number, table: string): void {
  for (let r = from; r <= to; r++) {
    if (!rowIsBlank(p.ws, r, p.left, p.right)) throw new Error(`table ${table} cannot grow: row ${r} below it on sheet ${p.ws.name} is not empty`);
  }
}

type Style = Partial<ExcelJS.Style>;

/** ExcelJS has them at run time; its typings lack them. */
interface DataValidations {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, validation: ExcelJS.DataValidation): void;
}
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: DataValidations }).dataValidations;
type SheetView = Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };

/** A cell's style to give new cells of the column (a copy: ExcelJS shares style objects). */
function styleOf(ws: ExcelJS.Worksheet, r: number, c: number): Style {
  const style = ws.getCell(r, c).style ?? ws.getColumn(c).style ?? {};
  return { ...style };
}

/**
 * The data validations of a sheet, to find the one covering a cell: ExcelJS keys the ones it
 * loads by cell (`C7`) and the ones added by range (`C2:C2001`). Built once per write step: a
 * loaded sheet can hold tens of thousands of cell keys.
 */
function validationIndex(ws: ExcelJS.Worksheet): (r: number, c: number) => ExcelJS.DataValidation | undefined {
  const model = validations(ws).model;
  const ranges: { box: ReturnType<typeof decodeRef>; dv: ExcelJS.DataValidation }[] = [];
  for (const [key, dv] of Object.entries(model)) {
    if (!dv || !key.includes(':')) continue;
    try {
      ranges.push({ box: decodeRef(key), dv });
    } catch {
      // not a range key
    }
  }
  return (r, c) => model[address(r, c)] ?? ranges.find(({ box }) => r >= box.top && r <= box.bottom && c >= box.left && c <= box.right)?.dv;
}

/** New rows of a table get the formats and dropdowns of the row above them (as in Excel). */
function extendFormats(p: Place, templateRow: number | null, from: number, to: number): void {
  if (from > to) return;
  const validationAt = validationIndex(p.ws);
  for (let c = p.left; c <= p.right; c++) {
    const style = templateRow === null ? { ...(p.ws.getColumn(c).style ?? {}) } : styleOf(p.ws, templateRow, c);
    const dv = templateRow === null ? undefined : validationAt(templateRow, c);
    for (let r = from; r <= to; r++) {
      p.ws.getCell(r, c).style = { ...style };
      if (dv && !validationAt(r, c)) validations(p.ws).add(address(r, c), dv);
    }
  }
}

function writeRows(p: Place, first: number, rows: readonly CellValue[][]): void {
  const width = p.right - p.left + 1;
  rows.forEach((values, i) => {
    const row = p.ws.getRow(first + i);
    for (let j = 0; j < width; j++) row.getCell(p.left + j).value = excelValue(values[j]);
  });
}

/** Moves a ListObject's bottom edge (its autoFilter too, which covers header and data). */
function resize(p: Place, bottom: number): void {
  if (!p.model) return;
  p.model.tableRef = rangeRef(p.top, p.left, bottom, p.right);
  if (p.model.autoFilterRef !== undefined) p.model.autoFilterRef = rangeRef(p.top, p.left, bottom, p.right);
  p.bottom = bottom;
}

function appendRows(wb: ExcelJS.Workbook, step: Extract<WriteStep, { kind: 'appendRows' }>): void {
  const p = findPlace(wb, step.tableName);
  checkWidth(step.rows, p.right - p.left + 1, step.tableName);
  if (step.rows.length === 0) return;
  // Below the last filled row: the blank rows a table may end with (a new table has one) are filled first.
  let last = p.bottom;
  while (last > p.top && rowIsBlank(p.ws, last, p.left, p.right)) last--;
  const first = last + 1;
  const end = first + step.rows.length - 1;
  if (end > p.bottom) checkRoom(p, p.bottom + 1, end, step.tableName);
  const template = last > p.top ? last : p.bottom > p.top ? p.top + 1 : null;
  const oldBottom = p.bottom;
  writeRows(p, first, step.rows);
  extendFormats(p, template, Math.max(first, oldBottom + 1), end);
  if (end > oldBottom) resize(p, end);
}

function replaceRows(wb: ExcelJS.Workbook, step: Extract<WriteStep, { kind: 'replaceRows' }>): void {
  const lo = findListObject(wb, step.tableName);
  if (!lo) throw new Error(`the workbook has no table ${step.tableName}`);
  const p = placeOf(lo);
  const width = p.right - p.left + 1;
  checkWidth(step.rows, width, step.tableName);
  // An Excel table keeps at least one data row: an empty body is one blank row.
  const rows = step.rows.length > 0 ? step.rows : [new Array<CellValue>(width).fill(null)];
  const oldBottom = p.bottom;
  const newBottom = p.top + rows.length;
  if (newBottom > oldBottom) checkRoom(p, oldBottom + 1, newBottom, step.tableName);
  const template = oldBottom > p.top ? p.top + 1 : null;
  writeRows(p, p.top + 1, rows);
  extendFormats(p, template, oldBottom + 1, newBottom);
  // Rows the table no longer holds are emptied (their formats stay, harmless outside the table).
  writeRows(p, newBottom + 1, Array.from({ length: Math.max(0, oldBottom - newBottom) }, () => []));
  resize(p, newBottom);
}

function updateCells(wb: ExcelJS.Workbook, step: Extract<WriteStep, { kind: 'updateCells' }>): void {
  const lo = findListObject(wb, step.tableName);
  if (!lo) throw new Error(`the workbook has no table ${step.tableName}`);
  const p = placeOf(lo);
  for (const cell of step.cells) {
    const r = p.top + 1 + cell.row;
    if (cell.column < 0 || p.left + cell.column > p.right || cell.row < 0 || r > p.bottom) throw new Error(`cell ${cell.row},${cell.column} is outside table ${step.tableName}`);
    p.ws.getCell(r, p.left + cell.column).value = excelValue(cell.value);
  }
}

function createTable(wb: ExcelJS.Workbook, step: Extract<WriteStep, { kind: 'createTable' }>): void {
  if (wb.worksheets.some((w) => sameName(w.name, step.sheetName))) throw new Error(`a sheet named ${step.sheetName} exists already`);
  if (findListObject(wb, step.tableName)) throw new Error(`a table named ${step.tableName} exists already`);
  const width = step.headers.length;
  checkWidth(step.rows, width, step.tableName);
  const ws = wb.addWorksheet(step.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  const rows = step.rows.length > 0 ? step.rows : [[]];
  ws.addTable({
    name: step.tableName,
    displayName: step.tableName,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: step.headers.map((name) => ({ name, filterButton: true })),
    rows: rows.map((r) => Array.from({ length: width }, (_, j) => excelValue(r[j]))),
  });
  const lastRow = 1 + rows.length;
  const lastValidated = lastRow + step.validationRows;
  step.columns.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    if (f.width !== undefined) col.width = f.width;
    if (f.numFmt && f.numFmt !== 'General') {
      // The column's format (people's next rows) and the data cells'; the header stays General.
      col.style = { numFmt: f.numFmt };
      for (let r = 2; r <= lastRow; r++) ws.getCell(r, i + 1).numFmt = f.numFmt;
    }
    if (f.list && f.list.length > 0) {
      const letter = columnLetters(i + 1);
      validations(ws).add(`${letter}2:${letter}${lastValidated}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${f.list.map((w) => w.replace(/"/g, '""')).join(',')}"`],
        // A warning, not a stop: the reader takes the other language's word too (SPEC §2).
        showErrorMessage: true,
        errorStyle: 'warning',
      });
    }
  });
}

/** A form on a new sheet at the end of the tabs (renderForm.ts draws it); the active sheet stays. */
function addSheet(wb: ExcelJS.Workbook, step: Extract<WriteStep, { kind: 'addSheet' }>): void {
  if (wb.worksheets.some((w) => sameName(w.name, step.sheetName))) throw new Error(`a sheet named ${step.sheetName} exists already`);
  renderFormSheet(wb, step.grid, step.sheetName, { activate: false });
}

function activate(wb: ExcelJS.Workbook, step: Extract<WriteStep, { kind: 'activate' }>): void {
  const sheets = wb.worksheets;
  const target = sheets.find((w) => sameName(w.name, step.sheetName));
  if (!target) throw new Error(`the workbook has no sheet ${step.sheetName}`);
  const index = sheets.indexOf(target);
  if (target.state !== 'visible') target.state = 'visible';
  const views = (wb.views ?? []) as (ExcelJS.WorkbookView & { firstSheet?: number; activeTab?: number })[];
  const view = views[0] ?? { x: 0, y: 0, width: 28800, height: 15000, visibility: 'visible' };
  wb.views = [{ ...view, activeTab: index, firstSheet: Math.min(view.firstSheet ?? 0, index) }, ...views.slice(1)] as ExcelJS.WorkbookView[];
  // Only the active sheet's tab is selected (two selected tabs would group the sheets).
  for (const ws of sheets) {
    const own = (ws.views ?? []) as SheetView[];
    if (own.length === 0) {
      if (ws === target) ws.views = [{ tabSelected: true }] as unknown as ExcelJS.WorksheetView[];
      continue;
    }
    ws.views = own.map((v, i) => (i === 0 ? { ...v, tabSelected: ws === target } : v)) as unknown as ExcelJS.WorksheetView[];
  }
}

function ownedContents(lo: ListObject): OwnedTableContents {
  const p = placeOf(lo);
  const values = block(p.ws, p.top, p.left, p.bottom, p.right);
  return { sheetName: lo.ws.name, headers: values[0], rows: values.slice(1) };
}

/** The WorkbookPort of a workbook loaded with ExcelJS; `apply` changes it in memory only. */
export function xlsxPort(wb: ExcelJS.Workbook): WorkbookPort {
  return {
    async read(request: ReadRequest): Promise<ReadReply> {
      const snapshot = request.inputs ? snapshotOf(wb) : { tables: {} };
      const los = listObjects(wb);
      const owned: ReadReply['owned'] = {};
      for (const name of request.owned ?? []) {
        const lo = los.find((t) => sameName(t.name, name));
        owned[name] = lo ? ownedContents(lo) : null;
      }
      return { snapshot, owned, sheetNames: wb.worksheets.map((w) => w.name), tableNames: los.map((t) => t.name) };
    },
    async apply(plan: WritePlan): Promise<void> {
      for (const step of plan.steps) {
        switch (step.kind) {
          case 'createTable':
            createTable(wb, step);
            break;
          case 'appendRows':
            appendRows(wb, step);
            break;
          case 'replaceRows':
            replaceRows(wb, step);
            break;
          case 'addSheet':
            addSheet(wb, step);
            break;
          case 'updateCells':
            updateCells(wb, step);
            break;
          case 'activate':
            activate(wb, step);
            break;
        }
      }
    },
  };
}

/**
 * Saves a workbook over `path` through a temp file in the same folder renamed over it: the file
 * is the old one or the complete new one, never half written; on any failure the original is
 * untouched and the temp file removed. The temp has the old file's owner and permissions from
 * its first byte, a symlink stays a link, signals remove the temp, a full disk is a
 * DiskFullError (package/safeFile.ts). With `expect` (readForUpdate's fingerprint of what was
 * loaded) a workbook someone else saved meanwhile is not overwritten: FileChangedError.
 */
export async function saveAtomically(wb: ExcelJS.Workbook, path: string, options: { expect?: Fingerprint } = {}): Promise<void> {
  // ExcelJS opens the path with 'w', which keeps the temp's mode.
  await replaceFileAt(path, (temp) => wb.xlsx.writeFile(temp), { expect: options.expect });
}
