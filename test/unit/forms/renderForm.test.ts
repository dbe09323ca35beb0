import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialFromDate } from '../../../src/domain/dates';
import { quarterPeriod } from '../../../src/domain/periods';
import { FormGrid, formSheetName } from '../../../src/domain/forms';
import { PAPER_SIZE_A4, renderFormSheet } from '../../../src/workbook/xlsx/renderForm';
import { loadWorkbook, snapshotOf } from '../../../src/workbook/xlsx/read';
import { saveAtomically } from '../../../src/workbook/xlsx/port';
import { tempDir } from '../cli/helpers';
import { FIXTURE, FORMULA, bookOf, editCell, fieldValue, fixtureSnapshot, grid } from './helpers';

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ wb: ExcelJS.Workbook; zip: JSZip }> {
  const buffer = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(buffer);
  return { wb: again, zip: await JSZip.loadAsync(buffer) };
}

/** What the tests look at in an ExcelJS cell, as a plain object. */
function cellFacts(cell: ExcelJS.Cell) {
  return { type: cell.type, formula: cell.formula, numFmt: cell.numFmt, fill: cell.fill, font: cell.font, border: cell.border };
}

async function profileGrid(): Promise<FormGrid> {
  const snapshot = await fixtureSnapshot();
  editCell(snapshot, 'Customers', 'C01', '客户名称', FORMULA);
  return grid(bookOf(snapshot), { template: 'customer-profile', customer: 'C01' });
}

describe('renderFormSheet (ExcelJS)', () => {
  it('writes every value, formula-looking text as a text cell, numbers under their formats', async () => {
    const g = await profileGrid();
    const wb = new ExcelJS.Workbook();
    renderFormSheet(wb, g, '大客户信息档案表 C01');
    const { wb: back, zip } = await roundTrip(wb);
    const ws = back.getWorksheet('大客户信息档案表 C01')!;
    for (const c of g.cells) {
      // ExcelJS reads a number under a date format back as a Date.
      const v = ws.getCell(c.row, c.col).value ?? null;
      expect([c.row, c.col, v instanceof Date ? serialFromDate(v) : v]).toEqual([c.row, c.col, c.value]);
    }
    const name = fieldValue(g, '客户名称')!;
    expect(cellFacts(ws.getCell(name.row, name.col))).toMatchObject({ type: ExcelJS.ValueType.String, formula: undefined, numFmt: '@' });
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).not.toContain('<f ');
    const created = fieldValue(g, '建档日期')!;
    expect(ws.getCell(created.row, created.col).numFmt).toBe('yyyy-mm-dd');
    // A number cell in the file (ExcelJS reads it back as a Date because of its format).
    expect(sheetXml).toMatch(new RegExp(`<c r="${'ABCDEFGHIJKL'[created.col - 1]}${created.row}" s="\\d+"><v>${created.value}</v></c>`));
  });

  it('merges, borders, fonts, fills, widths and heights as the grid says', async () => {
    const g = await profileGrid();
    const wb = new ExcelJS.Workbook();
    const ws0 = renderFormSheet(wb, g, 'Form');
    expect(ws0.name).toBe('Form');
    const { wb: back } = await roundTrip(wb);
    const ws = back.getWorksheet('Form')!;
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(new Set(merges)).toEqual(new Set(g.merges.map((m) => m.ref)));
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 18, name: '等线' });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    const label = cellFacts(ws.getCell(fieldValue(g, '客户编号')!.row, 1));
    expect(label.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } });
    expect(label.font).toMatchObject({ bold: true });
    expect(label.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
    g.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    g.rowHeights.forEach((h, i) => expect(ws.getRow(i + 1).height).toBe(h));
    // The footer's blanks are boxed: lines to sign on.
    const blank = fieldValue(g, '编制人员')!;
    expect(ws.getCell(blank.row, blank.col).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.views[0]).toMatchObject({ showGridLines: false });
  });

  it('sets up the page: A4 portrait, one page wide, print area and title rows, page numbers', async () => {
    const g = await profileGrid();
    const wb = new ExcelJS.Workbook();
    renderFormSheet(wb, g, "Profile C01");
    const { wb: back, zip } = await roundTrip(wb);
    const ws = back.getWorksheet('Profile C01')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: PAPER_SIZE_A4, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true });
    expect(ws.pageSetup.printArea).toBe(`A1:L${g.rows}`);
    expect(ws.pageSetup.printTitlesRow).toBe('1:3');
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    const book = await zip.file('xl/workbook.xml')!.async('string');
    expect(book).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Profile C01&apos;!$A$1:$L$${g.rows}</definedName>`);
    expect(book).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Profile C01&apos;!$1:$3</definedName>');
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="portrait"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
  });

  it('adds the form to a workbook and makes it the active sheet, leaving the tables as they were', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.dir, 'book.xlsx');
      copyFileSync(FIXTURE, file);
      const wb = await loadWorkbook(file);
      const before = snapshotOf(wb);
      const g = grid(bookOf(await fixtureSnapshot()), { template: 'assessment-form', staff: 'S01', period: quarterPeriod(2025, 4) });
      const name = formSheetName('季度绩效考核表', g.subject, wb.worksheets.map((w) => w.name));
      renderFormSheet(wb, g, name);
      await saveAtomically(wb, file);
      const back = await loadWorkbook(file);
      expect(back.worksheets.map((w) => w.name)).toEqual([...wb.worksheets.map((w) => w.name)]);
      const index = back.worksheets.findIndex((w) => w.name === name);
      expect(index).toBe(back.worksheets.length - 1);
      expect((back.views[0] as { activeTab?: number }).activeTab).toBe(index);
      const zip = await JSZip.loadAsync(readFileSync(file));
      expect(await zip.file('xl/workbook.xml')!.async('string')).toContain(`activeTab="${index}"`);
      // Only the form's tab is selected (two selected tabs would group the sheets).
      const selected: string[] = [];
      for (const f of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
        if ((await zip.file(f)!.async('string')).includes('tabSelected="1"')) selected.push(f);
      }
      expect(selected).toEqual([`xl/worksheets/sheet${index + 1}.xml`]);
      expect(snapshotOf(back)).toEqual(before);
    } finally {
      dir.cleanup();
    }
  });
});
