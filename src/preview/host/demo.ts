/**
 * The preview's demo workbook, made the way the add-in makes one: initWorkbook through the
 * Office.js adapter on the simulator (sheets, tables, formats, dropdowns), then the demo
 * department's rows (src/domain/demo.ts) appended to each table in one write.
 */
import type { Serial } from '../../domain/dates';
import { DEMO_TABLES, demoRows } from '../../domain/demo';
import type { Lang } from '../../domain/i18n/messages';
import { TABLES_BY_NAME } from '../../domain/tables';
import { officePort, type ExcelRun } from '../../workbook/excel';
import { initWorkbook } from '../../workbook/operations';
import { rowCells } from '../../workbook/operations/initWorkbook';
import type { WriteStep } from '../../workbook/port';

export interface DemoOptions {
  lang: Lang;
  asOf: Serial;
  seed?: number;
  scale?: number;
  /** Only the empty tables (Settings and the scheme filled), no demo rows. */
  empty?: boolean;
}

export async function loadDemo(run: ExcelRun, options: DemoOptions): Promise<void> {
  const port = officePort(run);
  const init = await initWorkbook(port, { lang: options.lang });
  if (options.empty) return;
  const rows = demoRows({ seed: options.seed ?? 1, scale: options.scale ?? 1, asOf: options.asOf, lang: options.lang });
  const steps: WriteStep[] = DEMO_TABLES.map((name) => ({
    kind: 'appendRows',
    tableName: name,
    rows: rows[name].map((r) => rowCells(TABLES_BY_NAME.get(name)!, r)),
  }));
  const customers = init.created.find((c) => c.table === 'Customers');
  if (customers) steps.push({ kind: 'activate', sheetName: customers.sheetName });
  await port.apply({ steps });
}
