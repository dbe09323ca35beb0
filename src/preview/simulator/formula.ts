/**
 * What the simulator computes for a formula: numbers and arithmetic (`+ - * / ^`, parentheses,
 * unary signs, `%`). Anything else — functions, references, text — gives `#NAME?`, division by
 * zero gives `#DIV/0!`. The value is computed when the formula is written and never recalculated:
 * enough to show that text which reached a cell as a formula was executed, not kept.
 */
export type FormulaValue = number | string;

export function evaluateFormula(formula: string): FormulaValue {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  let i = 0;
  const skip = () => {
    while (i < src.length && src[i] === ' ') i++;
  };
  class Fail extends Error {
    constructor(readonly value: string) {
      super(value);
    }
  }
  const primary = (): number => {
    skip();
    const ch = src[i];
    if (ch === '(') {
      i++;
      const v = sum();
      skip();
      if (src[i] !== ')') throw new Fail('#NAME?');
      i++;
      return v;
    }
    if (ch === '+' || ch === '-') {
      i++;
      const v = unary();
      return ch === '-' ? -v : v;
    }
    const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (!m) throw new Fail('#NAME?');
    i += m[0].length;
    return Number(m[0]);
  };
  const unary = (): number => {
    let v = primary();
    skip();
    while (src[i] === '%') {
      i++;
      v /= 100;
      skip();
    }
    return v;
  };
  const power = (): number => {
    let v = unary();
    skip();
    while (src[i] === '^') {
      i++;
      v = Math.pow(v, unary());
      skip();
    }
    return v;
  };
  const product = (): number => {
    let v = power();
    skip();
    while (src[i] === '*' || src[i] === '/') {
      const op = src[i++];
      const w = power();
      if (op === '/' && w === 0) throw new Fail('#DIV/0!');
      v = op === '*' ? v * w : v / w;
      skip();
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    skip();
    while (src[i] === '+' || src[i] === '-') {
      const op = src[i++];
      const w = product();
      v = op === '+' ? v + w : v - w;
      skip();
    }
    return v;
  };
  try {
    const v = sum();
    skip();
    if (i !== src.length) return '#NAME?';
    return Number.isFinite(v) ? v : '#NUM!';
  } catch (e) {
    if (e instanceof Fail) return e.value;
    throw e;
  }
}
