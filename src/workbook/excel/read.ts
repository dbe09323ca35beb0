/**
 * `read` on Office.js: two syncs for a workbook under the payload limit.
 *
 * Sync 1 — names and shapes: every sheet's name, every table's name, sheet and header/totals
 * flags, and the size of each place an input or owned table may live (each candidate table's
 * range, each candidate sheet's used range), reached through *OrNullObject so that absent ones
 * cost nothing. Sync 2 — values: every needed block at once, or, past the budget, chunks of rows
 * (one sync per budget's worth). Excel's documentation does not say whether an object reached
 * from a null object is null too; where Excel refuses, the shapes are asked in one more sync.
 */
import type { CellValue } from '../../domain/cells';
import { normalizeWord } from '../../domain/cells';
import { TableSnapshot, locateTables, rangeTable } from '../../domain/snapshot';
import { INPUT_TABLES } from '../../domain/tables';
import type { OwnedTableContents, ReadReply, ReadRequest } from '../port';
import { a1 } from './a1';
import type { ExcelRun, XlContext, XlRange, XlTable, XlWorksheet } from './api';
import { ReadUnit, SYNC_BUDGET_BYTES, halve, isPayloadLimitError, planReads } from './budget';
import { fromExcel } from './cells';

const SHAPE = 'rowIndex,columnIndex,rowCount,columnCount';

