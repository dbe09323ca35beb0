/**
 * Helpers of the ExcelJS-port tests: a port that counts its calls, fingerprints of sheets
 * (values, types, number formats, validations, tables) to prove what a write left alone, and
 * workbooks saved and loaded again as the CLI does.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CellValue } from '../../src/domain/cells';
import type { WorkbookPort, WritePlan } from '../../src/workbook/port';
import { saveAtomically } from '../../src/workbook/xlsx/port';
import { decodeRef, loadWorkbook } from '../../src/workbook/xlsx/read';

const made: string[] = [];

/** A new temp folder, removed by removeTempDirs. */
export function tempDir(prefix = 'kam-port-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders tempDir made (call in afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Wraps a port: counts reads and applies, keeps the plans. */
export function spyPort(port: WorkbookPort): { port: WorkbookPort; reads: number; plans: WritePlan[] } {
  const spy = {
    reads: 0,
    plans: [] as WritePlan[],
    port: {
      read: (r) => {
        spy.reads++;
        return port.read(r);
      },
      apply: (p) => {
        spy.plans.push(p);
        return port.apply(p);
      },
    } as WorkbookPort,
  };
  return spy;
}

/** Saves (atomically, as the CLI does) and loads the file again with the CLI's loader. */
export async function saveAndReload(wb: ExcelJS.Workbook, path: string): Promise<ExcelJS.Workbook> {
  await saveAtomically(wb, path);
  return loadWorkbook(path);
}

function cellValueJson(v: ExcelJS.CellValue): unknown {
  if (v instanceof Date) return { date: v.toISOString() };
  return v;
}

export interface SheetFingerprint {
  cells: [string, number, unknown, string | null][];
  validations: Record<string, unknown>;
  tables: { name: string; ref: string | undefined; columns: string[] }[];
  columns: { width: number | undefined; numFmt: string | undefined }[];
}

/** Everything of a sheet a write must not change, in plain JSON. */
export function sheetFingerprint(ws: ExcelJS.Worksheet): SheetFingerprint {
  const cells: SheetFingerprint['cells'] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      cells.push([cell.address, cell.type, cellValueJson(cell.value), cell.numFmt ?? null]);
    }),
  );
  const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  const validations: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(model)) if (v) validations[k] = v;
  const tables = (ws.getTables() as unknown as { table: { name: string; tableRef?: string; columns: { name: string }[] } }[]).map((t) => ({
    name: t.table.name,
    ref: t.table.tableRef,
    columns: t.table.columns.map((c) => c.name),
  }));
  // ExcelJS takes a width of 9 for its default and drops such a column on saving, whoever
  // saves (Column.isCustomWidth): a plain load-and-save loses it too. Compared as absent.
  const columns = (ws.columns ?? []).map((c) => ({ width: c.width === 9 ? undefined : c.width, numFmt: c.numFmt }));
  return { cells, validations, tables, columns };
}

/** Fingerprints of the named sheets. */
export function fingerprints(wb: ExcelJS.Workbook, sheets: readonly string[]): Record<string, SheetFingerprint> {
  return Object.fromEntries(sheets.map((s) => [s, sheetFingerprint(wb.getWorksheet(s)!)]));
}

interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
}

export function tableModel(wb: ExcelJS.Workbook, name: string): TableModel & { sheet: string } {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as { table: TableModel }[]) if (t.table.name === name) return { ...t.table, sheet: ws.name };
  }
  throw new Error(`no table ${name}`);
}

/** A table's header and data rows as plain values, by its ref. */
export function tableValues(wb: ExcelJS.Workbook, name: string): { headers: CellValue[]; rows: CellValue[][] } {
  const t = tableModel(wb, name);
  const ws = wb.getWorksheet(t.sheet)!;
  const ref = decodeRef(t.tableRef ?? t.ref!);
  const out: CellValue[][] = [];
  for (let r = ref.top; r <= ref.bottom; r++) {
    const line: CellValue[] = [];
    for (let c = ref.left; c <= ref.right; c++) {
      const v = ws.getCell(r, c).value;
      line.push(v === undefined ? null : (v as CellValue));
    }
    out.push(line);
  }
  return { headers: out[0], rows: out.slice(1) };
}
