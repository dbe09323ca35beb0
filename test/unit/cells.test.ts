import { INVALID, normalizeWord, toDate, toDateTime, toInteger, toNumber, toNumberOrPercent, toPercent, toPeriod, toText, toYesNo } from '../../src/domain/cells';
import { isoDate, serialFromUtc } from '../../src/domain/dates';

const d = (y: number, m: number, day: number) => serialFromUtc(y, m, day);

describe('toNumber', () => {
  it.each([
    [12, 12],
    ['1,234.5', 1234.5],
    [' 75.5 ', 75.5],
    ['１２３', 123],
    ['-3', -3],
    ['', null],
    [null, null],
  ])('%p → %p', (input, out) => expect(toNumber(input)).toBe(out));
  it.each([['abc'], ['1,23'], [true], [new Date()], [NaN], [Infinity], ['1.2.3'], ['.']])('%p is invalid', (input) =>
    expect(toNumber(input)).toBe(INVALID),
  );
  it('integers reject fractions', () => {
    expect(toInteger('3')).toBe(3);
    expect(toInteger(2.5)).toBe(INVALID);
  });
});

describe('toPercent', () => {
  it.each([
    [0.4, 0.4],
    ['40%', 0.4],
    ['４０％', 0.4],
    [40, 0.4],
    ['70', 0.7],
    [1, 1],
    [0, 0],
  ])('%p → %p', (input, out) => expect(toPercent(input)).toBeCloseTo(out as number, 12));
  it('rejects words', () => expect(toPercent('high')).toBe(INVALID));
  it('targets keep plain numbers and read percent text', () => {
    expect(toNumberOrPercent('95%')).toBeCloseTo(0.95, 12);
    expect(toNumberOrPercent(2)).toBe(2);
  });
});

describe('dates', () => {
  it('reads the three text forms', () => {
    expect(toDate('2026-07-01')).toBe(d(2026, 7, 1));
    expect(toDate('2026/7/1')).toBe(d(2026, 7, 1));
    expect(toDate('2026年7月1日')).toBe(d(2026, 7, 1));
    expect(toDate('２０２６年７月１日')).toBe(d(2026, 7, 1));
  });
  it('reads serial numbers and JS Dates (UTC wall time)', () => {
    expect(toDate(46204)).toBe(46204);
    expect(isoDate(46204)).toBe('2026-07-01');
    expect(toDate(new Date(Date.UTC(2026, 6, 1)))).toBe(d(2026, 7, 1));
  });
  it('a date-time belongs to the day it falls on', () => {
    expect(toDate(new Date(Date.UTC(2026, 8, 30, 23, 59)))).toBe(d(2026, 9, 30));
    expect(toDate('2026-09-30 23:59')).toBe(d(2026, 9, 30));
    expect(toDate(d(2026, 9, 30) + 0.99)).toBe(d(2026, 9, 30));
  });
  it('date-times keep the time', () => {
    expect(toDateTime('2025-10-10 09:00')).toBeCloseTo(d(2025, 10, 10) + 9 / 24, 9);
    expect(toDateTime(new Date(Date.UTC(2025, 9, 10, 9, 0)))).toBeCloseTo(d(2025, 10, 10) + 9 / 24, 9);
  });
  it.each([['2026-02-30'], ['2026-13-01'], ['tomorrow'], [true], [-5], [0], [new Date('x')], ['2026-07-01 25:00']])('%p is invalid', (input) =>
    expect(toDate(input)).toBe(INVALID),
  );
  it("honours Excel's 1900 leap-year quirk", () => {
    expect(isoDate(59)).toBe('1900-02-28');
    expect(isoDate(61)).toBe('1900-03-01');
    expect(serialFromUtc(1900, 3, 1)).toBe(61);
    expect(serialFromUtc(1900, 1, 1)).toBe(1);
  });
});

describe('yes/no', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['Yes', true],
    ['no', false],
    [true, true],
    [false, false],
    ['TRUE', true],
    [1, true],
    [0, false],
    ['', null],
  ])('%p → %p', (input, out) => expect(toYesNo(input)).toBe(out));
  it('rejects other words', () => expect(toYesNo('maybe')).toBe(INVALID));
});

describe('periods in cells', () => {
  it('reads labels, year numbers and the dates Excel makes of `2026-07`', () => {
    expect((toPeriod('2026Q3') as { label: string }).label).toBe('2026Q3');
    expect((toPeriod(2026) as { label: string }).label).toBe('2026');
    expect((toPeriod('2026-7') as { label: string }).label).toBe('2026-07');
    expect((toPeriod(new Date(Date.UTC(2026, 6, 1))) as { label: string }).label).toBe('2026-07');
    expect(toPeriod('2026Q5')).toBe(INVALID);
  });
});

describe('text', () => {
  it('keeps formula-looking text as text', () => expect(toText(' =HYPERLINK("x") ')).toBe('=HYPERLINK("x")'));
  it('shows numbers as typed', () => expect(toText(13900000001)).toBe('13900000001'));
  it('normalises words: trim, case, full-width brackets', () => {
    expect(normalizeWord(' 合同金额（万元） ')).toBe(normalizeWord('合同金额(万元)'));
    expect(normalizeWord('Amount (10K CNY)')).toBe('amount (10k cny)');
  });
});
