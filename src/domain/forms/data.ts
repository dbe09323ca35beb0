/**
 * What the forms read from the workbook: rows found by ID, people and customers by name, words
 * in the form's language, and the parts every form spec shares.
 */
import type { Book } from '../book';
import { Serial, isoDate } from '../dates';
import type { Lang } from '../i18n/messages';
import type { ParsedRow } from '../parse';
import { Period } from '../periods';
import { EnumDef, ROLE } from '../tables';
import { FormSpec, Typed } from './layout';
import { WordKey, word } from './labels';
import { FORM_TEMPLATES, FormCode, FormError, FormErrorCode, SubjectKind } from './templates';

type Rows<T extends keyof Book> = Book[T] extends { rows: infer R } ? R : never;
export type CustomerRow = Rows<'Customers'> extends (infer R)[] ? R : never;
export type StaffRow = Rows<'Staff'> extends (infer R)[] ? R : never;
export type VisitRow = Rows<'Visits'> extends (infer R)[] ? R : never;
export type ComplaintRow = Rows<'Complaints'> extends (infer R)[] ? R : never;

/**
 * The row with this ID: the first one (a repeated ID is an error on the later rows, SPEC §4:
 * the first row stands); an exact match first, else one that differs only in case.
 */
export function findById<R extends ParsedRow<Record<K, string | null>>, K extends string>(rows: readonly R[], key: K, id: string): R | undefined {
  const wanted = id.trim();
  if (wanted === '') return undefined;
  const exact = rows.find((r) => r.v[key] === wanted);
  if (exact) return exact;
  const lower = wanted.toLowerCase();
  return rows.find((r) => typeof r.v[key] === 'string' && r.v[key]!.toLowerCase() === lower);
}

export function staffRow(book: Book, id: string | null): StaffRow | undefined {
  return id === null ? undefined : findById(book.Staff.rows, 'staffId', id);
}

export function customerRow(book: Book, id: string | null): CustomerRow | undefined {
  return id === null ? undefined : findById(book.Customers.rows, 'customerId', id);
}

/** `S01 郑专员`, or the ID alone when the Staff table does not know it. */
export function staffLabel(book: Book, id: string | null): string | null {
  if (id === null) return null;
  const name = staffRow(book, id)?.v.name;
  return name ? `${id} ${name}` : id;
}

/** The name, or the ID when there is none. */
export function staffName(book: Book, id: string | null): string | null {
  if (id === null) return null;
  return staffRow(book, id)?.v.name ?? id;
}

/** `C01 示例客户01有限公司`, or the ID alone. */
export function customerLabel(book: Book, id: string | null): string | null {
  if (id === null) return null;
  const name = customerRow(book, id)?.v.name;
  return name ? `${id} ${name}` : id;
}

/** An enum's canonical (Chinese) word in the form's language. */
export function enumWord(e: EnumDef, zh: string | null, lang: Lang): string | null {
  if (zh === null) return null;
  if (lang === 'zh') return zh;
  return e.members.find((m) => m.zh === zh)?.en ?? zh;
}

export function roleWord(role: string | null, lang: Lang): string | null {
  return enumWord(ROLE, role, lang);
}

export function yesNo(v: boolean | null, lang: Lang): string | null {
  if (v === null) return null;
  if (lang === 'zh') return v ? '是' : '否';
  return v ? 'Yes' : 'No';
}

export const date = (serial: Serial | null): Typed => ({ value: serial === null ? null : Math.floor(serial), fmt: 'date' });
export const amount = (n: number | null): Typed => ({ value: n, fmt: 'amount' });
export const centered = (s: string | number | null): Typed => ({ value: s, fmt: 'center' });

/** `2025Q4（2025-10-01 至 2025-12-31）`. */
export function periodText(p: Period, lang: Lang): string {
  return lang === 'zh' ? `${p.label}（${isoDate(p.start)} 至 ${isoDate(p.end)}）` : `${p.label} (${isoDate(p.start)} to ${isoDate(p.end)})`;
}

