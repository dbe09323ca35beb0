import { serialFromUtc } from '../../../src/domain/dates';
import { analyse } from '../../../src/domain/engine';
import { loadDemo } from '../../../src/preview/host/demo';
import { displayValue } from '../../../src/preview/host/format';
import { PreviewStore } from '../../../src/preview/host/store';
import { workbookFromXlsx, xlsxFromWorkbook } from '../../../src/preview/host/xlsxFile';
import { officePort } from '../../../src/workbook/excel';
import { snapshotOf } from '../../../src/workbook/xlsx/read';
import ExcelJS from 'exceljs';
import { generateForm } from '../../../src/workbook/operations';

const AS_OF = serialFromUtc(2026, 10, 10);

describe('the preview grid shows cells as Excel formats them', () => {
  it.each([
    [46204, 'yyyy-mm-dd', '2026-07-01'],
    [46204.5, 'yyyy-mm-dd hh:mm', '2026-07-01 12:00'],
    [0.958, '0.0%', '95.8%'],
    [1234.5, '#,##0.00', '1,234.50'],
    [40, '0', '40'],
    [0.1 + 0.2, 'General', '0.3'],
    ['13812345678', '@', '13812345678'],
    [true, 'General', 'TRUE'],
    ['', 'yyyy-mm-dd', ''],
  ])('%p in %s → %s', (value, format, shown) => {
    expect(displayValue(value as string | number | boolean, format)).toBe(shown);
  });
});

describe('the preview’s .xlsx files', () => {
  it('a demo workbook saved and opened again holds the same tables, formats and dropdowns', async () => {
    const store = new PreviewStore();
    await loadDemo(store.run, { lang: 'zh', asOf: AS_OF });
    const before = (await officePort(store.run).read({ inputs: true })).snapshot;

    const blob = await xlsxFromWorkbook(store.workbook);
    const bytes = await blob.arrayBuffer();

    // ExcelJS (the kam CLI's reader) sees the same tables.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const viaCli = snapshotOf(book);
    expect(Object.keys(viaCli.tables).sort()).toEqual(Object.keys(before.tables).sort());
    expect(analyse(viaCli, { asOf: AS_OF }).findings).toEqual(analyse(before, { asOf: AS_OF }).findings);

    // And the preview opens it: tables, values, number formats, dropdowns, frozen rows.
    const { workbook, warnings } = await workbookFromXlsx(bytes);
    expect(warnings).toEqual([]);
    expect(workbook.tables.map((t) => t.name).sort()).toEqual(store.workbook.tables.map((t) => t.name).sort());
    const again = new PreviewStore(workbook);
    const after = (await officePort(again.run).read({ inputs: true })).snapshot;
    expect(after.tables.Customers!.rows.slice(0, 5)).toEqual(before.tables.Customers!.rows.slice(0, 5));
    expect(after.tables.Visits!.rows.length).toBe(before.tables.Visits!.rows.length);
    const dump = workbook.dump().sheets.find((s) => s.name === '客户档案')!;
    const original = store.workbook.dump().sheets.find((s) => s.name === '客户档案')!;
    expect(dump.numberFormats).toEqual(original.numberFormats);
    expect(dump.validations.map((v) => v.address)).toEqual(original.validations.map((v) => v.address));
    expect(dump.frozenRows).toBe(1);
  });

  it('keeps a generated form’s merges, fonts, fills, borders, row heights and A4 page setup', async () => {
    const store = new PreviewStore();
    await loadDemo(store.run, { lang: 'zh', asOf: AS_OF });
    const outcome = await generateForm(officePort(store.run), { template: 'assessment-form', staff: 'S03', period: '2026Q3', asOf: AS_OF });
    if (outcome.kind !== 'generated') throw new Error(outcome.kind);
    const original = store.workbook.dump().sheets.find((s) => s.name === outcome.sheetName)!;

    const bytes = await (await xlsxFromWorkbook(store.workbook)).arrayBuffer();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet(outcome.sheetName)!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printArea).toBeTruthy();

    const { workbook } = await workbookFromXlsx(bytes);
    const again = workbook.dump().sheets.find((s) => s.name === outcome.sheetName)!;
    expect(again.merges).toEqual(original.merges);
    // The apostrophe prefix is how Excel was told "text"; ExcelJS writes no quotePrefix style, and
    // the cell is a text cell all the same.
    const plain = (cells: typeof original.cells) => Object.fromEntries(Object.entries(cells).map(([a, { quotePrefix: _q, ...c }]) => [a, c]));
    expect(plain(again.cells)).toEqual(plain(original.cells));
    expect(again.rowHeights).toEqual(original.rowHeights);
    expect(again.formats).toEqual(original.formats);
    expect(again.borders).toEqual(original.borders);
  });
});
