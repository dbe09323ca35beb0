import { evaluateFormula } from '../../../src/preview/simulator';

describe('the simulator\'s formula values', () => {
  it('computes arithmetic with Excel\'s precedence (unary minus before ^)', () => {
    expect(evaluateFormula('=1+2*3')).toBe(7);
    expect(evaluateFormula('=(1+2)*3')).toBe(9);
    expect(evaluateFormula('=-2^2')).toBe(4);
    expect(evaluateFormula('=50%')).toBe(0.5);
  });

  it('gives Excel\'s error values for what it cannot compute', () => {
    expect(evaluateFormula('=1/0')).toBe('#DIV/0!');
    expect(evaluateFormula('=SUM(1,2)')).toBe('#NAME?');
    expect(evaluateFormula('=A1+1')).toBe('#NAME?');
  });
});
