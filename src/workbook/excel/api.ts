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

export interface XlRangeFont extends Pick<Excel.RangeFont, 'name' | 'size' | 'bold' | 'italic'> {
  load(propertyNames?: LoadArg): XlRangeFont;
}

export interface XlRangeFill extends Pick<Excel.RangeFill, 'color'> {
  load(propertyNames?: LoadArg): XlRangeFill;
}

export interface XlRangeBorder extends Pick<Excel.RangeBorder, 'style' | 'weight' | 'color'> {
  load(propertyNames?: LoadArg): XlRangeBorder;
}

/** The border items the adapter draws (no diagonals). */
export type XlBorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

export interface XlRangeBorderCollection {
  getItem(index: XlBorderIndex): XlRangeBorder;
}

export interface XlRangeFormat
  extends Pick<Excel.RangeFormat, 'columnWidth' | 'rowHeight' | 'horizontalAlignment' | 'verticalAlignment' | 'wrapText' | 'indentLevel'> {
  load(propertyNames?: LoadArg): XlRangeFormat;
  readonly font: XlRangeFont;
  readonly fill: XlRangeFill;
  readonly borders: XlRangeBorderCollection;
}

/** Several blocks of one sheet as one object (ExcelApi 1.9): a format set on it applies to each. */
export interface XlRangeAreas extends Pick<Excel.RangeAreas, 'address' | 'areaCount'> {
  load(propertyNames?: LoadArg): XlRangeAreas;
  readonly format: XlRangeFormat;
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
  /** One merged area, or one per row with `across` (ExcelApi 1.2). */
  merge(across?: boolean): void;
}

export interface XlFreezePanes {
  freezeRows(count?: number): void;
  unfreeze(): void;
}

export interface XlHeaderFooter extends Pick<Excel.HeaderFooter, 'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter'> {
  load(propertyNames?: LoadArg): XlHeaderFooter;
}

export interface XlHeaderFooterGroup {
  readonly defaultForAllPages: XlHeaderFooter;
}

/** A worksheet's page setup (ExcelApi 1.9). Margins are in points. */
export interface XlPageLayout
  extends Pick<
    Excel.PageLayout,
    'orientation' | 'paperSize' | 'zoom' | 'centerHorizontally' | 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin'
  > {
  load(propertyNames?: LoadArg): XlPageLayout;
  readonly headersFooters: XlHeaderFooterGroup;
  setPrintArea(printArea: XlRange | XlRangeAreas | string): void;
  setPrintTitleRows(printTitleRows: XlRange | string): void;
}

export interface XlWorksheet extends Pick<Excel.Worksheet, 'name' | 'position' | 'showGridlines' | 'isNullObject'> {
  load(propertyNames?: LoadArg): XlWorksheet;
  readonly tables: XlTableCollection;
  readonly freezePanes: XlFreezePanes;
  readonly pageLayout: XlPageLayout;
  getRange(address?: string): XlRange;
  /** Blocks of this sheet, `A1:B2, D4` (ExcelApi 1.9). */
  getRanges(address?: string): XlRangeAreas;
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
  /** Rows at the end of the table when index is null (ExcelApi 1.1). */
  add(index?: number | null, values?: (string | number | boolean)[][]): unknown;
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
  Assert<Fits<Excel.RangeFormat, XlRangeFormat>>,
  Assert<Fits<Excel.RangeBorderCollection, XlRangeBorderCollection>>,
  Assert<Fits<Excel.RangeAreas, XlRangeAreas>>,
  Assert<Fits<Excel.PageLayout, XlPageLayout>>,
  Assert<Fits<Excel.Worksheet, XlWorksheet>>,
  Assert<Fits<Excel.WorksheetCollection, XlWorksheetCollection>>,
  Assert<Fits<Excel.Table, XlTable>>,
  Assert<Fits<Excel.TableCollection, XlTableCollection>>,
  Assert<Fits<Excel.Workbook, XlWorkbook>>,
  Assert<Fits<Excel.RequestContext, XlContext>>,
  Assert<Fits<typeof Excel.run, ExcelRun>>,
];
