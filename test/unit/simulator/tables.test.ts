/** Excel tables: creation, auto-expansion when writing just below, shrinking when rows go. */
import { SimWorkbook, Simulator } from '../../../src/preview/simulator';

/** Sheet S with table T over A1:B3 (header + 2 rows) and a marker in D1. */
function sim(): Simulator {
  const wb = new SimWorkbook();
  wb.setCells('S', 'A1', [['ID', 'Name', null, 'marker'], ['K1', '甲'], ['K2', '乙']]);
  wb.addTableAt('S', 'A1:B3', 'T');
  return new Simulator(wb);
}

const address = (s: Simulator, name = 'T') => s.workbook.dump().tables.find((t) => t.name === name)!.address;

describe('tables', () => {
  it('creates a table with tables.add and names it', async () => {
    const s = new Simulator(new SimWorkbook());
    s.workbook.setCells('S', 'A1', [['ID', 'Name'], ['K1', '甲']]);
    await s.run(async (context) => {
      const t = context.workbook.worksheets.getItem('S').tables.add('A1:B2', true);
      t.name = 'Staff';
      const r = t.getRange().load('address');
      await context.sync();
      expect(r.address).toBe('S!A1:B2');
    });
    expect(s.workbook.dump().tables).toEqual([{ name: 'Staff', sheet: 'S', address: 'S!A1:B2', showHeaders: true, showTotals: false, style: 'TableStyleMedium2' }]);
  });

  it('gives a header-only table one blank body row', async () => {
    const s = new Simulator(new SimWorkbook());
    s.workbook.setCells('S', 'A1', [['ID', 'Name']]);
    await s.run(async (context) => {
      const t = context.workbook.tables.add('S!A1:B1', true);
      const rows = t.rows.load('count');
      await context.sync();
      expect(rows.count).toBe(1);
    });
    expect(address(s, 'Table1')).toBe('S!A1:B2');
  });

  it('makes text headers of blank and repeated header cells', async () => {
    const s = new Simulator(new SimWorkbook());
    s.workbook.setCells('S', 'A1', [['ID', null, 'ID'], [1, 2, 3]]);
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').tables.add('A1:C2', true);
    });
    expect(s.workbook.values('S')[0]).toEqual(['ID', 'Column2', 'ID2']);
  });

  it('refuses a table over another table and a duplicate table name', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.getItem('S').tables.add('B2:C4', true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    const s = sim();
    s.workbook.setCells('S', 'F1', [['X'], [1]]);
    await expect(
      s.run(async (context) => {
        context.workbook.worksheets.getItem('S').tables.add('F1:F2', true).name = 't';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('expands when values are written into the rows directly below it', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A4:B5').values = [['K3', '丙'], ['K4', '丁']];
      const body = context.workbook.tables.getItem('T').getDataBodyRange().load('address,values');
      await context.sync();
      expect(body.address).toBe('S!A2:B5');
      expect(body.values).toEqual([['K1', '甲'], ['K2', '乙'], ['K3', '丙'], ['K4', '丁']]);
    });
  });

  it('does not expand for values written with a gap below it', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A5:B5').values = [['K4', '丁']];
    });
    expect(address(s)).toBe('S!A1:B3');
  });

  it('does not expand for blank values written below it', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A4:B4').values = [['', '']];
    });
    expect(address(s)).toBe('S!A1:B3');
  });

  it('does not expand when Excel\'s "Include new rows and columns in table" option is off', async () => {
    const s = sim();
    s.workbook.autoExpandTables = false;
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A4:B4').values = [['K3', '丙']];
    });
    expect(address(s)).toBe('S!A1:B3');
    expect(s.workbook.values('S')[3].slice(0, 2)).toEqual(['K3', '丙']);
  });

  it('adds rows at the end with rows.add(null, values), whatever that option says, taking values as typed input', async () => {
    const s = sim();
    s.workbook.autoExpandTables = false;
    await s.run(async (context) => {
      context.workbook.tables.getItem('T').rows.add(null, [['K3', '=1+2'], ['K4', '丁']]);
    });
    expect(address(s)).toBe('S!A1:B5');
    expect(s.workbook.toCells().S.B4).toMatchObject({ formula: '=1+2' });
  });

  it('refuses rows.add rows of the wrong width, and says it does not model shifting cells below the table', async () => {
    const s = sim();
    const add = (rows: (string | number | boolean)[][], index: number | null = null) =>
      s.run(async (context) => {
        context.workbook.tables.getItem('T').rows.add(index, rows);
      });
    await expect(add([['K3']])).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(add([['K3', '丙']], 0)).rejects.toMatchObject({ code: 'NotImplemented' });
    s.workbook.setCells('S', 'A9', [['note']]);
    await expect(add([['K3', '丙']])).rejects.toMatchObject({ code: 'NotImplemented' });
    expect(address(s)).toBe('S!A1:B3');
  });

  it('shrinks when body rows are deleted, and cells below move up', async () => {
    const s = sim();
    s.workbook.setCells('S', 'A6', [['below']]);
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A2:B2').delete('Up');
    });
    expect(address(s)).toBe('S!A1:B2');
    expect(s.workbook.values('S').map((r) => r[0])).toEqual(['ID', 'K2', '', '', 'below']);
  });

  it('keeps one blank body row when every body row is deleted', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.tables.getItem('T').getDataBodyRange().delete('Up');
    });
    expect(address(s)).toBe('S!A1:B2');
    expect(s.workbook.values('S')).toEqual([['ID', 'Name', '', 'marker']]);
  });

  it('refuses to shift part of a table\'s columns', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A2').delete('Up');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('lists tables of the workbook and of a sheet, with rows.count', async () => {
    await sim().run(async (context) => {
      const all = context.workbook.tables.load('items/name,count');
      const onSheet = context.workbook.worksheets.getItem('S').tables.load('items/name');
      const rows = context.workbook.tables.getItem('T').rows.load('count');
      await context.sync();
      expect(all.items.map((t) => t.name)).toEqual(['T']);
      expect(all.count).toBe(1);
      expect(onSheet.items.map((t) => t.name)).toEqual(['T']);
      expect(rows.count).toBe(2);
    });
  });

  it('gives the header row, body and whole range, and the table\'s sheet', async () => {
    await sim().run(async (context) => {
      const t = context.workbook.tables.getItem('T').load('name,showHeaders,showTotals');
      const header = t.getHeaderRowRange().load('values');
      const whole = t.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
      const sheet = t.worksheet.load('name');
      await context.sync();
      expect([t.name, t.showHeaders, t.showTotals]).toEqual(['T', true, false]);
      expect(header.values).toEqual([['ID', 'Name']]);
      expect([whole.rowIndex, whole.columnIndex, whole.rowCount, whole.columnCount]).toEqual([0, 0, 3, 2]);
      expect(sheet.name).toBe('S');
    });
  });

  it('gives isNullObject for getItemOrNullObject of a missing table', async () => {
    await sim().run(async (context) => {
      const t = context.workbook.tables.getItemOrNullObject('Missing');
      const onOtherSheet = context.workbook.worksheets.add('Other').tables.getItemOrNullObject('T');
      await context.sync();
      expect(t.isNullObject).toBe(true);
      expect(onOtherSheet.isNullObject).toBe(true);
    });
  });
});
