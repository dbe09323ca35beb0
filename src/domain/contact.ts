/**
 * Contact-field formats of the customer archive (SPEC §2 Customers, §4): a mainland phone
 * number and an email address. Full-width characters are read as their half-width forms.
 */

const SEP = '[\\s-]?';

/** Mainland mobile: 1[3-9] and nine digits, optional +86/86 prefix, grouped 3-4-4 or not. */
const MOBILE = new RegExp(`^(?:\\+?86${SEP})?1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4}$`);

/**
 * Landline: area code 0 + 2–3 digits (in parentheses or not; after +86 the trunk 0 may be
 * dropped, as in +86 10 …), a 7–8 digit local number (never starting with 0 or 1, which
 * are the trunk and service prefixes), and an optional extension: `-123`, `转123`, `ext 123`,
 * `x123`, `分机123`.
 */
const LANDLINE = new RegExp(
  `^(?:(?:\\+?86${SEP})?(?:\\(0\\d{2,3}\\)|0\\d{2,3})|\\+86${SEP}[1-9]\\d{1,2})${SEP}` +
    `[2-9]\\d{2,3}${SEP}\\d{4}` +
    `(?:\\s*(?:-|转|分机|ext\\.?|x|#)\\s*\\d{1,6})?$`,
  'i',
);

function normalize(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

export function isMobile(text: string): boolean {
  return MOBILE.test(normalize(text));
}

export function isLandline(text: string): boolean {
  return LANDLINE.test(normalize(text));
}

/** A mainland mobile (optional +86) or a landline with area code (optional extension). */
export function isPhone(text: string): boolean {
  const t = normalize(text);
  return MOBILE.test(t) || LANDLINE.test(t);
}

/**
 * A practical address check (not full RFC 5322): a dot-atom local part, `@`, and a domain
 * of two or more labels with a letter-only top-level label; internationalized (e.g. Chinese)
 * domain labels are accepted.
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

export function isEmail(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return t.length <= 254 && EMAIL.test(t) && t.indexOf('@') <= 64;
}
