/**
 * The Office.js adapter: the workbook port on the Excel JavaScript API. The add-in passes
 * `Excel.run`; tests and the preview host pass the simulator's `run` (src/preview/simulator).
 */
import type { WorkbookPort } from '../port';
import type { ExcelRun } from './api';
import { applyPlan } from './apply';
import { SYNC_BUDGET_BYTES } from './budget';
import { readWorkbook } from './read';

export type { ExcelRun } from './api';
/** How a cell value is handed to Excel (text that looks like a formula stays text): for hosts' own writes. */
export { toExcel } from './cells';

export interface OfficePortOptions {
  /** Bytes one sync may carry (default 4 MB, under Excel on the web's 5 MB limit). */
  budgetBytes?: number;
}

export function officePort(run: ExcelRun, options: OfficePortOptions = {}): WorkbookPort {
  const budget = options.budgetBytes ?? SYNC_BUDGET_BYTES;
  return {
    read: (request) => readWorkbook(run, request, budget),
    apply: (plan) => applyPlan(run, plan, budget),
  };
}
