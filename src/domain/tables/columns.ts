import { z } from 'zod';
import { EnumDef } from './enums';
import type { Period } from '../periods';

/**
 * How a column is read. Dates are Excel serials (days; date-times keep the time as a fraction),
 * enums their canonical Chinese word, periods parsed Period objects.
 */
export type ColumnType = 'text' | 'number' | 'integer' | 'date' | 'datetime' | 'enum' | 'yesno' | 'period' | 'percent';

/** Format rules checked on text columns (SPEC §2, §4). */
export type TextFormat = 'phone' | 'email' | 'creditCode';

export interface ColumnDef<K extends string = string, T extends ColumnType = ColumnType> {
  key: K;
  zh: string;
  en: string;
  type: T;
  /** A blank cell is an error. */
  required?: boolean;
  /** The column must be in the header row (required values, and everything a KPI reads). */
  needed?: boolean;
  unique?: boolean;
  ref?: string;
  enum?: EnumDef;
  /** Inclusive bounds, and an exclusive lower bound for amounts that must be positive. */
  min?: number;
  max?: number;
  positive?: boolean;
  /** A number column that also takes percent text (`95%` → 0.95): scoring targets. */
  acceptPercent?: boolean;
  format?: TextFormat;
  /** The value of a blank cell (`在职` is 是, contract status 有效). */
  defaultValue?: unknown;
  /** Excel number format written by `kam init` and the adapters. */
  numFmt?: string;
  /** Column width in characters for new tables. */
  width?: number;
}

type Opts = Omit<ColumnDef, 'key' | 'zh' | 'en' | 'type'>;

function make<K extends string, T extends ColumnType>(type: T) {
  return (key: K, zh: string, en: string, opts: Opts = {}): ColumnDef<K, T> => ({ key, zh, en, type, ...opts });
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const AMOUNT_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.0%';

export const col = {
  text: <K extends string>(key: K, zh: string, en: string, o?: Opts) => make<K, 'text'>('text')(key, zh, en, o),
  number: <K extends string>(key: K, zh: string, en: string, o?: Opts) =>
    make<K, 'number'>('number')(key, zh, en, { numFmt: AMOUNT_FORMAT, ...o }),
  integer: <K extends string>(key: K, zh: string, en: string, o?: Opts) =>
    make<K, 'integer'>('integer')(key, zh, en, { numFmt: '0', ...o }),
  date: <K extends string>(key: K, zh: string, en: string, o?: Opts) =>
    make<K, 'date'>('date')(key, zh, en, { numFmt: DATE_FORMAT, width: 12, ...o }),
  datetime: <K extends string>(key: K, zh: string, en: string, o?: Opts) =>
    make<K, 'datetime'>('datetime')(key, zh, en, { numFmt: DATETIME_FORMAT, width: 17, ...o }),
  enum: <K extends string>(key: K, zh: string, en: string, e: EnumDef, o?: Opts) =>
    make<K, 'enum'>('enum')(key, zh, en, { enum: e, ...o }),
  yesno: <K extends string>(key: K, zh: string, en: string, o?: Opts) => make<K, 'yesno'>('yesno')(key, zh, en, o),
  period: <K extends string>(key: K, zh: string, en: string, o?: Opts) =>
    make<K, 'period'>('period')(key, zh, en, { numFmt: '@', ...o }),
  percent: <K extends string>(key: K, zh: string, en: string, o?: Opts) =>
    make<K, 'percent'>('percent')(key, zh, en, { numFmt: PERCENT_FORMAT, ...o }),
};

const periodSchema = z.custom<Period>((p) => typeof p === 'object' && p !== null && 'label' in p);

/** The zod schema of one typed cell; null is a blank (or unreadable) cell. */
const cellSchemas = {
  text: z.string().nullable(),
  number: z.number().nullable(),
  integer: z.number().int().nullable(),
  date: z.number().nullable(),
  datetime: z.number().nullable(),
  enum: z.string().nullable(),
  yesno: z.boolean().nullable(),
  period: periodSchema.nullable(),
  percent: z.number().nullable(),
} as const;
type CellSchemas = typeof cellSchemas;

type ShapeOf<C extends readonly ColumnDef[]> = { [D in C[number] as D['key']]: CellSchemas[D['type']] };

/** The typed row of a table, derived from its columns: the single source of the row type. */
export function rowSchema<const C extends readonly ColumnDef[]>(columns: C): z.ZodObject<ShapeOf<C>> {
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) shape[c.key] = cellSchemas[c.type];
  return z.object(shape) as unknown as z.ZodObject<ShapeOf<C>>;
}
