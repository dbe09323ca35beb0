/**
 * The workbook operations of DESIGN.md, written once against the WorkbookPort: the task pane,
 * the ribbon command and the `kam` CLI run them on Office.js or on ExcelJS alike.
 */
export { initWorkbook } from './initWorkbook';
export type { InitOptions, InitResult } from './initWorkbook';
export { appendRows } from './appendRows';
export type { AppendOptions, AppendOutcome, RowRecord } from './appendRows';
export { validateWorkbook } from './validateWorkbook';
export type { ValidateWorkbookOptions, ValidateWorkbookResult } from './validateWorkbook';
export { recalculate } from './recalculate';
export type { RecalculateOptions, RecalculateOutcome, WrittenTable } from './recalculate';
export { generateForm } from './generateForm';
export type { GenerateFormOptions, GenerateFormOutcome } from './generateForm';
export { detectLang } from './language';
export { inputColumnFormats, VALIDATION_ROOM } from './columnFormats';
