/** Worksheet.pageLayout (ExcelApi 1.9): paper, orientation, zoom, margins, print area, title rows, footer. */
import { SimError, SimWorkbook, Simulator } from '../../../src/preview/simulator';
import type { XlWorksheet } from '../../../src/workbook/excel/api';

function sim(): Simulator {
  const wb = new SimWorkbook();
  wb.setCells('S', 'A1', [['a']]);
  wb.addSheet('Other');
  return new Simulator(wb);
}

async function outcome(s: Simulator, write: (ws: XlWorksheet) => void): Promise<string> {
  try {
    await s.run(async (context) => {
      write(context.workbook.worksheets.getItem('S'));
      await context.sync();
    });
  } catch (e) {
    return (e as SimError).code;
  }
  return 'accepted';
}

describe('page layout', () => {
  it('starts as a new Excel sheet: portrait Letter at 100 %, Normal margins, nothing set to print', () => {
    expect(sim().workbook.dump().sheets[0].pageLayout).toEqual({
      orientation: 'Portrait',
      paperSize: 'Letter',
      zoom: { scale: 100 },
      margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
      centerHorizontally: false,
      centerVertically: false,
      printArea: null,
      printTitleRows: null,
      headersFooters: {},
    });
  });

  it('takes the form setup at sync: A4 portrait, one page wide, margins, centred, print area, title rows, footer', async () => {
    const s = sim();
    await s.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('S').pageLayout;
      layout.orientation = 'Portrait';
      layout.paperSize = 'A4';
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.leftMargin = 36;
      layout.rightMargin = 36;
      layout.topMargin = 39.6;
      layout.bottomMargin = 39.6;
      layout.headerMargin = 21.6;
      layout.footerMargin = 21.6;
      layout.centerHorizontally = true;
      layout.setPrintArea('A1:L32');
      layout.setPrintTitleRows('$1:$3');
      layout.headersFooters.defaultForAllPages.centerFooter = '第 &P 页，共 &N 页';
      expect(s.workbook.dump().sheets[0].pageLayout.paperSize).toBe('Letter');
      await context.sync();
    });
    expect(s.workbook.dump().sheets[0].pageLayout).toEqual({
      orientation: 'Portrait',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      margins: { left: 36, right: 36, top: 39.6, bottom: 39.6, header: 21.6, footer: 21.6 },
      centerHorizontally: true,
      centerVertically: false,
      printArea: 'A1:L32',
      printTitleRows: '1:3',
      headersFooters: { centerFooter: '第 &P 页，共 &N 页' },
    });
    expect(s.workbook.dump().sheets[1].pageLayout.printArea).toBeNull();
  });

  it('is read after load + sync only', async () => {
    await sim().run(async (context) => {
      const layout = context.workbook.worksheets.getItem('S').pageLayout;
      expect(() => layout.paperSize).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      layout.load('paperSize,zoom,leftMargin');
      const footer = layout.headersFooters.defaultForAllPages.load('centerFooter');
      await context.sync();
      expect([layout.paperSize, layout.zoom, layout.leftMargin, footer.centerFooter]).toEqual(['Letter', { scale: 100, horizontalFitToPages: null, verticalFitToPages: null }, 50.4, '']);
    });
  });

  it('takes a print area as a range of the sheet', async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.pageLayout.setPrintArea(ws.getRange('B2:D9'));
      ws.pageLayout.setPrintTitleRows(ws.getRange('2:2'));
    });
    expect(s.workbook.dump().sheets[0].pageLayout).toMatchObject({ printArea: 'B2:D9', printTitleRows: '2:2' });
  });

  it('refuses what Excel refuses', async () => {
    expect(await outcome(sim(), (ws) => (ws.pageLayout.paperSize = 'A6' as never))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.pageLayout.orientation = 'portrait' as never))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.pageLayout.zoom = { scale: 5 }))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 }))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.pageLayout.zoom = { horizontalFitToPages: 1.5 }))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.pageLayout.leftMargin = -1))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => ws.pageLayout.setPrintTitleRows('A1:C3'))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => ws.pageLayout.setPrintArea('Other!A1:B2'))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = 'x'.repeat(256)))).toBe('InvalidArgument');
  });
});
