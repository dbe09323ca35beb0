import ExcelJS from 'exceljs';
import { CellValue } from '../../domain/cells';
import { TableSnapshot, WorkbookSnapshot, locateTables, rangeTable } from '../../domain/snapshot';
import { INPUT_TABLES } from '../../domain/tables';
import { plainValue } from './cellValue';
import { normalizePackage } from './normalize';
import { listObjects } from './tables';
import { readFile } from 'node:fs/promises';
import { openPackageFile } from './package/file';
import { decodeRange } from './package/package';
import { readSnapshot } from './package/readTables';

/** `A1:T9` → corners (1-based): the package layer's reading of a range. */
export const decodeRef = decodeRange;

/** The values of a block of cells, row by row. */
function block(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.findRow(r);
    const line: CellValue[] = new Array(right - left + 1).fill(null);
    if (row) {
      const values = row.values as ExcelJS.CellValue[];
      for (let c = left; c <= right; c++) line[c - left] = plainValue(values[c]);
    }
    out.push(line);
  }
  return out;
}

/** The engine's view of a workbook loaded by ExcelJS. */
export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const los = listObjects(wb);
  const where = locateTables(INPUT_TABLES, los, wb.worksheets.map((w) => w.name));
  const tables: Record<string, TableSnapshot> = {};
  for (const def of INPUT_TABLES) {
    const place = where[def.name];
    if (!place) continue;
    if (place.kind === 'table') {
      const lo = los.find((t) => t.name === place.name)!;
      const ref = decodeRef(lo.model.tableRef ?? lo.model.ref ?? 'A1');
      const hasHeader = lo.model.headerRow !== false;
      const bottom = ref.bottom - (lo.model.totalsRow ? 1 : 0);
      const values = block(lo.ws, ref.top, ref.left, bottom, ref.right);
      tables[def.name] = {
        tableName: lo.name,
        sheetName: lo.sheetName,
        headerRow: ref.top,
        firstColumn: ref.left,
        headers: hasHeader ? values[0] : [],
        rows: hasHeader ? values.slice(1) : values,
      };
    } else {
      const ws = wb.getWorksheet(place.sheetName)!;
      const bottom = ws.actualRowCount === 0 ? 0 : ws.rowCount;
      const right = ws.columnCount;
      const snap = rangeTable(ws.name, bottom === 0 ? [] : block(ws, 1, 1, bottom, right));
      if (snap) tables[def.name] = snap;
    }
  }
  return { tables };
}

/** Reads an .xlsx file into a snapshot, streaming only the parts the engine needs (package/). */
export async function readXlsxSnapshot(path: string): Promise<WorkbookSnapshot> {
  return readSnapshot((await openPackageFile(path)).pkg);
}

/** Loads an .xlsx with ExcelJS, mending what ExcelJS cannot read of other writers' files. */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const data = await normalizePackage(await readFile(path));
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}
