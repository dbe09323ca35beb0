/**
 * The Excel simulator: an in-memory workbook behind the subset of the Excel JavaScript API the
 * Office.js adapter uses (src/workbook/excel/api.ts), with the semantics that bite — properties
 * unreadable before load + sync, writes applied only at sync, a 5 MB request/reply limit, typed
 * input (`=` formulas, numbers from text, the apostrophe prefix), table auto-expansion, merged
 * areas that may not cut one another, formats read back as null where cells differ, borders on
 * the lines between cells, and the page setup (print area, title rows, paper, zoom, footer).
 *
 *   const sim = new Simulator(SimWorkbook.fromSnapshot(snapshot));
 *   const port = officePort(sim.run);   // as the add-in passes Excel.run
 *   await port.read({ inputs: true });
 *   sim.stats.syncs; sim.workbook.dump();
 */
import type { ExcelRun, XlContext } from '../../workbook/excel/api';
import { PAYLOAD_LIMIT_BYTES, SimOptions, SimRequestContext, SimStats, newStats } from './context';
import { SimWorkbook } from './model';
import { SimWorkbookProxy } from './proxies';

export { PAYLOAD_LIMIT_BYTES, utf8Bytes } from './context';
export type { SimOptions, SimStats } from './context';
export { SimError, isPayloadLimitError } from './errors';
export type { SimErrorCode } from './errors';
export { SimSheet, SimTable, SimWorkbook, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from './model';
export { DEFAULT_FONT, NO_FILL_COLOR } from './formats';
export type { SimBorders, SimCellFormat, SimFont, SimLine } from './formats';
export type { SimPageLayoutDump } from './pageLayout';
export { MAX_AREAS_ADDRESS } from './formatProxies';
export type { RawValue, SimCell, SimCellDump, SimDump, SimRule, SimScalar, SimSheetDump } from './model';
export { typedInput } from './typedInput';
export { evaluateFormula } from './formula';

export class Simulator {
  readonly stats: SimStats = newStats();
  readonly options: SimOptions;

  constructor(
    readonly workbook: SimWorkbook = new SimWorkbook(),
    options: Partial<SimOptions> = {},
  ) {
    this.options = { payloadLimitBytes: PAYLOAD_LIMIT_BYTES, navigateNullObject: 'null', ...options };
  }

  /**
   * Like `Excel.run`: a fresh request context for the batch; what is still queued when the batch
   * resolves goes in one last sync; afterwards the context's objects can no longer queue commands.
   */
  readonly run: ExcelRun = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
    const context = new SimRequestContext(this.workbook, this.stats, this.options);
    context.workbook = new SimWorkbookProxy(context);
    try {
      const result = await batch(context);
      await context.sync();
      return result;
    } finally {
      context._close();
    }
  };

  resetStats(): void {
    Object.assign(this.stats, newStats());
  }
}
