/** Cell formats as Excel's API has them: font, alignment, wrap, indent, fill, row heights, RangeAreas. */
import { DEFAULT_ROW_HEIGHT, MAX_AREAS_ADDRESS, SimError, SimWorkbook, Simulator } from '../../../src/preview/simulator';
import type { XlWorksheet } from '../../../src/workbook/excel/api';

function sim(): Simulator {
  const wb = new SimWorkbook();
  wb.setCells('S', 'A1', [['a', 'b', 'c'], ['d', 'e', 'f']]);
  return new Simulator(wb);
}

const code = (e: unknown) => (e as SimError).code;

/** The error code of a write at sync, or 'accepted'. */
async function refused(s: Simulator, write: (ws: XlWorksheet) => void): Promise<string> {
  try {
    await s.run(async (context) => {
      write(context.workbook.worksheets.getItem('S'));
      await context.sync();
    });
  } catch (e) {
    return code(e);
  }
  return 'accepted';
}

describe('range formats', () => {
  it('apply at sync only, then read back after load + sync', async () => {
    const s = sim();
    await s.run(async (context) => {
      const format = context.workbook.worksheets.getItem('S').getRange('A1:B1').format;
      format.font.name = '等线';
      format.font.size = 18;
      format.font.bold = true;
      format.font.italic = true;
      format.horizontalAlignment = 'Center';
      format.verticalAlignment = 'Center';
      format.wrapText = true;
      format.fill.color = '#F2F2F2';
      expect(s.workbook.dump().sheets[0].formats).toEqual([]);
      await context.sync();
      expect(s.workbook.dump().sheets[0].formats).toHaveLength(2);
      const back = context.workbook.worksheets.getItem('S').getRange('A1:B1').format.load('horizontalAlignment,verticalAlignment,wrapText,indentLevel');
      const font = back.font.load('name,size,bold,italic');
      const fill = back.fill.load('color');
      await context.sync();
      expect([back.horizontalAlignment, back.verticalAlignment, back.wrapText, back.indentLevel]).toEqual(['Center', 'Center', true, 0]);
      expect([font.name, font.size, font.bold, font.italic]).toEqual(['等线', 18, true, true]);
      expect(fill.color).toBe('#F2F2F2');
    });
    expect(s.workbook.dump().sheets[0].formats).toEqual([
      { address: 'A1', format: { font: { name: '等线', size: 18, bold: true, italic: true }, horizontalAlignment: 'Center', verticalAlignment: 'Center', wrapText: true, fill: '#F2F2F2' } },
      { address: 'B1', format: { font: { name: '等线', size: 18, bold: true, italic: true }, horizontalAlignment: 'Center', verticalAlignment: 'Center', wrapText: true, fill: '#F2F2F2' } },
    ]);
  });

  it('cannot be read before load (format.font.bold throws PropertyNotLoaded)', async () => {
    await sim().run(async (context) => {
      const font = context.workbook.worksheets.getItem('S').getRange('A1').format.font;
      expect(() => font.bold).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      font.load('bold');
      expect(() => font.bold).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(font.bold).toBe(false);
    });
  });

  it("reads Excel's defaults on a cell never formatted, and null where the cells differ", async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A2').format.font.bold = true;
      const plain = ws.getRange('C2').format.load('horizontalAlignment,verticalAlignment,wrapText,indentLevel,rowHeight');
      const plainFont = plain.font.load('name,size,bold,italic');
      const plainFill = plain.fill.load('color');
      const mixed = ws.getRange('A2:B2').format.font.load('bold,name');
      await context.sync();
      expect([plain.horizontalAlignment, plain.verticalAlignment, plain.wrapText, plain.indentLevel, plain.rowHeight]).toEqual(['General', 'Bottom', false, 0, DEFAULT_ROW_HEIGHT]);
      expect([plainFont.name, plainFont.size, plainFont.bold, plainFont.italic]).toEqual(['Calibri', 11, false, false]);
      expect(plainFill.color).toBe('#FFFFFF'); // no fill reads as white
      expect(mixed.bold).toBeNull();
      expect(mixed.name).toBe('Calibri');
    });
  });

  it('loads nested format properties through navigation paths', async () => {
    await sim().run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      range.format.font.size = 9;
      const format = range.format.load('font/size,fill/color');
      await context.sync();
      expect([format.font.size, format.fill.color]).toEqual([9, '#FFFFFF']);
    });
  });

  it("refuses values Excel refuses: alignment words, colours, sizes, indents", async () => {
    expect(await refused(sim(), (ws) => (ws.getRange('A1').format.horizontalAlignment = 'Middle' as never))).toBe('InvalidArgument');
    expect(await refused(sim(), (ws) => (ws.getRange('A1').format.verticalAlignment = 'Middle' as never))).toBe('InvalidArgument');
    expect(await refused(sim(), (ws) => (ws.getRange('A1').format.fill.color = 'F2F2F'))).toBe('InvalidArgument');
    expect(await refused(sim(), (ws) => (ws.getRange('A1').format.font.size = 0))).toBe('InvalidArgument');
    expect(await refused(sim(), (ws) => (ws.getRange('A1').format.indentLevel = 1.5))).toBe('InvalidArgument');
    expect(await refused(sim(), (ws) => (ws.getRange('A1').format.wrapText = 'yes' as never))).toBe('InvalidArgument');
    expect(await refused(sim(), (ws) => (ws.getRange('A1').format.fill.color = 'f2f2f2'))).toBe('accepted');
  });

  it('indents only left- or right-aligned text: an indent left-aligns a General cell, centring drops it', async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1').format.indentLevel = 2;
      ws.getRange('B1').format.horizontalAlignment = 'Right';
      ws.getRange('B1').format.indentLevel = 1;
      ws.getRange('C1').format.indentLevel = 1;
      ws.getRange('C1').format.horizontalAlignment = 'Center';
    });
    const formats = Object.fromEntries(s.workbook.dump().sheets[0].formats.map((f) => [f.address, f.format]));
    expect(formats).toEqual({
      A1: { horizontalAlignment: 'Left', indentLevel: 2 },
      B1: { horizontalAlignment: 'Right', indentLevel: 1 },
      C1: { horizontalAlignment: 'Center' },
    });
  });

  it('are removed, values kept, by clear("Formats")', async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('B1:C1').format.fill.color = 'yellow';
      ws.getRange('B2').format.font.bold = true;
      ws.getRange('B2').format.borders.getItem('EdgeTop').style = 'Continuous';
      ws.getRange('B2').clear('Formats');
    });
    const dump = s.workbook.dump().sheets[0];
    expect(dump.formats.map((f) => [f.address, f.format])).toEqual([
      ['B1', { fill: '#FFFF00' }],
      ['C1', { fill: '#FFFF00' }],
    ]);
    expect(dump.borders).toEqual({ B1: { bottom: { style: 'Continuous', weight: 'Thin', color: '#000000' } } });
    expect(dump.cells.B2).toEqual({ value: 'e' });
  });

  it('counts formatted cells in the used range (not valuesOnly)', async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('E5').format.fill.color = '#FF0000';
      const all = ws.getUsedRange(false).load('address');
      const values = ws.getUsedRange(true).load('address');
      await context.sync();
      expect([all.address, values.address]).toEqual(['S!A1:E5', 'S!A1:C2']);
    });
  });
});

