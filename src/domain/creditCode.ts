/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of a
 * 31-character set (digits and capitals without I, O, S, V, Z); the 18th is a check
 * character, a weighted sum modulo 31 of the first 17.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (1-based) is 3^(i-1) mod 31 (GB 32100-2015, 5.2). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const WELL_FORMED = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

/** How a person's entry is read: full-width characters and lowercase letters are accepted. */
export function normalizeCreditCode(text: string): string {
  return text.normalize('NFKC').trim().toUpperCase();
}

/** The check character the first 17 characters call for; null when they are not of the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

export type CreditCodeCheck =
  /** 18 characters of the charset with the right check character. */
  | { status: 'ok'; code: string }
  /** Not 18 characters of the charset: an error. */
  | { status: 'malformed'; code: string }
  /** Well formed, but the check character differs: a warning (some early codes fail it). */
  | { status: 'check'; code: string; expected: string };

export function checkCreditCode(text: string): CreditCodeCheck {
  const code = normalizeCreditCode(text);
  if (!WELL_FORMED.test(code)) return { status: 'malformed', code };
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  return code[17] === expected ? { status: 'ok', code } : { status: 'check', code, expected };
}
