/**
 * `apply` on Office.js: every step queued as whole 2-D blocks and flushed in at most two syncs
 * under the payload limit — one to learn where the touched tables are (skipped when the plan only
 * creates), one for all the writes — and more only when the writes pass the budget (one sync
 * per budget's worth of rows).
 *
 * Appending fills the blank rows a table ends with (a new table has one: Excel tables cannot
 * have none), then writes the rest into the rows just below the table, which Excel takes into
 * the table (no `rows.add` per row: slow, and it trips co-authoring merge conflicts). The last
 * write sync also asks where each growing table now ends: if Excel left the rows outside (its
 * AutoCorrect option "Include new rows and columns in table" is off), they are moved in with one
 * `rows.add` per budget's worth of rows, in extra syncs on that machine only. Replacing
 * overwrites the body in place, deletes the surplus rows (the table shrinks) or writes the extra
 * rows below (it grows). A table grows only over empty rows: text below it is never overwritten
 * (the same rules as the xlsx port, src/workbook/xlsx/port.ts). A form's new sheet (addSheet,
 * form.ts) is a few hundred small commands and two cell blocks: it rides in the same sync.
 */
import type { CellValue } from '../../domain/cells';
import type { ColumnFormat, WritePlan, WriteStep } from '../port';
import { a1, wholeColumn } from './a1';
import type { ExcelRun, XlContext, XlRange, XlWorkbook } from './api';
import { SYNC_BUDGET_BYTES, pack } from './budget';
import { toExcel } from './cells';
import { addSheetOps } from './form';
import { SMALL, WriteOp, blockOps, chunkedOps, op, pointsFromWidth } from './ops';

export { pointsFromWidth } from './ops';

const SHAPE = 'rowIndex,columnIndex,rowCount,columnCount';

/** Where a table is, as the plan changes it. */
interface TableShape {
  name: string;
  sheetName: string;
  row: number;
  column: number;
  /** Rows including the header row. */
  rows: number;
  columns: number;
  showHeaders: boolean;
  showTotals: boolean;
  /** Body rows up to the last one holding a value (the rest are blank rows to fill first). */
  filled: number;
  /** Empty rows just below the table (as far as the plan needs to know). */
  room: number;
  /** The blocks the plan writes just below the table for it to take in (sheet row, rows). */
  below: { top: number; rows: Encoded[] }[];
}

type Encoded = (string | number | boolean)[];

const key = (name: string) => name.toLowerCase();

/** Rows as Excel must receive them, each `columns` wide. */
function encodeRows(rows: readonly CellValue[][], columns: number, tableName: string): Encoded[] {
  return rows.map((row, i) => {
    if (row.length > columns) throw new Error(`Row ${i + 1} for table ${tableName} has ${row.length} cells; the table has ${columns} columns.`);
    const out = row.map(toExcel);
    while (out.length < columns) out.push('');
    return out;
  });
}

function createTable(step: Extract<WriteStep, { kind: 'createTable' }>, shapes: Map<string, TableShape>, budgetBytes: number): WriteOp[] {
  const { sheetName, tableName, headers } = step;
  const columns = headers.length;
  const rows = encodeRows(step.rows, columns, tableName);
  /** Rows below the header that get the formats and dropdowns. */
  const covered = Math.max(step.validationRows, step.rows.length);
  const format = (j: number): ColumnFormat => step.columns[j] ?? {};
  const ops: WriteOp[] = [op((wb) => wb.worksheets.add(sheetName))];

  // Formats before values: Excel takes a value by the cell's format, so a Text (@) column keeps
  // phone numbers and codes as typed.
  if (headers.some((_, j) => format(j).numFmt)) {
    const line = headers.map((_, j) => format(j).numFmt ?? 'General');
    ops.push(...blockOps(sheetName, 0, 0, Array.from({ length: 1 + covered }, () => line), 'numberFormat', budgetBytes));
  }
  ops.push(...blockOps(sheetName, 0, 0, [headers.map(toExcel), ...rows], 'values', budgetBytes));
  ops.push(
    op((wb) => {
      // A header-only range: Excel gives the new table one blank body row.
      const table = wb.worksheets.getItem(sheetName).tables.add(a1(0, 0, 1 + rows.length, columns), true);
      table.name = tableName;
    }),
  );
  headers.forEach((_, j) => {
    const list = format(j).list;
    if (list && list.length > 0 && covered > 0) {
      const source = list.join(',');
      ops.push(op((wb) => (wb.worksheets.getItem(sheetName).getRange(a1(1, j, covered, 1)).dataValidation.rule = { list: { inCellDropDown: true, source } }), SMALL + source.length * 3));
    }
    const width = format(j).width;
    if (width !== undefined) ops.push(op((wb) => (wb.worksheets.getItem(sheetName).getRange(wholeColumn(j)).format.columnWidth = pointsFromWidth(width))));
  });
  ops.push(op((wb) => wb.worksheets.getItem(sheetName).freezePanes.freezeRows(1)));
  shapes.set(key(tableName), { name: tableName, sheetName, row: 0, column: 0, rows: 1 + Math.max(rows.length, 1), columns, showHeaders: true, showTotals: false, filled: rows.length, room: Infinity, below: [] });
  return ops;
}