describe('row heights', () => {
  it('set rows in points, read the common height or null, refuse past 409 points', async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('2:3').format.rowHeight = 30;
      ws.getRange('A5').format.rowHeight = 17.5; // a range sets its rows
      const two = ws.getRange('A2:A3').format.load('rowHeight');
      const mixed = ws.getRange('1:2').format.load('rowHeight');
      await context.sync();
      expect([two.rowHeight, mixed.rowHeight]).toEqual([30, null]);
    });
    expect(s.workbook.dump().sheets[0].rowHeights).toEqual({ 2: 30, 3: 30, 5: 17.5 });
    expect(await refused(s, (ws) => (ws.getRange('1:1').format.rowHeight = 410))).toBe('InvalidArgument');
  });
});

describe('RangeAreas (getRanges)', () => {
  it('formats several blocks at once, and reports its address and area count', async () => {
    const s = sim();
    await s.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('S').getRanges('A1:B1, C2');
      areas.format.font.bold = true;
      areas.format.horizontalAlignment = 'Right';
      areas.load('address,areaCount');
      const bold = areas.format.font.load('bold');
      await context.sync();
      expect([areas.address, areas.areaCount, bold.bold]).toEqual(['S!A1:B1,S!C2', 2, true]);
    });
    expect(s.workbook.dump().sheets[0].formats.map((f) => f.address)).toEqual(['A1', 'B1', 'C2']);
  });

  it(`refuses an address longer than ${MAX_AREAS_ADDRESS} characters, or one on another sheet`, async () => {
    const long = Array.from({ length: 1700 }, (_, i) => `A${i + 1}`).join(',');
    expect(long.length).toBeGreaterThan(MAX_AREAS_ADDRESS);
    expect(await refused(sim(), (ws) => (ws.getRanges(long).format.font.bold = true))).toBe('InvalidArgument');
    expect(await refused(sim(), (ws) => (ws.getRanges('Other!A1,B2').format.font.bold = true))).toBe('InvalidArgument');
  });
});

describe('gridlines', () => {
  it('can be hidden', async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.showGridlines = false;
      await context.sync();
      ws.load('showGridlines');
      await context.sync();
      expect(ws.showGridlines).toBe(false);
    });
    expect(s.workbook.dump().sheets[0].showGridlines).toBe(false);
  });
});
