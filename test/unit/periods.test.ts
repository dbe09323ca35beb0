import { isoDate } from '../../src/domain/dates';
import { contains, lastCompletedQuarter, parsePeriod, periodBounds, subPeriods } from '../../src/domain/periods';
import { serialFromUtc } from '../../src/domain/dates';

describe('periods', () => {
  it('parses years, quarters and months with their bounds', () => {
    expect(periodBounds(parsePeriod('2026')!)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(periodBounds(parsePeriod('2026Q3')!)).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(periodBounds(parsePeriod('2026q4')!)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodBounds(parsePeriod('2024-02')!)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriod('2026年7月')!.label).toBe('2026-07');
  });
  it.each([['2026Q0'], ['2026-13'], ['26Q1'], ['Q3'], [''], ['2026 Q3 x']])('rejects %p', (t) => expect(parsePeriod(t)).toBeNull());
  it('splits years into quarters and quarters into months', () => {
    expect(subPeriods(parsePeriod('2026')!).map((p) => p.label)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(subPeriods(parsePeriod('2026Q3')!).map((p) => p.label)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(subPeriods(parsePeriod('2026-07')!)).toEqual([]);
  });
  it('contains its first and last day, date-times included', () => {
    const q = parsePeriod('2026Q3')!;
    expect(contains(q, serialFromUtc(2026, 7, 1))).toBe(true);
    expect(contains(q, serialFromUtc(2026, 9, 30) + 0.999)).toBe(true);
    expect(contains(q, serialFromUtc(2026, 10, 1))).toBe(false);
    expect(contains(q, serialFromUtc(2026, 6, 30) + 0.5)).toBe(false);
  });
  it('knows the last completed quarter', () => {
    expect(lastCompletedQuarter(serialFromUtc(2026, 11, 28)).label).toBe('2026Q3');
    expect(lastCompletedQuarter(serialFromUtc(2026, 1, 5)).label).toBe('2025Q4');
    expect(isoDate(lastCompletedQuarter(serialFromUtc(2026, 4, 1)).end)).toBe('2026-03-31');
  });
});
