/**
 * The Excel tables (ListObjects) of a workbook loaded by ExcelJS. Types only from ExcelJS, so
 * that the preview host can use it without pulling ExcelJS into the task pane's first load.
 */
import type ExcelJS from 'exceljs';

/** The part of ExcelJS's table model the adapter reads and moves. */
export interface TableModel {
  name: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

export interface ListObject {
  name: string;
  sheetName: string;
  ws: ExcelJS.Worksheet;
  model: TableModel;
}

/** Every table, sheet by sheet. ExcelJS keeps a loaded table's model in `table`, a new one's in `model`. */
export function listObjects(wb: ExcelJS.Workbook): ListObject[] {
  const out: ListObject[] = [];
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as { table?: TableModel; model?: TableModel }[]) {
      const model = t.table ?? t.model;
      if (model?.name) out.push({ name: model.name, sheetName: ws.name, ws, model });
    }
  }
  return out;
}