interface Shape {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** A place to read: a table's whole range, or a sheet's used range (null: a blank sheet). */
interface Block {
  kind: 'table' | 'range';
  sheetName: string;
  tableName?: string;
  showHeaders: boolean;
  showTotals: boolean;
  /** undefined until known. */
  shape: Shape | null | undefined;
  values: CellValue[][];
}

interface ListObject {
  name: string;
  sheetName: string;
  showHeaders: boolean;
  showTotals: boolean;
}

const same = (a: string, b: string) => normalizeWord(a) === normalizeWord(b);
const shapeOf = (r: XlRange): Shape => ({ rowIndex: r.rowIndex, columnIndex: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount });

/** Sync 1: names, and the shapes of candidate tables and sheets when Excel allows it. */
async function readNames(context: XlContext, tableCandidates: string[], sheetCandidates: string[]) {
  const wb = context.workbook;
  const queue = (withShapes: boolean) => ({
    sheets: wb.worksheets.load('items/name'),
    tables: wb.tables.load('items/name,items/showHeaders,items/showTotals,items/worksheet/name'),
    tableShapes: withShapes
      ? tableCandidates.map((name) => {
          const table: XlTable = wb.tables.getItemOrNullObject(name).load('name');
          return { table, range: table.getRange().load(SHAPE) };
        })
      : [],
    sheetShapes: withShapes
      ? sheetCandidates.map((name) => {
          const sheet: XlWorksheet = wb.worksheets.getItemOrNullObject(name).load('name');
          return { sheet, used: sheet.getUsedRangeOrNullObject(true).load(SHAPE) };
        })
      : [],
  });
  let found = queue(tableCandidates.length + sheetCandidates.length > 0);
  try {
    await context.sync();
  } catch (e) {
    if (found.tableShapes.length + found.sheetShapes.length === 0) throw e;
    // Excel refused the shapes reached through null objects: names alone, shapes later.
    found = queue(false);
    await context.sync();
  }
  const sheetNames = found.sheets.items.map((s) => s.name);
  const listObjects: ListObject[] = found.tables.items.map((t) => ({ name: t.name, sheetName: t.worksheet.name, showHeaders: t.showHeaders, showTotals: t.showTotals }));

  const tableShape = (name: string): Shape | undefined => {
    const hit = found.tableShapes.find((p) => !p.table.isNullObject && p.table.name === name);
    return hit ? shapeOf(hit.range) : undefined;
  };
  const sheetShape = (name: string): Shape | null | undefined => {
    const hit = found.sheetShapes.find((p) => !p.sheet.isNullObject && p.sheet.name === name);
    if (!hit) return undefined;
    return hit.used.isNullObject ? null : shapeOf(hit.used);
  };
  return { sheetNames, listObjects, tableShape, sheetShape };
}

/** The shapes sync 1 could not give (only when Excel refused navigation from null objects, or names differ in width or case). */
async function readShapes(context: XlContext, blocks: Block[]): Promise<void> {
  const missing = blocks.filter((b) => b.shape === undefined);
  if (missing.length === 0) return;
  const wb = context.workbook;
  const ranges = missing.map((b) =>
    b.kind === 'table' ? wb.tables.getItem(b.tableName!).getRange().load(SHAPE) : wb.worksheets.getItem(b.sheetName).getUsedRangeOrNullObject(true).load(SHAPE),
  );
  await context.sync();
  missing.forEach((b, i) => (b.shape = ranges[i].isNullObject ? null : shapeOf(ranges[i])));
}

/** Rows of a block that hold data to read (a totals row is not data). */
const dataRows = (b: Block) => (b.shape ? b.shape.rowCount - (b.kind === 'table' && b.showTotals ? 1 : 0) : 0);

/** Sync 2…n: the values, all at once under the budget, else in chunks of rows. */
async function readValues(context: XlContext, blocks: Block[], budgetBytes: number): Promise<void> {
  const readable = blocks.filter((b) => b.shape && dataRows(b) > 0);
  const pending: ReadUnit[][] = planReads(
    readable.map((b) => ({ rows: dataRows(b), columns: b.shape!.columnCount })),
    budgetBytes,
  );
  const wb = context.workbook;
  // The chunk loop is the one place a sync sits in a loop: each turn reads one budget's worth
  // of rows (a group of chunks under the 5 MB limit), so syncs grow with the data, never per row
  // or per table. A reply Excel still refuses as too big is cut in half and read again.
  while (pending.length > 0) {
    const group = pending.shift()!;
    const ranges = group.map((u) => {
      const b = readable[u.block];
      const s = b.shape!;
      return wb.worksheets.getItem(b.sheetName).getRange(a1(s.rowIndex + u.row, s.columnIndex, u.rows, s.columnCount)).load('values');
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload-sized chunk group (5 MB limit); the loop is over chunks, not rows or tables
      await context.sync();
    } catch (e) {
      const halves = isPayloadLimitError(e) ? halve(group) : null;
      if (!halves) throw e;
      pending.unshift(...halves);
      continue;
    }
    group.forEach((u, i) => {
      const values = ranges[i].values;
      const into = readable[u.block].values;
      for (let r = 0; r < u.rows; r++) into[u.row + r] = values[r].map(fromExcel);
    });
  }
}

export async function readWorkbook(run: ExcelRun, request: ReadRequest, budgetBytes = SYNC_BUDGET_BYTES): Promise<ReadReply> {
  const ownedNames = [...(request.owned ?? [])];
  const tableCandidates = [...(request.inputs ? INPUT_TABLES.map((t) => t.name) : []), ...ownedNames];
  const sheetCandidates = request.inputs ? [...new Set(INPUT_TABLES.flatMap((t) => [t.sheet.zh, t.sheet.en]))] : [];

  return run(async (context) => {
    const names = await readNames(context, tableCandidates, sheetCandidates);
    const { sheetNames, listObjects } = names;

    const tableBlock = (lo: ListObject): Block => ({
      kind: 'table',
      sheetName: lo.sheetName,
      tableName: lo.name,
      showHeaders: lo.showHeaders,
      showTotals: lo.showTotals,
      shape: names.tableShape(lo.name),
      values: [],
    });

    const inputs = new Map<string, Block>();
    if (request.inputs) {
      const where = locateTables(INPUT_TABLES, listObjects, sheetNames);
      for (const def of INPUT_TABLES) {
        const place = where[def.name];
        if (!place) continue;
        if (place.kind === 'table') inputs.set(def.name, tableBlock(listObjects.find((t) => t.name === place.name)!));
        else inputs.set(def.name, { kind: 'range', sheetName: place.sheetName, showHeaders: true, showTotals: false, shape: names.sheetShape(place.sheetName), values: [] });
      }
    }
    const owned = new Map<string, Block | null>();
    for (const name of ownedNames) {
      const lo = listObjects.find((t) => same(t.name, name));
      owned.set(name, lo ? tableBlock(lo) : null);
    }

    const blocks = [...inputs.values(), ...[...owned.values()].filter((b): b is Block => b !== null)];
    await readShapes(context, blocks);
    await readValues(context, blocks, budgetBytes);

    const tables: Record<string, TableSnapshot> = {};
    for (const [name, b] of inputs) {
      if (!b.shape) continue;
      if (b.kind === 'table') tables[name] = tableSnapshot(b);
      else {
        const snap = rangeTable(b.sheetName, b.values, b.shape.rowIndex + 1, b.shape.columnIndex + 1);
        if (snap) tables[name] = snap;
      }
    }
    const ownedReply: Record<string, OwnedTableContents | null> = {};
    for (const [name, b] of owned) {
      if (!b || !b.shape) ownedReply[name] = null;
      else {
        const t = tableSnapshot(b);
        ownedReply[name] = { sheetName: t.sheetName, headers: t.headers, rows: t.rows };
      }
    }
    return { snapshot: { tables }, owned: ownedReply, sheetNames, tableNames: listObjects.map((t) => t.name) };
  });
}

/** A table's values as the engine sees them: header row, then body rows (no totals row). */
function tableSnapshot(b: Block): TableSnapshot {
  const values = b.values.slice(0, dataRows(b));
  return {
    tableName: b.tableName!,
    sheetName: b.sheetName,
    headerRow: b.shape!.rowIndex + 1,
    firstColumn: b.shape!.columnIndex + 1,
    headers: b.showHeaders ? (values[0] ?? []) : [],
    rows: b.showHeaders ? values.slice(1) : values,
  };
}
