/**
 * The addSheet step of the Office.js adapter on the Excel simulator, and of the ExcelJS port:
 * a form's grid drawn in the syncs of the plan (never per cell), the pieces it is made of
 * (footer sections, blocks of one style joined and cut into short addresses), and the cases the
 * worked example's forms do not show (medium lines, one-row boxes, a big grid past the budget).
 */
import ExcelJS from 'exceljs';
import { FormGrid, boxRef, formStyles } from '../../src/domain/forms';
import { PAYLOAD_LIMIT_BYTES, SimWorkbook, Simulator } from '../../src/preview/simulator';
import { officePort } from '../../src/workbook/excel';
import { MAX_AREAS_ADDRESS, addressLists, coalesce, footerSections } from '../../src/workbook/excel/form';
import { xlsxPort } from '../../src/workbook/xlsx/port';

/** A small grid: a merged title, a row of text, a medium box around one row, one italic note. */
function smallGrid(rows = 3): FormGrid {
  const box = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
  const cells: FormGrid['cells'] = [
    { row: 1, col: 1, value: 'Title', style: 'title' },
    { row: 2, col: 1, value: '=1+1', style: 'text' },
    { row: 2, col: 2, value: '0012', style: 'text' },
    { row: 2, col: 3, value: 46000, style: 'date' },
    { row: 3, col: 1, value: 'note', style: 'note' },
  ];
  for (let r = 4; r <= rows; r++) for (let c = 1; c <= 3; c++) cells.push({ row: r, col: c, value: `r${r}c${c} ${'文字'.repeat(20)}`, style: 'text' });
  return {
    kind: 'grid',
    template: 'visit-report',
    lang: 'en',
    title: 'Title',
    subject: 'V1',
    rows,
    cols: 3,
    cells,
    styles: formStyles('en'),
    merges: [{ ref: 'A1:C1', box: box(1, 1, 1, 3) }],
    borders: [
      { ref: 'A2:C2', box: box(2, 1, 2, 3), edges: { top: 'medium', bottom: 'medium', left: 'medium', right: 'medium', insideHorizontal: 'thin', insideVertical: 'dotted' } },
      { ref: `A3:C${rows}`, box: box(3, 1, rows, 3), edges: { bottom: 'thin', insideHorizontal: 'thin' } },
    ],
    columnWidths: [10, 10, 20],
    rowHeights: Array.from({ length: rows }, (_, i) => (i === 0 ? 30 : 17.5)),
    print: {
      area: `A1:C${rows}`,
      titleRows: { first: 1, last: 1, ref: '1:1' },
      orientation: 'portrait',
      paperSize: 'A4',
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.5, top: 0.55, bottom: 0.55, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
      footer: '&LKAM&CPage &P of &N&R&&',
    },
  };
}

function simWith(...sheets: string[]): Simulator {
  const wb = new SimWorkbook();
  for (const s of sheets) wb.addSheet(s);
  return new Simulator(wb);
}