function shapeFor(shapes: Map<string, TableShape>, tableName: string, kind: string): TableShape {
  const shape = shapes.get(key(tableName));
  if (!shape) throw new Error(`${kind}: no Excel table named ${tableName}.`);
  if (shape.showTotals) throw new Error(`${kind}: table ${tableName} has a totals row; turn it off to let rows be added.`);
  return shape;
}

/**
 * Writes rows just below the table, which Excel takes into it. They must land on empty rows, as
 * in the xlsx port.
 */
function grow(t: TableShape, rows: Encoded[], tableName: string, budgetBytes: number): WriteOp[] {
  if (rows.length === 0) return [];
  if (rows.length > t.room) throw new Error(`table ${tableName} cannot grow: row ${t.row + t.rows + t.room + 1} below it on sheet ${t.sheetName} is not empty`);
  const top = t.row + t.rows;
  t.below.push({ top, rows });
  t.rows += rows.length;
  t.room -= rows.length;
  return blockOps(t.sheetName, top, t.column, rows, 'values', budgetBytes);
}

function appendRows(step: Extract<WriteStep, { kind: 'appendRows' }>, shapes: Map<string, TableShape>, budgetBytes: number): WriteOp[] {
  const t = shapeFor(shapes, step.tableName, 'appendRows');
  const rows = encodeRows(step.rows, t.columns, step.tableName);
  if (rows.length === 0) return [];
  const top = t.row + (t.showHeaders ? 1 : 0);
  const body = t.rows - (t.showHeaders ? 1 : 0);
  // The blank rows the table ends with first, then just below the table: Excel extends the
  // table over those rows (each chunk lands just below the last).
  const inside = Math.min(rows.length, body - t.filled);
  const ops = [...blockOps(t.sheetName, top + t.filled, t.column, rows.slice(0, inside), 'values', budgetBytes), ...grow(t, rows.slice(inside), step.tableName, budgetBytes)];
  t.filled += rows.length;
  return ops;
}

/** One small write per cell: an edit touches a handful of cells, never a whole row or table. */
function updateCells(step: Extract<WriteStep, { kind: 'updateCells' }>, shapes: Map<string, TableShape>): WriteOp[] {
  const t = shapeFor(shapes, step.tableName, 'updateCells');
  const top = t.row + (t.showHeaders ? 1 : 0);
  const body = t.rows - (t.showHeaders ? 1 : 0);
  return step.cells.map((cell) => {
    if (cell.row < 0 || cell.row >= body || cell.column < 0 || cell.column >= t.columns) throw new Error(`cell ${cell.row},${cell.column} is outside table ${step.tableName}`);
    return op((wb) => {
      wb.worksheets.getItem(t.sheetName).getRange(a1(top + cell.row, t.column + cell.column, 1, 1)).values = [[toExcel(cell.value)]];
    });
  });
}

function replaceRows(step: Extract<WriteStep, { kind: 'replaceRows' }>, shapes: Map<string, TableShape>, budgetBytes: number): WriteOp[] {
  const t = shapeFor(shapes, step.tableName, 'replaceRows');
  const rows = encodeRows(step.rows, t.columns, step.tableName);
  const header = t.showHeaders ? 1 : 0;
  const top = t.row + header;
  const body = t.rows - header;
  const ops: WriteOp[] = [];
  if (rows.length === 0) {
    // A table keeps one (blank) body row.
    ops.push(op((wb) => wb.worksheets.getItem(t.sheetName).getRange(a1(top, t.column, 1, t.columns)).clear('Contents')));
    if (body > 1) ops.push(op((wb) => wb.worksheets.getItem(t.sheetName).getRange(a1(top + 1, t.column, body - 1, t.columns)).delete('Up')));
    t.rows = header + 1;
    t.filled = 0;
    return ops;
  }
  const inPlace = Math.min(rows.length, body);
  ops.push(...blockOps(t.sheetName, top, t.column, rows.slice(0, inPlace), 'values', budgetBytes));
  if (rows.length < body) {
    ops.push(op((wb) => wb.worksheets.getItem(t.sheetName).getRange(a1(top + rows.length, t.column, body - rows.length, t.columns)).delete('Up')));
  } else if (rows.length > body) {
    ops.push(...grow(t, rows.slice(body), step.tableName, budgetBytes));
  }
  t.rows = header + rows.length;
  t.filled = rows.length;
  return ops;
}

/**
 * Sync 1, only when the plan touches existing tables: where each is, its last filled body row
 * and whether the rows below it are empty — shapes only, whatever the tables hold.
 */
