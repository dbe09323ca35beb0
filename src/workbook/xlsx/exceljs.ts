/**
 * The pieces of the .xlsx adapter built on ExcelJS: a new workbook (`kam init`), the ExcelJS
 * port (`kam form --out`, tests) and its reader (the repairs that let ExcelJS load files other
 * programs write, normalizePackage, are in ./index: the preview uses them in the browser). Loading this entry loads ExcelJS: hosts import it only where they need it.
 */
export { writeNewWorkbook } from './init';
export { saveAtomically, xlsxPort } from './port';
export { readXlsxSnapshot } from './read';
