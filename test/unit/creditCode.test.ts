import { CREDIT_CODE_CHARSET, checkCreditCode, creditCodeCheckChar, normalizeCreditCode } from '../../src/domain/creditCode';

describe('unified social credit code (GB 32100-2015)', () => {
  // Published codes of real organizations; each passes the check.
  const VALID = ['91350100M000100Y43', '91440300708461136T', '9144030071526726XG', '91110000600037341L', '91310000MA1FL1MMXL'];

  it.each(VALID)('%s is well formed with the right check character', (code) => {
    expect(checkCreditCode(code)).toEqual({ status: 'ok', code });
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('the charset has 31 characters: no I, O, S, V, Z', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    expect(CREDIT_CODE_CHARSET).not.toMatch(/[IOSVZ]/);
  });

  it('a check value of 0 maps to the character 0, not 31', () => {
    // Among the 31 possible last characters exactly one is right; 0 is reachable.
    const base = '9135010000000000';
    const found = CREDIT_CODE_CHARSET.split('').map((c) => creditCodeCheckChar(base + c));
    expect(found).toContain('0');
    expect(found.every((c) => c !== null && CREDIT_CODE_CHARSET.includes(c))).toBe(true);
  });

  it('a wrong check character is reported with the expected one', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ status: 'check', code: '91350100M000100Y44', expected: '3' });
  });

  it('accepts lowercase, full-width and surrounding spaces', () => {
    expect(normalizeCreditCode(' 91310000ma1fl1mmxl ')).toBe('91310000MA1FL1MMXL');
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３').status).toBe('ok');
    expect(checkCreditCode('91310000ma1fl1mmxl').status).toBe('ok');
  });

  it.each([
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y433'],
    ['letter I', '91350100I000100Y43'],
    ['letter O', '91350100O000100Y43'],
    ['letter S', '91350100S000100Y43'],
    ['letter V', '91350100V000100Y43'],
    ['letter Z', '91350100Z000100Y43'],
    ['inner space', '91350100 M000100Y43'],
    ['hyphen', '91350100-M000100Y4'],
    ['empty', ''],
    ['formula-looking', '=91350100M000100Y4'],
  ])('%s is malformed', (_label, code) => {
    expect(checkCreditCode(code).status).toBe('malformed');
  });

  it('creditCodeCheckChar refuses what is not 17 characters of the charset', () => {
    expect(creditCodeCheckChar('91350100M000100Y')).toBeNull();
    expect(creditCodeCheckChar('91350100I000100Y4')).toBeNull();
  });
});
