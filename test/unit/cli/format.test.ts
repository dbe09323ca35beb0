import { displayWidth, formatNumber, formatValue, layoutTable, padEnd } from '../../../src/cli/format';

describe('terminal layout', () => {
  it('counts CJK and full-width characters as two cells', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('大客户')).toBe(6);
    expect(displayWidth('合同金额（万元）')).toBe(16);
    expect(displayWidth('Ａ1')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(padEnd('流失', 6)).toBe('流失  ');
  });

  it('aligns mixed Chinese and ASCII columns by display width', () => {
    const lines = layoutTable(
      [
        ['指标', '值'],
        ['大客户流失率', '20.0%'],
        ['Churn', '5%'],
      ],
      ['l', 'r'],
      '',
    );
    const ends = lines.map((l) => displayWidth(l));
    expect(new Set(ends).size).toBe(1);
    expect(lines[1]).toBe('大客户流失率  20.0%');
    expect(lines[2]).toBe('Churn            5%');
  });

  it('formats rates as percent, counts whole, null as N/A', () => {
    expect(formatValue('sales_completion', 0.7516666)).toBe('75.2%');
    expect(formatValue('churn_count', 2)).toBe('2');
    expect(formatValue('churn_rate', null)).toBe('N/A');
    expect(formatValue('satisfaction', 80)).toBe('80');
    expect(formatValue('satisfaction', 82.25)).toBe('82.3');
    expect(formatValue('pipeline_weighted', 180.456)).toBe('180.46');
    expect(formatValue('专业技能', 75)).toBe('75');
    expect(formatNumber(225.5)).toBe('225.5');
    expect(formatNumber(1 / 3)).toBe('0.33');
    expect(formatNumber(null)).toBe('-');
  });
});