async function readTableShapes(context: XlContext, plan: WritePlan, shapes: Map<string, TableShape>): Promise<void> {
  const created = new Set<string>();
  /** Existing tables the plan adds rows to, with how many rows it may add at most. */
  const growth = new Map<string, { name: string; rows: number }>();
  for (const step of plan.steps) {
    if (step.kind === 'createTable') created.add(key(step.tableName));
    else if ((step.kind === 'appendRows' || step.kind === 'replaceRows' || step.kind === 'updateCells') && !created.has(key(step.tableName))) {
      const g = growth.get(key(step.tableName)) ?? { name: step.tableName, rows: 0 };
      if (step.kind !== 'updateCells') g.rows += step.rows.length;
      growth.set(key(step.tableName), g);
    }
  }
  if (growth.size === 0) return;
  const wb = context.workbook;
  const found = [...growth.values()].map(({ name, rows }) => {
    const table = wb.tables.getItem(name).load('showHeaders,showTotals');
    const range = table.getRange().load(SHAPE);
    return {
      name,
      table,
      sheet: table.worksheet.load('name'),
      range,
      bodyUsed: table.getDataBodyRange().getUsedRangeOrNullObject(true).load('rowIndex,rowCount'),
      belowUsed: rows > 0 ? range.getRowsBelow(rows).getUsedRangeOrNullObject(true).load('rowIndex') : null,
      window: rows,
    };
  });
  try {
    await context.sync();
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ItemNotFound') throw new Error(`No Excel table named ${[...growth.values()].map((g) => g.name).join(' / ')}.`, { cause: e });
    throw e;
  }
  for (const f of found) {
    const header = f.table.showHeaders ? 1 : 0;
    const top = f.range.rowIndex + header;
    const bottom = f.range.rowIndex + f.range.rowCount; // first row below the table
    shapes.set(key(f.name), {
      name: f.name,
      sheetName: f.sheet.name,
      row: f.range.rowIndex,
      column: f.range.columnIndex,
      rows: f.range.rowCount - (f.table.showTotals ? 1 : 0),
      columns: f.range.columnCount,
      showHeaders: f.table.showHeaders,
      showTotals: f.table.showTotals,
      filled: f.bodyUsed.isNullObject ? 0 : f.bodyUsed.rowIndex + f.bodyUsed.rowCount - top,
      room: f.belowUsed && !f.belowUsed.isNullObject ? f.belowUsed.rowIndex - bottom : f.window,
      below: [],
    });
  }
}

export async function applyPlan(run: ExcelRun, plan: WritePlan, budgetBytes = SYNC_BUDGET_BYTES): Promise<void> {
  if (plan.steps.length === 0) return;
  await run(async (context) => {
    const shapes = new Map<string, TableShape>();
    await readTableShapes(context, plan, shapes);
    const ops = plan.steps.flatMap((step): WriteOp[] => {
      switch (step.kind) {
        case 'createTable':
          return createTable(step, shapes, budgetBytes);
        case 'appendRows':
          return appendRows(step, shapes, budgetBytes);
        case 'replaceRows':
          return replaceRows(step, shapes, budgetBytes);
        case 'addSheet':
          return addSheetOps(step, budgetBytes);
        case 'updateCells':
          return updateCells(step, shapes);
        case 'activate':
          return [op((wb) => wb.worksheets.getItem(step.sheetName).activate())];
      }
    });
    const growing = [...shapes.values()].filter((t) => t.below.length > 0);
    // Where each growing table ends once the writes are done: asked in the last write sync.
    const ends: { t: TableShape; range: XlRange }[] = [];
    const askEnds = (wb: XlWorkbook) => {
      for (const t of growing) ends.push({ t, range: wb.tables.getItem(t.name).getRange().load('rowIndex,rowCount') });
    };
    await syncInGroups(context, growing.length > 0 ? [...ops, op(askEnds, growing.length * SMALL)] : ops, budgetBytes);
    const repairs = ends.flatMap(({ t, range }) => takeInLeftRows(t, range.rowIndex + range.rowCount, budgetBytes));
    if (repairs.length > 0) await syncInGroups(context, repairs, budgetBytes);
  });
}

/**
 * One sync per payload-sized group of commands: one under the budget, one more per budget's
 * worth of rows above it — never per row or per table.
 */
async function syncInGroups(context: XlContext, ops: WriteOp[], budgetBytes: number): Promise<void> {
  for (const group of pack(ops, budgetBytes)) {
    for (const o of group) o.queue(context.workbook);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized group of writes (5 MB limit), not per row or table
    await context.sync();
  }
}

/**
 * Rows written below a table that it did not take in — Excel's AutoCorrect option "Include new
 * rows and columns in table" is off on this machine — are cleared and added through
 * `table.rows.add`, which does not depend on it. Costs syncs only when it happens.
 */
function takeInLeftRows(t: TableShape, end: number, budgetBytes: number): WriteOp[] {
  const expectedEnd = t.row + t.rows;
  if (end >= expectedEnd) return [];
  const from = Math.max(end, t.below[0].top);
  const left = t.below.flatMap((b) => b.rows.filter((_, i) => b.top + i >= from));
  return [
    op((wb) => wb.worksheets.getItem(t.sheetName).getRange(a1(from, t.column, expectedEnd - from, t.columns)).clear('Contents')),
    ...chunkedOps(left, budgetBytes, (wb, rows) => wb.tables.getItem(t.name).rows.add(null, rows)),
  ];
}
