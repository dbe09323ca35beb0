/** Getting data in and out of the simulated workbook (tests, the preview host). */
import { SimWorkbook } from '../../../src/preview/simulator';

describe('the simulated workbook', () => {
  it('is built from a snapshot: ListObjects for named tables, plain ranges otherwise', () => {
    const wb = SimWorkbook.fromSnapshot({
      tables: {
        Staff: { tableName: 'Staff', sheetName: '员工', headerRow: 1, firstColumn: 1, headers: ['员工编号', '姓名'], rows: [['S1', '张三']] },
        Contracts: { tableName: null, sheetName: 'Contracts', headerRow: 3, firstColumn: 2, headers: ['Contract ID'], rows: [[new Date(Date.UTC(2026, 6, 1))]] },
      },
    });
    expect(wb.dump().tables.map((t) => [t.name, t.address])).toEqual([['Staff', "'员工'!A1:B2"]]);
    expect(wb.toCells().Contracts).toEqual({ B3: { value: 'Contract ID' }, B4: { value: 46204 } });
  });

  it('keeps text as text when data is put in directly (no typed-input parsing)', () => {
    const wb = new SimWorkbook();
    wb.setCells('S', 'A1', [['13900000001', '=1+1']]);
    expect(wb.values('S')).toEqual([['13900000001', '=1+1']]);
    expect(wb.toCells().S.B1).toEqual({ value: '=1+1' });
  });

  it('dumps sheets, cells, formats, validations, frozen rows, widths, heights, merges, page setup, tables and the active sheet', () => {
    const wb = new SimWorkbook();
    wb.setCells('S', 'A1', [['H'], ['v']]);
    wb.addTableAt('S', 'A1:A2', 'T');
    expect(wb.dump()).toEqual({
      activeSheet: 'S',
      sheets: [
        {
          name: 'S',
          frozenRows: 0,
          showGridlines: true,
          columnWidths: {},
          rowHeights: {},
          cells: { A1: { value: 'H' }, A2: { value: 'v' } },
          numberFormats: [],
          validations: [],
          formats: [],
          borders: {},
          merges: [],
          pageLayout: {
            orientation: 'Portrait',
            paperSize: 'Letter',
            zoom: { scale: 100 },
            margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
            centerHorizontally: false,
            centerVertically: false,
            printArea: null,
            printTitleRows: null,
            headersFooters: {},
          },
        },
      ],
      tables: [{ name: 'T', sheet: 'S', address: 'S!A1:A2', showHeaders: true, showTotals: false, style: 'TableStyleMedium2' }],
    });
  });
});
