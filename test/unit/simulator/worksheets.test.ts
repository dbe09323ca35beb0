import { SimWorkbook, Simulator } from '../../../src/preview/simulator';

function sim(): Simulator {
  const wb = new SimWorkbook();
  wb.setCells('Data', 'B3', [['x', 'y'], [1, 2]]);
  wb.addSheet('Empty');
  return new Simulator(wb);
}

describe('worksheets', () => {
  it('lists sheet names in tab order', async () => {
    await sim().run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/position');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ['Data', 0],
        ['Empty', 1],
      ]);
    });
  });

  it('adds a sheet at the end without activating it', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.add('新表').getRange('A1').values = [['ok']];
    });
    expect(s.workbook.sheets.map((x) => x.name)).toEqual(['Data', 'Empty', '新表']);
    expect(s.workbook.dump().activeSheet).toBe('Data');
    expect(s.workbook.values('新表')).toEqual([['ok']]);
  });

  it('refuses a sheet name that exists (any case) or that Excel forbids', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.add('data');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.add('a/b');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('activates a sheet and reports it as the active one', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Empty').activate();
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      expect(active.name).toBe('Empty');
    });
  });

  it('gives the used range (values only), A1 for a blank sheet, and a null object with OrNullObject', async () => {
    await sim().run(async (context) => {
      const used = context.workbook.worksheets.getItem('Data').getUsedRange(true).load('address,rowIndex,columnIndex');
      const blank = context.workbook.worksheets.getItem('Empty').getUsedRange(true).load('address');
      const none = context.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true);
      await context.sync();
      expect([used.address, used.rowIndex, used.columnIndex]).toEqual(['Data!B3:C4', 2, 1]);
      expect(blank.address).toBe('Empty!A1');
      expect(none.isNullObject).toBe(true);
    });
  });

  it('counts formatted cells in the used range unless valuesOnly', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('E10').numberFormat = [['@']];
      const all = context.workbook.worksheets.getItem('Data').getUsedRange().load('address');
      const values = context.workbook.worksheets.getItem('Data').getUsedRange(true).load('address');
      await context.sync();
      expect(all.address).toBe('Data!B3:E10');
      expect(values.address).toBe('Data!B3:C4');
    });
  });

  it('freezes the header row', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Data').freezePanes.freezeRows(1);
    });
    expect(s.workbook.dump().sheets[0].frozenRows).toBe(1);
  });

  it('deletes a sheet and its tables', async () => {
    const s = sim();
    s.workbook.addTableAt('Data', 'B3:C4', 'T');
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('Data').delete();
    });
    expect(s.workbook.dump().tables).toEqual([]);
    expect(s.workbook.sheets.map((x) => x.name)).toEqual(['Empty']);
  });

  it('quotes sheet names other than plain words in addresses', async () => {
    const s = new Simulator(new SimWorkbook());
    s.workbook.setCells('客户档案', 'A1', [['x']]);
    s.workbook.setCells('My data', 'A1', [['x']]);
    await s.run(async (context) => {
      const a = context.workbook.worksheets.getItem('客户档案').getRange('A1:B2').load('address');
      const b = context.workbook.worksheets.getItem('My data').getRange('C3').load('address');
      await context.sync();
      expect([a.address, b.address]).toEqual(["'客户档案'!A1:B2", "'My data'!C3"]);
    });
  });
});
