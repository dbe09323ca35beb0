/** Borders lie on the lines between cells; merged areas behave as Excel's. */
import { SimError, SimWorkbook, Simulator } from '../../../src/preview/simulator';
import type { XlWorksheet } from '../../../src/workbook/excel/api';

function sim(): Simulator {
  const wb = new SimWorkbook();
  wb.setCells('S', 'A1', [['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i']]);
  return new Simulator(wb);
}

const THIN = { style: 'Continuous', weight: 'Thin', color: '#000000' };

/** The error code of the writes at sync, or 'accepted'. */
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

describe('borders', () => {
  it('draw edges and inside lines at sync; a line between two cells is either cell’s edge', async () => {
    const s = sim();
    await s.run(async (context) => {
      const borders = context.workbook.worksheets.getItem('S').getRange('A1:B2').format.borders;
      for (const index of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
        borders.getItem(index).style = 'Continuous';
        borders.getItem(index).weight = 'Thin';
      }
      expect(s.workbook.dump().sheets[0].borders).toEqual({});
      await context.sync();
      const below = context.workbook.worksheets.getItem('S').getRange('A3:B3').format.borders.getItem('EdgeTop').load('style,weight,color');
      const right = context.workbook.worksheets.getItem('S').getRange('C1:C2').format.borders.getItem('EdgeLeft').load('style');
      const none = context.workbook.worksheets.getItem('S').getRange('C3').format.borders.getItem('EdgeTop').load('style');
      await context.sync();
      expect([below.style, below.weight, below.color, right.style, none.style]).toEqual(['Continuous', 'Thin', '#000000', 'Continuous', 'None']);
    });
    const borders = s.workbook.dump().sheets[0].borders;
    expect(borders.A1).toEqual({ top: THIN, left: THIN, bottom: THIN, right: THIN });
    expect(borders.A3).toEqual({ top: THIN });
    expect(borders.C2).toEqual({ left: THIN });
  });

  it('let a later line over the same edge win, and style None remove it', async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1').format.borders.getItem('EdgeBottom').style = 'Continuous';
      ws.getRange('A2').format.borders.getItem('EdgeTop').style = 'Dot';
      ws.getRange('B1').format.borders.getItem('EdgeBottom').weight = 'Medium'; // a weight alone draws a line
      ws.getRange('C1').format.borders.getItem('EdgeBottom').style = 'Continuous';
      ws.getRange('C2').format.borders.getItem('EdgeTop').style = 'None';
    });
    const borders = s.workbook.dump().sheets[0].borders;
    expect(borders.A1).toEqual({ bottom: { ...THIN, style: 'Dot' } });
    expect(borders.B1).toEqual({ bottom: { ...THIN, weight: 'Medium' } });
    expect(borders.C1).toBeUndefined();
  });

  it('read null where the edges differ', async () => {
    await sim().run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1').format.borders.getItem('EdgeTop').style = 'Continuous';
      const top = ws.getRange('A1:B1').format.borders.getItem('EdgeTop').load('style');
      await context.sync();
      expect(top.style).toBeNull();
    });
  });

  it('refuse an inside line of a single row or column, diagonals and unknown words', async () => {
    expect(await outcome(sim(), (ws) => (ws.getRange('A1:C1').format.borders.getItem('InsideHorizontal').style = 'Continuous'))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.getRange('A1:A3').format.borders.getItem('InsideVertical').style = 'Continuous'))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.getRange('A1:C1').format.borders.getItem('InsideVertical').style = 'Continuous'))).toBe('accepted');
    expect(await outcome(sim(), (ws) => (ws.getRange('A1').format.borders.getItem('EdgeTop').style = 'Dotted' as never))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.getRange('A1').format.borders.getItem('EdgeTop').weight = 'Bold' as never))).toBe('InvalidArgument');
    expect(await outcome(sim(), (ws) => (ws.getRange('A1').format.borders.getItem('Around' as never).style = 'Continuous'))).toBe('InvalidArgument');
  });
});

describe('merged areas', () => {
  it('are recorded at sync, keeping the upper-left value only', async () => {
    const s = sim();
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B2').merge(false);
      expect(s.workbook.dump().sheets[0].merges).toEqual([]);
      await context.sync();
    });
    const dump = s.workbook.dump().sheets[0];
    expect(dump.merges).toEqual(['A1:B2']);
    expect(s.workbook.values('S')).toEqual([
      ['a', '', 'c'],
      ['', '', 'f'],
      ['g', 'h', 'i'],
    ]);
  });

  it('merge each row on its own with across, and leave a single cell alone', async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1:C2').merge(true);
      ws.getRange('A3').merge();
    });
    expect(s.workbook.dump().sheets[0].merges).toEqual(['A1:C1', 'A2:C2']);
  });

  it('refuse a merge that cuts through a merged area, and take in the ones it covers', async () => {
    const s = sim();
    await s.run(async (context) => context.workbook.worksheets.getItem('S').getRange('A1:B1').merge());
    expect(await outcome(s, (ws) => ws.getRange('B1:C1').merge())).toBe('InvalidOperation');
    expect(await outcome(s, (ws) => ws.getRange('A2:A3').merge())).toBe('accepted');
    expect(await outcome(s, (ws) => ws.getRange('A1:C3').merge())).toBe('accepted');
    expect(s.workbook.dump().sheets[0].merges).toEqual(['A1:C3']);
  });

  it('refuse cells of a table', async () => {
    const s = sim();
    s.workbook.addTableAt('S', 'A1:C3', 'T');
    expect(await outcome(s, (ws) => ws.getRange('A2:B2').merge())).toBe('InvalidOperation');
    expect(s.workbook.dump().sheets[0].merges).toEqual([]);
  });

  it('go when formats are cleared, move up with deleted rows, and refuse to be cut by a deletion', async () => {
    const s = sim();
    await s.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A3:B3').merge();
      ws.getRange('C1:C2').merge();
    });
    expect(await outcome(s, (ws) => ws.getRange('C2').delete('Up'))).toBe('InvalidOperation');
    expect(await outcome(s, (ws) => ws.getRange('A2:B2').delete('Up'))).toBe('accepted');
    expect(s.workbook.dump().sheets[0].merges).toEqual(['C1:C2', 'A2:B2']);
    expect(await outcome(s, (ws) => ws.getRange('A1:C2').clear('Formats'))).toBe('accepted');
    expect(s.workbook.dump().sheets[0].merges).toEqual([]);
  });
});
