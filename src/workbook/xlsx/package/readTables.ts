/**
 * The engine's view of a package: the input tables (SPEC §2) as plain values, straight from the
 * streamed cells into the snapshot's arrays. Only the sheets that hold input tables are read.
 *
 * A table's rows end at the last row holding a value inside the table: the empty rows a table
 * or a sheet may end with (a new table has one; a styled row 1048576 has a million) are never
 * allocated. A block larger than the cell limit is refused before it is allocated.
 */
import type { CellValue } from '../../../domain/cells';
import { TableSnapshot, WorkbookSnapshot, locateTables, rangeTable } from '../../../domain/snapshot';
import { INPUT_TABLES } from '../../../domain/tables';
import { LimitError } from './limits';
import { Box, SheetInfo, TableInfo, XlsxPackage } from './package';
import type { SheetCells } from './sheetScan';
import type { InflateStream } from './zip';

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function filled(v: CellValue): boolean {
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
}

/** The last row in `top…bottom` with a value in columns `left…right` (top - 1 when none). */
function lastValueRow(cells: SheetCells, top: number, bottom: number, left: number, right: number): number {
  let last = top - 1;
  for (const [r, row] of cells.rows) {
    if (r < top || r > bottom || r <= last) continue;
    if (row.cols.some((c, i) => c >= left && c <= right && filled(row.values[i]))) last = r;
  }
  return last;
}

/** Dense values of a block, row by row (null where no cell holds a value). */
export function block(cells: SheetCells, box: Box, where: string, maxCells: number): CellValue[][] {
  const width = box.right - box.left + 1;
  const height = Math.max(0, box.bottom - box.top + 1);
  if (width * height > maxCells) throw new LimitError('cells', where, width * height, maxCells);
  const out: CellValue[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const line: CellValue[] = new Array<CellValue>(width).fill(null);
    const row = cells.rows.get(r);
    if (row) {
      for (let i = 0; i < row.cols.length; i++) {
        const c = row.cols[i];
        if (c >= box.left && c <= box.right) line[c - box.left] = row.values[i];
      }
    }
    out.push(line);
  }
  return out;
}

/** The Excel row of a ListObject's last data row holding a value (its header row when none). */
export function lastFilledRow(pkg: XlsxPackage, table: TableInfo): number {
  const { top, left, right } = table.ref;
  const dataTop = top + table.headerRowCount;
  return lastValueRow(pkg.sheetCells(table.sheet), dataTop, table.ref.bottom - table.totalsRowCount, left, right);
}

/** A ListObject's header and data rows (data trimmed after the last row holding a value). */
export function tableValues(pkg: XlsxPackage, table: TableInfo): { headers: CellValue[]; rows: CellValue[][] } {
  const cells = pkg.sheetCells(table.sheet);
  const { top, left, right } = table.ref;
  const dataTop = top + table.headerRowCount;
  const dataBottom = table.ref.bottom - table.totalsRowCount;
  const bottom = lastValueRow(cells, dataTop, dataBottom, left, right);
  const headers = table.headerRowCount > 0 ? block(cells, { top, left, bottom: top, right }, table.name, pkg.limits.maxCells)[0] : [];
  const rows = block(cells, { top: dataTop, left, bottom, right }, table.name, pkg.limits.maxCells);
  return { headers, rows };
}

/**
 * A plain range on a sheet (SPEC §2): the headers are the first row holding a value, from its
 * first to its last filled cell; the data are the rows below, to the last one with a value in
 * those columns. The same cut as rangeTable on the dense sheet, without the dense sheet.
 */
function rangeValues(pkg: XlsxPackage, sheet: SheetInfo): TableSnapshot | null {
  const cells = pkg.sheetCells(sheet);
  let headerRow = Infinity;
  for (const [r, row] of cells.rows) if (r < headerRow && row.values.some(filled)) headerRow = r;
  if (headerRow === Infinity) return null;
  const header = cells.rows.get(headerRow)!;
  const cols = header.cols.filter((_, i) => filled(header.values[i]));
  const left = cols[0];
  const right = cols[cols.length - 1];
  const bottom = lastValueRow(cells, headerRow + 1, cells.maxRow, left, right);
  const values = block(cells, { top: headerRow, left, bottom: Math.max(bottom, headerRow), right }, sheet.name, pkg.limits.maxCells);
  return rangeTable(sheet.name, values, headerRow, left);
}

type Place = { def: string; table: TableInfo; sheet?: undefined } | { def: string; table?: undefined; sheet: SheetInfo };

/** Where each input table of SPEC §2 is in the package: a ListObject, or a plain range on a sheet. */
function inputPlaces(pkg: XlsxPackage): Place[] {
  const worksheets = pkg.sheets.filter((s) => s.part);
  const where = locateTables(
    INPUT_TABLES,
    pkg.tables.map((t) => ({ name: t.name, sheetName: t.sheet.name })),
    worksheets.map((s) => s.name),
  );
  const places: Place[] = [];
  for (const def of INPUT_TABLES) {
    const place = where[def.name];
    if (!place) continue;
    if (place.kind === 'table') places.push({ def: def.name, table: pkg.tables.find((t) => t.name === place.name)! });
    else places.push({ def: def.name, sheet: worksheets.find((s) => sameName(s.name, place.sheetName))! });
  }
  return places;
}

/** The input tables of SPEC §2 found in the package. */
export function readSnapshot(pkg: XlsxPackage): WorkbookSnapshot {
  return snapshotAt(pkg, inputPlaces(pkg));
}

/** readSnapshot with the input sheets inflated off the main thread (XlsxPackage.preload). */
export async function readSnapshotAsync(pkg: XlsxPackage, inflate: InflateStream): Promise<WorkbookSnapshot> {
  const places = inputPlaces(pkg);
  await pkg.preload(
    places.map((p) => p.table?.sheet ?? p.sheet!),
    inflate,
  );
  return snapshotAt(pkg, places);
}

function snapshotAt(pkg: XlsxPackage, places: readonly Place[]): WorkbookSnapshot {
  const tables: Record<string, TableSnapshot> = {};
  for (const place of places) {
    if (place.table) {
      const { table } = place;
      const { headers, rows } = tableValues(pkg, table);
      tables[place.def] = {
        tableName: table.name,
        sheetName: table.sheet.name,
        headerRow: table.ref.top,
        firstColumn: table.ref.left,
        headers,
        rows,
      };
    } else {
      const snap = rangeValues(pkg, place.sheet);
      if (snap) tables[place.def] = snap;
    }
  }
  return { tables };
}

export function findTable(pkg: XlsxPackage, name: string): TableInfo | undefined {
  return pkg.tables.find((t) => sameName(t.name, name));
}
