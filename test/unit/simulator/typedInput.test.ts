/** What Excel makes of a value written through range.values: it is taken as if typed. */
import { SimWorkbook, Simulator } from '../../../src/preview/simulator';

/** Writes one value into B2 (optionally formatted first) and reads back values, formulas, format. */
async function write(input: unknown, numberFormat?: string) {
  const s = new Simulator(new SimWorkbook());
  s.workbook.addSheet('S');
  return s.run(async (context) => {
    const cell = context.workbook.worksheets.getItem('S').getRange('B2');
    if (numberFormat) cell.numberFormat = [[numberFormat]];
    cell.values = [[input]];
    const back = context.workbook.worksheets.getItem('S').getRange('B2').load('values,formulas,numberFormat');
    await context.sync();
    return { value: back.values[0][0], formula: back.formulas[0][0], numberFormat: back.numberFormat[0][0] };
  });
}

describe('typed input through range.values', () => {
  it('makes a formula of text starting with =', async () => {
    expect(await write('=1+2*3')).toEqual({ value: 7, formula: '=1+2*3', numberFormat: 'General' });
  });

  it('computes #NAME? for formulas beyond arithmetic (the simulator evaluates numbers only)', async () => {
    expect(await write('=HYPERLINK("http://x")')).toMatchObject({ value: '#NAME?', formula: '=HYPERLINK("http://x")' });
  });

  it('makes a formula of + or - text that is not a number', async () => {
    expect(await write('-abc')).toMatchObject({ value: '#NAME?', formula: '=-abc' });
    expect(await write('+86 138 0000 0000')).toMatchObject({ formula: '=+86 138 0000 0000' });
  });

  it('keeps text after an apostrophe, without the apostrophe', async () => {
    expect(await write("'=1+2")).toEqual({ value: '=1+2', formula: "'=1+2", numberFormat: 'General' });
    expect(await write("'0012")).toMatchObject({ value: '0012' });
  });

  it('makes a number of numeric text in a General cell', async () => {
    expect(await write('13900000001')).toMatchObject({ value: 13900000001 });
    expect(await write('0012')).toMatchObject({ value: 12 });
    expect(await write('1,234.5')).toMatchObject({ value: 1234.5 });
    expect(await write('-5')).toMatchObject({ value: -5, formula: -5 });
  });

  it('keeps 15 significant digits of a long number, as Excel does', async () => {
    expect(await write('911100001234567890')).toMatchObject({ value: 911100001234567000 });
  });

  it('keeps numeric text as text in a cell formatted as Text (@)', async () => {
    expect(await write('13900000001', '@')).toEqual({ value: '13900000001', formula: '13900000001', numberFormat: '@' });
    expect(await write('=1+2', '@')).toMatchObject({ value: '=1+2' });
  });

  it('makes a percent of 40% text', async () => {
    expect(await write('40%')).toEqual({ value: 0.4, formula: 0.4, numberFormat: '0%' });
  });

  it('makes a date serial of ISO-like date text, and of year-month text', async () => {
    expect(await write('2026-07-01')).toMatchObject({ value: 46204, numberFormat: 'yyyy-mm-dd' });
    expect(await write('2026/7/1')).toMatchObject({ value: 46204 });
    expect(await write('2026-07')).toMatchObject({ value: 46204, numberFormat: 'mmm-yy' });
  });

  it('keeps a JS Date as text: it travels as ISO text with a T, which Excel does not take', async () => {
    expect(await write(new Date(Date.UTC(2026, 6, 1)))).toMatchObject({ value: '2026-07-01T00:00:00.000Z' });
  });

  it('makes booleans of TRUE/FALSE text', async () => {
    expect(await write('true')).toMatchObject({ value: true });
  });

  it('keeps other text as text, including text starting with @', async () => {
    expect(await write('客户 A')).toMatchObject({ value: '客户 A', formula: '客户 A' });
    expect(await write('@home')).toMatchObject({ value: '@home' });
  });

  it('leaves a cell unchanged for null and clears it for empty text', async () => {
    const s = new Simulator(new SimWorkbook());
    s.workbook.setCells('S', 'A1', [['keep', 'clear']]);
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[null, '']];
    });
    expect(s.workbook.values('S')).toEqual([['keep']]);
  });

  it('writes formulas through range.formulas as well', async () => {
    const s = new Simulator(new SimWorkbook());
    s.workbook.addSheet('S');
    await s.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').formulas = [['=10/4']];
    });
    expect(s.workbook.toCells().S.A1).toEqual({ value: 2.5, formula: '=10/4' });
  });

  it('refuses an array that does not match the range', async () => {
    await expect(
      new Simulator(new SimWorkbook()).run(async (context) => {
        context.workbook.worksheets.add('S').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('sets every cell from a single value', async () => {
    const s = new Simulator(new SimWorkbook());
    s.workbook.addSheet('S');
    await s.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:B2');
      r.values = 7 as unknown as unknown[][];
    });
    expect(s.workbook.values('S')).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });
});
