import { Serial } from '../dates';
import type { Lang } from '../i18n/messages';
import { Period, lastCompletedQuarter, quarterPeriod } from '../periods';
import { ymdFromSerial } from '../dates';

/** The seven forms of SPEC §5 (the document's 所用表格). */
export const FORM_CODES = [
  'customer-profile',
  'visit-plan',
  'visit-report',
  'reception-register',
  'satisfaction-survey',
  'complaint-form',
  'assessment-form',
] as const;
export type FormCode = (typeof FORM_CODES)[number];

/** What a form is about: the request field (and CLI option) naming it. */
export type SubjectKind = 'customer' | 'visit' | 'complaint' | 'staff';

export interface FormTemplate {
  code: FormCode;
  title: { zh: string; en: string };
  /** A shorter English title for sheet names (31 characters with the subject). */
  sheetTitle: { zh: string; en: string };
  /** The subject the form needs; null when it has none but a period. */
  subject: SubjectKind | null;
  /** False when the subject may be left out (the reception register of the whole department). */
  subjectRequired: boolean;
  /** Whether the form covers a period (`--period`; a default when left out). */
  period: boolean;
  /** The form number's prefix: KAM-CP-C01. */
  abbr: string;
}

const template = (
  code: FormCode,
  zh: string,
  en: string,
  sheetEn: string,
  subject: SubjectKind | null,
  period: boolean,
  abbr: string,
  subjectRequired = subject !== null,
): FormTemplate => ({ code, title: { zh, en }, sheetTitle: { zh, en: sheetEn }, subject, subjectRequired, period, abbr });

export const FORM_TEMPLATES: Readonly<Record<FormCode, FormTemplate>> = {
  'customer-profile': template('customer-profile', '大客户信息档案表', 'Key Account Profile', 'Account Profile', 'customer', false, 'CP'),
  'visit-plan': template('visit-plan', '大客户拜访计划表', 'Key Account Visit Plan', 'Visit Plan', 'staff', true, 'VP'),
  'visit-report': template('visit-report', '客户拜访记录表', 'Customer Visit Report', 'Visit Report', 'visit', false, 'VR'),
  'reception-register': template('reception-register', '客户接待登记表', 'Customer Reception Register', 'Receptions', 'staff', true, 'RR', false),
  'satisfaction-survey': template('satisfaction-survey', '大客户满意度调查表', 'Key Account Satisfaction Survey', 'Survey', 'customer', false, 'SS'),
  'complaint-form': template('complaint-form', '客户投诉处理单', 'Customer Complaint Form', 'Complaint', 'complaint', false, 'CF'),
  'assessment-form': template('assessment-form', '季度绩效考核表', 'Quarterly Performance Assessment', 'Assessment', 'staff', true, 'AF'),
};

export function isFormCode(s: string): s is FormCode {
  return (FORM_CODES as readonly string[]).includes(s);
}

export interface FormRequest {
  template: FormCode;
  customer?: string;
  visit?: string;
  complaint?: string;
  staff?: string;
  /** The period of visit-plan, reception-register and assessment-form; see defaultFormPeriod. */
  period?: Period;
  /** The as-of day: KPI figures, the "last" visits, how long a complaint has been open. */
  asOf: Serial;
}

export type FormErrorCode = 'unknown_customer' | 'unknown_visit' | 'unknown_complaint' | 'unknown_staff' | 'missing_subject' | 'not_assessed';

/** What keeps a form from being made: a subject that is missing or not in the workbook. */
export interface FormError {
  kind: 'error';
  code: FormErrorCode;
  template: FormCode;
  /** The ID asked for (absent for missing_subject). */
  id?: string;
  subject: SubjectKind | null;
  message: Record<Lang, string>;
}

export function isFormError(x: object): x is FormError {
  return (x as { kind?: unknown }).kind === 'error';
}

/**
 * The period a form covers when none is asked for: the quarterly assessment is of the last
 * quarter that has ended (the quarter-end review, like the ribbon's Recalculate); a visit plan
 * and the reception register are of the quarter the as-of day falls in.
 */
export function defaultFormPeriod(code: FormCode, asOf: Serial): Period {
  if (code === 'assessment-form') return lastCompletedQuarter(asOf);
  const { year, month } = ymdFromSerial(asOf);
  return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
}
