/**
 * The subset of the Excel JavaScript API the Office.js adapter uses, as types cut from
 * @types/office-js. Excel's own objects satisfy these interfaces (checked at the bottom of this
 * file), so the adapter compiles against the real `Excel` namespace and runs on `Excel.run`
 * inside Excel and on the Excel simulator (src/preview/simulator) in tests and the preview host.
 *
 * Types only: nothing here exists at run time, and the adapter never touches the `Excel` global
 * (outside Office it is undefined), so string literals stand for Excel's enums ('Up', 'Contents').
 */

type LoadArg = string | string[];

export interface XlRangeFormat extends Pick<Excel.RangeFormat, 'columnWidth'> {
  load(propertyNames?: LoadArg): XlRangeFormat;
}

export interface XlDataValidation extends Pick<Excel.DataValidation, 'rule' | 'isNullObject'> {
  load(propertyNames?: LoadArg): XlDataValidation;
  clear(): void;
}

export interface XlRange
  extends Pick<Excel.Range, 'values' | 'formulas' | 'numberFormat' | 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount' | 'cellCount' | 'isNullObject'> {
  load(propertyNames?: LoadArg): XlRange;
  readonly format: XlRangeFormat;
  readonly dataValidation: XlDataValidation;
  readonly worksheet: XlWorksheet;
  getCell(row: number, column: number): XlRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XlRange;
  getOffsetRange(rowOffset: number, columnOffset: number): XlRange;
  getRow(row: number): XlRange;
  getColumn(column: number): XlRange;
  getLastRow(): XlRange;
  getLastColumn(): XlRange;
  getRowsBelow(count?: number): XlRange;
  getEntireColumn(): XlRange;
  /** The used cells within this range (ExcelApi 1.4); null object when none. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  delete(shift: 'Up' | 'Left'): void;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  select(): void;
}

export interface XlFreezePanes {
  freezeRows(count?: number): void;
  unfreeze(): void;
}

export interface XlWorksheet extends Pick<Excel.Worksheet, 'name' | 'position' | 'isNullObject'> {
  load(propertyNames?: LoadArg): XlWorksheet;
  readonly tables: XlTableCollection;
  readonly freezePanes: XlFreezePanes;
  getRange(address?: string): XlRange;
  getUsedRange(valuesOnly?: boolean): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection extends Pick<Excel.WorksheetCollection, 'isNullObject'> {
  readonly items: XlWorksheet[];
  load(propertyNames?: LoadArg): XlWorksheetCollection;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
}

export interface XlTableRowCollection extends Pick<Excel.TableRowCollection, 'count'> {
  load(propertyNames?: LoadArg): XlTableRowCollection;
}

export interface XlTable extends Pick<Excel.Table, 'name' | 'showHeaders' | 'showTotals' | 'style' | 'isNullObject'> {
  load(propertyNames?: LoadArg): XlTable;
  readonly worksheet: XlWorksheet;
  readonly rows: XlTableRowCollection;
  getRange(): XlRange;
  getHeaderRowRange(): XlRange;
  getDataBodyRange(): XlRange;
  delete(): void;
}

export interface XlTableCollection extends Pick<Excel.TableCollection, 'count' | 'isNullObject'> {
  readonly items: XlTable[];
  load(propertyNames?: LoadArg): XlTableCollection;
  getItem(key: string): XlTable;
  getItemOrNullObject(key: string): XlTable;
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;
}

/** The request context: the workbook proxy and `sync`, which sends the queued commands. */
export interface XlContext {
  readonly workbook: XlWorkbook;
  sync<T>(passThroughValue?: T): Promise<T>;
}

/** `Excel.run`'s plain form: a batch gets a fresh context; queued commands flush when it ends. */
export type ExcelRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

// Compile-time proof that Excel's objects fit the subset (no code is emitted for these).
type Fits<A, B> = A extends B ? true : false;
type Assert<T extends true> = T;
export type _ExcelFitsSubset = [
  Assert<Fits<Excel.Range, XlRange>>,
  Assert<Fits<Excel.Worksheet, XlWorksheet>>,
  Assert<Fits<Excel.WorksheetCollection, XlWorksheetCollection>>,
  Assert<Fits<Excel.Table, XlTable>>,
  Assert<Fits<Excel.TableCollection, XlTableCollection>>,
  Assert<Fits<Excel.Workbook, XlWorkbook>>,
  Assert<Fits<Excel.RequestContext, XlContext>>,
  Assert<Fits<typeof Excel.run, ExcelRun>>,
];
