import { createRoot } from 'react-dom/client';
import { serialToday } from '../domain/dates';
import { ExcelRun, officePort } from '../workbook/excel';
import { App } from './App';
import { langOf } from './i18n';
import type { Services } from './services';
import { FillRun, excelHighlighter, sheetUi } from './sheetUi';

/** The pane inside Excel: every operation on Excel.run, in Office's display language. */
export function mountExcel(root: HTMLElement): void {
  const run: ExcelRun = (batch) => Excel.run(batch);
  const fillRun: FillRun = (batch) => Excel.run(batch);
  const services: Services = {
    port: officePort(run),
    sheets: sheetUi(run, excelHighlighter(fillRun)),
    today: () => serialToday(new Date()),
  };
  createRoot(root).render(<App services={services} initialLang={langOf(Office.context.displayLanguage)} />);
}
