import { CellValue, normalizeWord } from './cells';

/**
 * What an adapter reads out of a workbook for the engine: plain 2-D values, no host objects.
 * A table is either a real Excel table (ListObject) or a plain range on a sheet whose name is
 * the table's sheet name, with its headers in the first non-empty row (SPEC §2).
 */
export interface TableSnapshot {
  /** The ListObject name, or null for a plain range found by sheet name. */
  tableName: string | null;
  sheetName: string;
  /** Excel row number of the header row. */
  headerRow: number;
  /** Excel column number (1 = A) of the first column. */
  firstColumn: number;
  headers: CellValue[];
  /** Data rows, top to bottom; row i is Excel row headerRow + 1 + i. */
  rows: CellValue[][];
}

export interface WorkbookSnapshot {
  /** Keyed by the engine's table name (Staff, Customers, …); absent when not found. */
  tables: Partial<Record<string, TableSnapshot>>;
}

/** Cuts a sheet's used values down to the table under its first non-empty row. */
export function rangeTable(sheetName: string, values: CellValue[][], firstRow = 1, firstColumn = 1): TableSnapshot | null {
  const filled = (row: CellValue[] | undefined) => !!row && row.some((v) => v !== null && v !== undefined && String(v).trim() !== '');
  const headerIndex = values.findIndex(filled);
  if (headerIndex < 0) return null;
  const headerCells = values[headerIndex];
  // The table starts at the first filled header cell.
  let left = 0;
  while (left < headerCells.length && (headerCells[left] === null || headerCells[left] === undefined || String(headerCells[left]).trim() === '')) left++;
  let right = headerCells.length;
  while (right > left && (headerCells[right - 1] === null || headerCells[right - 1] === undefined || String(headerCells[right - 1]).trim() === '')) right--;
  const rows = values.slice(headerIndex + 1).map((r) => r.slice(left, right));
  while (rows.length > 0 && !filled(rows[rows.length - 1])) rows.pop();
  return {
    tableName: null,
    sheetName,
    headerRow: firstRow + headerIndex,
    firstColumn: firstColumn + left,
    headers: headerCells.slice(left, right),
    rows,
  };
}

/** Excel compares table and sheet names case-insensitively. */
const sameName = (a: string, b: string) => normalizeWord(a) === normalizeWord(b);

/**
 * Where each input table lives: a ListObject with the table's name, else a sheet named with the
 * table's Chinese or English sheet name (people convert tables to ranges and copy sheets).
 */
export function locateTables(
  defs: readonly { name: string; sheet: { zh: string; en: string } }[],
  listObjects: readonly { name: string; sheetName: string }[],
  sheetNames: readonly string[],
): Record<string, { kind: 'table'; name: string; sheetName: string } | { kind: 'range'; sheetName: string }> {
  const found: ReturnType<typeof locateTables> = {};
  for (const def of defs) {
    const lo = listObjects.find((t) => sameName(t.name, def.name));
    if (lo) {
      found[def.name] = { kind: 'table', name: lo.name, sheetName: lo.sheetName };
      continue;
    }
    const sheet = sheetNames.find((s) => sameName(s, def.sheet.zh)) ?? sheetNames.find((s) => sameName(s, def.sheet.en));
    if (sheet !== undefined) found[def.name] = { kind: 'range', sheetName: sheet };
  }
  return found;
}