/** 1234.5 → `1,234.50` (no locale: the same on every machine). */
export function amountText(n: number): string {
  const [int, frac] = Math.abs(n).toFixed(2).split('.');
  return `${n < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}`;
}

/** An ID as quoted in a message: one line, at most 40 characters. */
function shown(id: string): string {
  const s = id.replace(/\s+/g, ' ').trim();
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

const SUBJECT_WORDS: Record<SubjectKind, { zh: string; en: string; table: { zh: string; en: string } }> = {
  customer: { zh: '客户编号', en: 'customer ID', table: { zh: '客户档案', en: 'Customers' } },
  visit: { zh: '拜访编号', en: 'visit ID', table: { zh: '拜访记录', en: 'Visits' } },
  complaint: { zh: '投诉编号', en: 'complaint ID', table: { zh: '投诉', en: 'Complaints' } },
  staff: { zh: '员工编号', en: 'staff ID', table: { zh: '员工', en: 'Staff' } },
};

const NOUNS: Record<SubjectKind, { zh: string; en: string }> = {
  customer: { zh: '客户', en: 'customer' },
  visit: { zh: '拜访', en: 'visit' },
  complaint: { zh: '投诉', en: 'complaint' },
  staff: { zh: '员工', en: 'employee' },
};

/** A subject ID the workbook does not have. */
export function unknownSubject(template: FormCode, subject: SubjectKind, id: string): FormError {
  const w = SUBJECT_WORDS[subject];
  const code = `unknown_${subject}` as FormErrorCode;
  return {
    kind: 'error',
    code,
    template,
    id,
    subject,
    message: {
      zh: `${w.table.zh}表中没有${w.zh}为“${shown(id)}”的${NOUNS[subject].zh}。`,
      en: `There is no ${NOUNS[subject].en} with ID "${shown(id)}" in the ${w.table.en} table.`,
    },
  };
}

export function missingSubject(template: FormCode, subject: SubjectKind): FormError {
  const t = FORM_TEMPLATES[template];
  const w = SUBJECT_WORDS[subject];
  return {
    kind: 'error',
    code: 'missing_subject',
    template,
    subject,
    message: { zh: `${t.title.zh}需要指定${w.zh}。`, en: `The ${t.title.en} needs a ${w.en}.` },
  };
}

/** The parts of a form spec every template fills the same way. */
export function specBase(
  template: FormCode,
  lang: Lang,
  subject: string | null,
  numberParts: (string | null)[],
  supervising: WordKey,
  asOf: Serial,
): Omit<FormSpec, 'sections'> {
  const t = FORM_TEMPLATES[template];
  const number = ['KAM', t.abbr, ...numberParts.filter((p): p is string => p !== null && p !== '')].join('-');
  return {
    template,
    lang,
    title: t.title[lang],
    subject,
    number,
    executing: word('keyAccountDept', lang),
    supervising: word(supervising, lang),
    meta: `${word('asOf', lang)}${lang === 'zh' ? '：' : ': '}${isoDate(Math.floor(asOf))}`,
  };
}

/** A visit's day: when it took place, else when it was planned. */
export function visitDay(v: VisitRow['v']): Serial | null {
  return v.visitedOn ?? v.plannedOn;
}

/** Newest first, then by ID: the order of the "last" visits, contracts and complaints. */
export function newestFirst<T>(rows: readonly T[], day: (r: T) => Serial | null, id: (r: T) => string | null): T[] {
  return [...rows].sort((a, b) => (day(b) ?? -Infinity) - (day(a) ?? -Infinity) || String(id(a) ?? '').localeCompare(String(id(b) ?? '')));
}

/** Oldest first, then by ID: the order of plans and registers. */
export function oldestFirst<T>(rows: readonly T[], day: (r: T) => Serial | null, id: (r: T) => string | null): T[] {
  return [...rows].sort((a, b) => (day(a) ?? Infinity) - (day(b) ?? Infinity) || String(id(a) ?? '').localeCompare(String(id(b) ?? '')));
}
