/** Proxies behave like Office.js's: nothing is readable before load + sync. */
import { SimError, SimWorkbook, Simulator } from '../../../src/preview/simulator';

function sim(): Simulator {
  const wb = new SimWorkbook();
  wb.setCells('Data', 'A1', [['ID', 'Name'], ['K1', '甲']]);
  wb.addTableAt('Data', 'A1:B2', 'Staff');
  return new Simulator(wb);
}

const code = (e: unknown) => (e as SimError).code;

describe('loading properties', () => {
  it('throws PropertyNotLoaded, with Excel\'s message, when a property is read before load', async () => {
    await sim().run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
      let error: unknown;
      try {
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- the mistake under test
        void range.values;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect(code(error)).toBe('PropertyNotLoaded');
      expect((error as Error).message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
    });
  });

  it('throws PropertyNotLoaded after load until sync', async () => {
    await sim().run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2').load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['ID', 'Name'], ['K1', '甲']]);
    });
  });

  it('gives only the loaded properties', async () => {
    await sim().run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2').load('address');
      await context.sync();
      expect(range.address).toBe('Data!A1:B2');
      expect(() => range.rowCount).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('loads nested properties through navigation paths and collection items', async () => {
    await sim().run(async (context) => {
      const tables = context.workbook.tables.load('items/name,items/worksheet/name');
      const sheets = context.workbook.worksheets.load('name'); // on a collection: the items' names
      await context.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([['Staff', 'Data']]);
      expect(sheets.items.map((s) => s.name)).toEqual(['Data']);
      expect(() => tables.items[0].showTotals).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('refuses to read a collection\'s items before load', async () => {
    await sim().run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('fails the sync when a load names a property the object does not have', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1').load('valuez');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('keeps a value just set on the proxy (as Office.js does) without a load', async () => {
    await sim().run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('C1');
      range.values = [['x']];
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- Office.js keeps a value just set
      expect(range.values).toEqual([['x']]);
    });
  });

  it('keeps loaded values readable after the batch, but refuses new commands', async () => {
    const s = sim();
    const range = await s.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('A2').load('values');
      await context.sync();
      return r;
    });
    expect(range.values).toEqual([['K1']]);
    expect(() => range.load('address')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });
});

describe('null objects', () => {
  it('makes isNullObject unreadable before sync', async () => {
    await sim().run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Nope');
      // eslint-disable-next-line office-addins/call-sync-before-read -- the mistake under test
      expect(() => sheet.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
    });
  });

  it('gives isNullObject false for an existing item, with no load needed', async () => {
    await sim().run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject('staff'); // names compare case-insensitively
      await context.sync();
      expect(table.isNullObject).toBe(false);
    });
  });

  it('fails the sync with ItemNotFound when getItem names a missing sheet', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.getItem('Nope').load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound', message: expect.stringContaining("The requested resource doesn't exist.") });
  });

  it('fails the sync with ItemNotFound when getItem names a missing table', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.tables.getItem('Nope').getRange().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('does not fail for a getItem of a missing item that no command uses', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.getItem('Nope');
        await context.sync();
      }),
    ).resolves.toBeUndefined();
  });

  it('makes objects reached from a null object null too (default), with empty loads', async () => {
    await sim().run(async (context) => {
      const range = context.workbook.tables.getItemOrNullObject('Nope').getRange().load('rowCount');
      await context.sync();
      expect(range.isNullObject).toBe(true);
      expect(range.rowCount).toBeUndefined();
    });
  });

  it('can instead fail on objects reached from a null object (Excel does not document which)', async () => {
    const s = new Simulator(sim().workbook, { navigateNullObject: 'error' });
    await expect(
      s.run(async (context) => {
        context.workbook.tables.getItemOrNullObject('Nope').getRange().load('rowCount');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('refuses writes to a null object', async () => {
    await expect(
      sim().run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject('Nope').getRange('A1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
