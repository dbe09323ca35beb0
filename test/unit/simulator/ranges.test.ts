import { DEFAULT_COLUMN_WIDTH, SimWorkbook, Simulator } from '../../../src/preview/simulator';

function sim(): Simulator {
  const wb = new SimWorkbook();
  wb.setCells('S', 'B2', [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);
  return new Simulator(wb);
}

describe('ranges', () => {
  it('navigates: getCell, getResizedRange, getOffsetRange, getRow, getColumn, getLastRow, getRowsBelow', async () => {
    await sim().run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('B2:D4');
      const got = [
        r.getCell(1, 2),
        r.getResizedRange(-1, 1),
        r.getOffsetRange(1, -1),
        r.getRow(2),
        r.getColumn(0),
        r.getLastRow(),
        r.getLastColumn(),
        r.getRowsBelow(2),
        r.getEntireColumn(),
      ].map((x) => x.load('address'));
      await context.sync();
      expect(got.map((x) => x.address)).toEqual(['S!D3', 'S!B2:E3', 'S!A3:C5', 'S!B4:D4', 'S!B2:B4', 'S!B4:D4', 'S!D2:D4', 'S!B5:D6', 'S!B:D']);
    });
  });

  it('gives the used cells within a range, or a null object when there are none', async () => {
    await sim().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const used = sheet.getRange('A1:C9').getUsedRangeOrNullObject(true).load('address');
      const none = sheet.getRange('F1:G9').getUsedRangeOrNullObject(true);
      await context.sync();
      expect(used.address).toBe('S!B2:C4');
      expect(none.isNullObject).toBe(true);
    });
  });

  it('refuses a range that leaves the grid', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').getOffsetRange(-1, 0).load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('gives 0-based rowIndex/columnIndex and the counts', async () => {
    await sim().run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('B2:D3').load('rowIndex,columnIndex,rowCount,columnCount,cellCount');
      await context.sync();
      expect([r.rowIndex, r.columnIndex, r.rowCount, r.columnCount, r.cellCount]).toEqual([1, 1, 2, 3, 6]);
    });
  });

  it('gives empty cells as empty text and formats as General', async () => {
    await sim().run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:B2').load('values,numberFormat');
      await context.sync();
      expect(r.values).toEqual([
        ['', ''],
        ['', 1],
      ]);
      expect(r.numberFormat).toEqual([
        ['General', 'General'],
        ['General', 'General'],
      ]);
    });
  });

  it('sets number formats, data validation lists, column widths (points)', async () => {
    const s = sim();
    await s.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('B2:B3').numberFormat = [['0.00'], ['0.00']];
      sheet.getRange('C2:C4').dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
      sheet.getRange('C:C').format.columnWidth = 60;
      const rule = sheet.getRange('C3').dataValidation.load('rule');
      const widths = sheet.getRange('B1:C1').format.load('columnWidth');
      const width = sheet.getRange('C1').format.load('columnWidth');
      await context.sync();
      expect(rule.rule).toEqual({ list: { inCellDropDown: true, source: '是,否' } });
      expect(widths.columnWidth).toBeNull(); // columns of different widths
      expect(width.columnWidth).toBe(60);
    });
    const dump = s.workbook.dump().sheets[0];
    expect(dump.numberFormats).toEqual([{ address: 'B2:B3', numberFormat: '0.00' }]);
    expect(dump.validations).toEqual([{ address: 'C2:C4', rule: { list: { inCellDropDown: true, source: '是,否' } } }]);
    expect(dump.columnWidths).toEqual({ C: 60 });
    expect(DEFAULT_COLUMN_WIDTH).toBe(48);
  });

  it('refuses a list source over 255 characters, as Excel does', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'x,'.repeat(130) } };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('clears contents or formats', async () => {
    const s = sim();
    await s.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('B2').numberFormat = [['0.0']];
      sheet.getRange('B2:D2').clear('Contents');
    });
    expect(s.workbook.values('S')[1]).toEqual(['', '', '', '']);
    expect(s.workbook.dump().sheets[0].numberFormats).toEqual([{ address: 'B2', numberFormat: '0.0' }]);
  });

  it('selects a range, which activates its sheet', async () => {
    const s = sim();
    s.workbook.addSheet('Other');
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Other').getRange('A1').select();
    });
    expect(s.workbook.dump().activeSheet).toBe('Other');
  });
});
