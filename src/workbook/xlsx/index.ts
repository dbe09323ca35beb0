/**
 * The .xlsx adapter's package layer, as hosts use it (browser and Node alike): a workbook file
 * as the zip of parts it is, read by streaming and written by patching (package/), and the
 * workbook port on it. Files on disk are in ./node; the ExcelJS-based pieces in ./exceljs.
 * Hosts import the adapter through these three entries only (.dependency-cruiser.js).
 */
export { XlsxPackage } from './package/package';
export type { SheetInfo, TableInfo } from './package/package';
export { LimitError, PackageError } from './package/limits';
export { packagePort } from './package/packagePort';
export { readSnapshot, readSnapshotAsync } from './package/readTables';
export { normalizePackage } from './normalize';