describe('addSheet on Office.js', () => {
  it('draws the grid in one sync, text as text, a new sheet not yet active', async () => {
    const sim = simWith('Data');
    await officePort(sim.run).apply({ steps: [{ kind: 'addSheet', sheetName: 'Form', grid: smallGrid() }] });
    expect(sim.stats.syncs).toBe(1);
    const dump = sim.workbook.dump();
    expect(dump.activeSheet).toBe('Data');
    const sheet = dump.sheets.find((s) => s.name === 'Form')!;
    expect(sheet.cells).toEqual({
      A1: { value: 'Title', numberFormat: '@' },
      A2: { value: '=1+1', numberFormat: '@', quotePrefix: true },
      B2: { value: '0012', numberFormat: '@', quotePrefix: true },
      C2: { value: 46000, numberFormat: 'yyyy-mm-dd' },
      A3: { value: 'note', numberFormat: '@' },
    });
    expect(sheet.merges).toEqual(['A1:C1']);
    expect(sheet.showGridlines).toBe(false);
    expect(sheet.rowHeights).toEqual({ 1: 30, 2: 17.5, 3: 17.5 });
    expect(sheet.pageLayout).toMatchObject({
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      margins: { left: 36, right: 36, top: 39.6, bottom: 39.6, header: 21.6, footer: 21.6 },
      printArea: 'A1:C3',
      printTitleRows: '1:1',
      headersFooters: { leftFooter: 'KAM', centerFooter: 'Page &P of &N', rightFooter: '&&' },
    });
  });

  it('draws medium and dotted lines, and no inside line across a single row', async () => {
    const sim = simWith('Data');
    await officePort(sim.run).apply({ steps: [{ kind: 'addSheet', sheetName: 'Form', grid: smallGrid() }] });
    const borders = sim.workbook.dump().sheets[1].borders;
    const medium = { style: 'Continuous', weight: 'Medium', color: '#000000' };
    const dotted = { style: 'Dot', weight: 'Thin', color: '#000000' };
    expect(borders.A2).toEqual({ top: medium, bottom: medium, left: medium, right: dotted });
    expect(borders.C2).toEqual({ top: medium, bottom: medium, left: dotted, right: medium });
    // The second box (no top edge of its own) keeps the medium line above it.
    expect(borders.A3).toEqual({ top: medium, bottom: { ...medium, weight: 'Thin' } });
  });

  it('styles each block: fonts, alignment, indent, wrap, fills', async () => {
    const sim = simWith('Data');
    await officePort(sim.run).apply({ steps: [{ kind: 'addSheet', sheetName: 'Form', grid: smallGrid() }] });
    const formats = Object.fromEntries(sim.workbook.dump().sheets[1].formats.map((f) => [f.address, f.format]));
    expect(formats.A1).toEqual({ font: { name: 'Calibri', size: 18, bold: true }, horizontalAlignment: 'Center', verticalAlignment: 'Center' });
    expect(formats.A3).toEqual({ font: { name: 'Calibri', size: 9, italic: true }, horizontalAlignment: 'Left', verticalAlignment: 'Center', wrapText: true, indentLevel: 1 });
  });

  it('grows with the payload, not the cells: a big grid past the budget takes a few syncs under the limit', async () => {
    const sim = simWith('Data');
    const grid = smallGrid(3000);
    await officePort(sim.run, { budgetBytes: 256 * 1024 }).apply({ steps: [{ kind: 'addSheet', sheetName: 'Form', grid }, { kind: 'activate', sheetName: 'Form' }] });
    expect(sim.stats.syncs).toBeGreaterThan(1);
    expect(sim.stats.syncs).toBeLessThan(20);
    expect(sim.stats.maxSentBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(sim.workbook.dump().activeSheet).toBe('Form');
    expect(sim.workbook.values('Form')[2999][2]).toBe(`r3000c3 ${'文字'.repeat(20)}`);
  });

  it('fails on a name that is taken, as Excel does', async () => {
    const sim = simWith('Form');
    await expect(officePort(sim.run).apply({ steps: [{ kind: 'addSheet', sheetName: 'form', grid: smallGrid() }] })).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });
});

describe('addSheet on ExcelJS', () => {
  it('adds the sheet at the end without making it active; refuses a name that is taken', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data', { views: [{ tabSelected: true } as Partial<ExcelJS.WorksheetView> as ExcelJS.WorksheetView] });
    wb.views = [{ x: 0, y: 0, width: 10000, height: 10000, visibility: 'visible', activeTab: 0 } as ExcelJS.WorkbookView];
    await xlsxPort(wb).apply({ steps: [{ kind: 'addSheet', sheetName: 'Form', grid: smallGrid() }] });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'Form']);
    expect((wb.views[0] as { activeTab?: number }).activeTab).toBe(0);
    expect((wb.getWorksheet('Form')!.views[0] as { tabSelected?: boolean }).tabSelected).toBeUndefined();
    expect(wb.getWorksheet('Form')!.getCell('A2').value).toBe('=1+1');
    await expect(xlsxPort(wb).apply({ steps: [{ kind: 'addSheet', sheetName: 'FORM', grid: smallGrid() }] })).rejects.toThrow(/exists already/);
  });
});

describe('the pieces', () => {
  it('splits an xlsx footer into its sections, other codes kept', () => {
    expect(footerSections('&C第 &P 页，共 &N 页')).toEqual({ left: '', center: '第 &P 页，共 &N 页', right: '' });
    expect(footerSections('&LKAM&CPage &P of &N&R&&')).toEqual({ left: 'KAM', center: 'Page &P of &N', right: '&&' });
    expect(footerSections('plain')).toEqual({ left: '', center: 'plain', right: '' });
  });

  it('joins the blocks of a style side by side, then one above the other', () => {
    const cell = (row: number, col: number) => ({ top: row, left: col, bottom: row, right: col });
    const joined = coalesce([cell(1, 1), cell(1, 2), cell(2, 1), cell(2, 2), cell(4, 1), { top: 5, left: 3, bottom: 6, right: 4 }]);
    expect(joined.map(boxRef).sort()).toEqual(['A1:B2', 'A4:A4', 'C5:D6']);
  });

  it(`cuts long lists of blocks into addresses of at most ${MAX_AREAS_ADDRESS} characters`, () => {
    const boxes = Array.from({ length: 200 }, (_, i) => ({ top: 2 * i + 1, left: 1, bottom: 2 * i + 1, right: 1 }));
    const lists = addressLists(boxes);
    expect(lists.length).toBeGreaterThan(1);
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(MAX_AREAS_ADDRESS);
    expect(lists.join(',').split(',')).toHaveLength(200);
    expect(lists[0].startsWith('A1,A3,A5')).toBe(true);
  });
});
