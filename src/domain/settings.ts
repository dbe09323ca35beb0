import { z } from 'zod';
import { normalizeWord, toNumber } from './cells';
import { Finding } from './findings';
import { ParsedTable, markBad } from './parse';
import { ColumnDef, Customers } from './tables';

/** The Settings keys with their defaults and labels (SPEC §2, Settings). */
export const SETTING_DEFAULTS = {
  ka_threshold: { value: '100', zh: '大客户标准：年合同额（万元）', en: 'Key-account standard: annual contract value (10k CNY)' },
  feedback_hours: { value: '48', zh: '客户意见标准反馈时间（小时）', en: 'Standard time to answer customer feedback (hours)' },
  warning_score: { value: '60', zh: '考核得分低于此分者口头警告', en: 'Total score below this gets a verbal warning' },
  complaint_penalty: { value: '20', zh: '每超出目标一次有效投诉扣分', en: 'Points lost per valid complaint above target' },
  required_fields: {
    value: '客户名称,统一社会信用代码,行业,区域,客户等级,负责专员,联系人,联系电话,地址',
    zh: '档案完整所需字段（客户档案表头，逗号分隔）',
    en: 'Fields a complete archive row needs (Customers headers, comma-separated)',
  },
  stage_probabilities: { value: '10,20,40,60,80,100', zh: '六个阶段的默认赢单概率（%）', en: 'Default win probability (%) of the six stages' },
} as const;
export type SettingKey = keyof typeof SETTING_DEFAULTS;

const nonNegative = z.number().finite().min(0);
export const SettingsSchema = z.object({
  kaThreshold: nonNegative,
  feedbackHours: nonNegative,
  warningScore: nonNegative,
  complaintPenalty: nonNegative,
  /** Customers column keys an archive row needs. */
  requiredFields: z.array(z.string()).min(1),
  /** Default win probability of the six open stages, as fractions. */
  stageProbabilities: z.array(z.number().min(0).max(1)).length(6),
});
export type SettingsValues = z.infer<typeof SettingsSchema>;

/** Comma-separated lists (full-width commas and 、 too); headers may contain spaces. */
const LIST_SPLIT = /\s*[,，、;；]\s*/;

function customerKeyOf(header: string): string | null {
  const n = normalizeWord(header);
  const c = (Customers.columns as readonly ColumnDef[]).find((c) => normalizeWord(c.zh) === n || normalizeWord(c.en) === n || c.key === header);
  return c ? c.key : null;
}

type Reader = (text: string) => unknown;
const number: Reader = (t) => toNumber(t);
const READERS: Record<SettingKey, [keyof SettingsValues, Reader]> = {
  ka_threshold: ['kaThreshold', number],
  feedback_hours: ['feedbackHours', number],
  warning_score: ['warningScore', number],
  complaint_penalty: ['complaintPenalty', number],
  required_fields: [
    'requiredFields',
    (t) => {
      const keys = t.trim().split(LIST_SPLIT).filter(Boolean).map(customerKeyOf);
      return keys.includes(null) ? null : keys;
    },
  ],
  stage_probabilities: [
    'stageProbabilities',
    (t) => {
      const nums = t.trim().split(LIST_SPLIT).filter(Boolean).map((x) => toNumber(x.replace(/%$/, '')));
      if (!nums.every((n) => typeof n === 'number')) return null;
      // Percent points (10,20,…,100) as the default shows; a list of fractions (0.1,…,1) also reads.
      const points = t.includes('%') || (nums as number[]).some((n) => n > 1);
      return (nums as number[]).map((n) => (points ? n / 100 : n));
    },
  ],
};

function isSettingKey(k: string): k is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTING_DEFAULTS, k);
}

function readAll(lookup: (key: SettingKey) => string | null | undefined, onBad: (key: SettingKey) => void): SettingsValues {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SETTING_DEFAULTS) as SettingKey[]) {
    const [field, read] = READERS[key];
    const fallback = read(SETTING_DEFAULTS[key].value);
    const text = lookup(key);
    let value = text === null || text === undefined || text.trim() === '' ? fallback : read(text);
    if (!SettingsSchema.shape[field].safeParse(value).success) {
      onBad(key);
      value = fallback;
    }
    out[field] = value;
  }
  return SettingsSchema.parse(out);
}

export const DEFAULT_SETTINGS: SettingsValues = readAll(() => null, () => undefined);

/** Settings from the Settings table; a blank value takes the default, a bad one is an error. */
export function readSettings(table: ParsedTable, findings: Finding[]): SettingsValues {
  const byKey = new Map<string, (typeof table.rows)[number]>();
  for (const r of table.rows) {
    const k = r.v.key;
    if (typeof k === 'string' && isSettingKey(k.trim()) && !byKey.has(k.trim())) byKey.set(k.trim(), r);
  }
  return readAll(
    (key) => byKey.get(key)?.v.value as string | null | undefined,
    (key) => {
      const r = byKey.get(key)!;
      markBad(r, 'value');
      findings.push({ table: 'Settings', row: r.row, column: table.headers.value, key: 'value', code: 'type', severity: 'error', params: { value: String(r.v.value), setting: key } });
    },
  );
}
