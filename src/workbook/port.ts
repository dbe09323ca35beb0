import type { CellValue } from '../domain/cells';
import type { FormGrid } from '../domain/forms/grid';
import type { WorkbookSnapshot } from '../domain/snapshot';

/**
 * The one interface the workbook operations need (DESIGN.md): written once against this port,
 * run on Office.js inside Excel and on ExcelJS for .xlsx files.
 *
 * The port is coarse on purpose: one `read` and one `apply` per operation, so the Office.js
 * adapter can do each in a constant number of syncs (Excel's cost model), never one per row.
 */
export interface WorkbookPort {
  /** Input tables as plain values, plus the current body of the named owned tables. */
  read(request: ReadRequest): Promise<ReadReply>;
  /** Carries out a plan of writes, in order. Input tables' existing rows are never touched. */
  apply(plan: WritePlan): Promise<void>;
}

export interface ReadRequest {
  /** Read every input table of SPEC §2 (by table name, else by sheet name). */
  inputs: boolean;
  /** Owned tables (KpiResults, Scorecards, Pipeline…) whose headers and rows are wanted. */
  owned?: readonly string[];
}

export interface OwnedTableContents {
  sheetName: string;
  headers: CellValue[];
  rows: CellValue[][];
}

export interface ReadReply {
  snapshot: WorkbookSnapshot;
  /** Keyed by the requested table name; null when the workbook has no such table. */
  owned: Record<string, OwnedTableContents | null>;
  /** Every worksheet name, in tab order (new sheet names must not collide). */
  sheetNames: string[];
  /** Every table (ListObject) name in the workbook. */
  tableNames: string[];
}

/** How one column of a table the add-in creates is formatted. */
export interface ColumnFormat {
  /** Excel number format (`yyyy-mm-dd`, `#,##0.00`, `0.0%`, `@`…). */
  numFmt?: string;
  /** Width in characters. */
  width?: number;
  /** List validation: the allowed words (a dropdown). */
  list?: readonly string[];
}

export type WriteStep =
  /**
   * A new sheet holding a new Excel table at A1: headers, first rows, column formats,
   * dropdowns, frozen header row. `validationRows` is how many rows the formats and dropdowns
   * cover below the header (room for people to type new rows).
   */
  | {
      kind: 'createTable';
      sheetName: string;
      tableName: string;
      headers: string[];
      rows: CellValue[][];
      columns: ColumnFormat[];
      validationRows: number;
    }
  /** Rows written just below an existing table so that it expands (never `rows.add` per row). */
  | { kind: 'appendRows'; tableName: string; rows: CellValue[][] }
  /** The whole data body of an owned table replaced (rows of other periods are passed in again). */
  | { kind: 'replaceRows'; tableName: string; rows: CellValue[][] }
  /**
   * A new worksheet (at the end of the tabs) drawing a form's grid (SPEC §5): values (text as
   * text), number formats, fonts, alignment, fills, merges, borders, column widths, row heights
   * and the print setup. The caller picks a valid name no sheet has (formSheetName); the new
   * sheet does not become the active one (an `activate` step does that).
   */
  | { kind: 'addSheet'; sheetName: string; grid: FormGrid }
  /**
   * Cells of existing rows of a table changed (the user edited a row, SPEC §8): `row` counts
   * the table's data rows from 0, `column` its columns from 0. Only these cells are written;
   * each keeps its format.
   */
  | { kind: 'updateCells'; tableName: string; cells: readonly CellUpdate[] }
  /** Brings a sheet to the front (Excel) or marks it active (xlsx). */
  | { kind: 'activate'; sheetName: string };

export interface CellUpdate {
  row: number;
  column: number;
  value: CellValue;
}

export interface WritePlan {
  steps: WriteStep[];
}

/**
 * Text that a spreadsheet would take for a formula when typed (`=`, `+`, `-`, `@`).
 * Adapters must store such user text as text (SPEC §4: data, never executed).
 */
export function looksLikeFormula(v: CellValue): boolean {
  return typeof v === 'string' && /^[=+\-@]/.test(v);
}
