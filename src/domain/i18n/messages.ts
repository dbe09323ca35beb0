import type { Problem } from '../book';
import { Finding, FindingCode, Severity } from '../findings';
import { SETTING_DEFAULTS, SettingKey } from '../settings';
import { CUSTOMER_STATUS, ColumnDef, EnumDef, STAGE, TABLES_BY_NAME } from '../tables';

/** The UI language: the workbook's (zh-CN default, en-US). */
export type Lang = 'zh' | 'en';

export function severityLabel(severity: Severity, lang: Lang): string {
  if (lang === 'zh') return severity === 'error' ? '错误' : '警告';
  return severity === 'error' ? 'error' : 'warning';
}

type Params = Record<string, string | number>;

const MAX_SHOWN = 60;

/** A cell's text as quoted in a message: shortened, one line. */
function shown(v: string | number | undefined): string {
  const s = String(v ?? '').replace(/\s+/g, ' ').trim();
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN - 1)}…` : s;
}

const quote = (lang: Lang, v: string | number | undefined) => (lang === 'zh' ? `“${shown(v)}”` : `"${shown(v)}"`);

/** The bad value as the subject of a sentence; "the cell" when it shows nothing. */
function subject(lang: Lang, p: Params): string {
  const v = shown(p.value);
  if (lang === 'zh') return v === '' ? '该单元格' : `“${v}”`;
  return v === '' ? 'the cell' : `"${v}"`;
}

function columnDef(f: Finding): ColumnDef | undefined {
  return (TABLES_BY_NAME.get(f.table)?.columns as readonly ColumnDef[] | undefined)?.find((c) => c.key === f.key);
}

/** An enum's canonical (Chinese) word in the message language. */
function word(e: EnumDef, zh: string | number | undefined, lang: Lang): string {
  const s = String(zh ?? '');
  if (lang === 'zh') return s;
  return e.members.find((m) => m.zh === s)?.en ?? s;
}

function tableLabel(table: string, lang: Lang): string {
  const def = TABLES_BY_NAME.get(table);
  return def ? def.sheet[lang] : table;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

const TYPE_EXPECTED: Record<Lang, Record<string, string>> = {
  zh: {
    text: '无法读取为文本',
    number: '不是数字',
    integer: '不是整数',
    date: '不是有效的日期（可写作 2026-07-01、2026/7/1 或 2026年7月1日）',
    datetime: '不是有效的日期或时间（如 2026-07-01 或 2026-07-01 14:30）',
    yesno: '不是“是”或“否”',
    percent: '不是有效的比例（如 40% 或 0.4）',
    period: '不是有效的期间（应为 2026、2026Q3 或 2026-07）',
    enum: '不是可选的值',
  },
  en: {
    text: 'cannot be read as text',
    number: 'is not a number',
    integer: 'is not a whole number',
    date: 'is not a valid date (write 2026-07-01, 2026/7/1 or 2026年7月1日)',
    datetime: 'is not a valid date or date-time (such as 2026-07-01 or 2026-07-01 14:30)',
    yesno: 'is not Yes or No',
    percent: 'is not a valid rate (such as 40% or 0.4)',
    period: 'is not a valid period (write 2026, 2026Q3 or 2026-07)',
    enum: 'is not one of the allowed words',
  },
};

const SETTING_EXPECTED: Record<Lang, Record<SettingKey, string>> = {
  zh: {
    ka_threshold: '应为不小于 0 的数字',
    feedback_hours: '应为不小于 0 的数字',
    warning_score: '应为不小于 0 的数字',
    complaint_penalty: '应为不小于 0 的数字',
    required_fields: '应为客户档案的列名，用逗号分隔',
    stage_probabilities: '应为六个 0–100 之间的数字，用逗号分隔',
  },
  en: {
    ka_threshold: 'a number of at least 0 is expected',
    feedback_hours: 'a number of at least 0 is expected',
    warning_score: 'a number of at least 0 is expected',
    complaint_penalty: 'a number of at least 0 is expected',
    required_fields: 'Customers column headers, comma-separated, are expected',
    stage_probabilities: 'six numbers from 0 to 100, comma-separated, are expected',
  },
};

function isSettingKey(k: unknown): k is SettingKey {
  return typeof k === 'string' && Object.prototype.hasOwnProperty.call(SETTING_DEFAULTS, k);
}

function typeDetail(f: Finding, p: Params, lang: Lang): string {
  if (isSettingKey(p.setting)) {
    const def = SETTING_DEFAULTS[p.setting].value;
    return lang === 'zh'
      ? `设置项 ${p.setting} 的值${quote(lang, p.value)}无效，${SETTING_EXPECTED.zh[p.setting]}；已按默认值 ${def} 计算`
      : `the value ${quote(lang, p.value)} of setting ${p.setting} is not valid: ${SETTING_EXPECTED.en[p.setting]}; the default ${def} is used`;
  }
  const type = columnDef(f)?.type ?? 'text';
  const expected = TYPE_EXPECTED[lang][type] ?? TYPE_EXPECTED[lang].text;
  return `${subject(lang, p)} ${expected}`;
}

function enumDetail(f: Finding, p: Params, lang: Lang): string {
  const e = columnDef(f)?.enum;
  const words = e ? e.members.map((m) => (lang === 'zh' ? m.zh : m.en)) : [];
  if (lang === 'zh') return `${subject(lang, p)} 不是可选的值${words.length ? `（可选：${words.join('、')}）` : ''}`;
  return `${subject(lang, p)} is not one of the allowed words${words.length ? ` (${words.join(', ')})` : ''}`;
}

function rangeDetail(f: Finding, p: Params, lang: Lang): string {
  const c = columnDef(f);
  const pct = c?.type === 'percent';
  const bound = (n: number) => (pct ? `${num(n * 100)}%` : num(n));
  let rule: string;
  if (c?.max !== undefined) {
    const min = c.min ?? 0;
    rule = lang === 'zh' ? `应在 ${bound(min)} 到 ${bound(c.max)} 之间` : `must be between ${bound(min)} and ${bound(c.max)}`;
  } else if (c?.positive) {
    rule = lang === 'zh' ? '应大于 0' : 'must be greater than 0';
  } else if (c?.min !== undefined) {
    rule = lang === 'zh' ? `不能小于 ${bound(c.min)}` : `must not be less than ${bound(c.min)}`;
  } else {
    rule = lang === 'zh' ? '超出允许的范围' : 'is out of the allowed range';
  }
  return `${subject(lang, p)} ${rule}`;
}

function staffLabel(p: Params, lang: Lang): string {
  const id = shown(p.staffId);
  if (id !== '') return lang === 'zh' ? `员工 ${id}` : `staff ${id}`;
  return lang === 'zh' ? '部门（员工编号为空）' : 'the department (blank Staff ID)';
}

/** The sentence after the location, per finding code. */
function detail(f: Finding, lang: Lang): string {
  const p: Params = f.params ?? {};
  const zh = lang === 'zh';
  const q = (v: string | number | undefined) => quote(lang, v);
  const code: FindingCode = f.code;
  switch (code) {
    case 'required':
      return zh ? '必填项，不能为空' : 'is required but empty';
    case 'cell_error':
      return zh
        ? `单元格是错误值 ${q(p.value)}（公式出错），不是数据；请修正公式或填入值`
        : `holds the error value ${q(p.value)} (a broken formula), not data; fix the formula or type the value`;
    case 'type':
      return typeDetail(f, p, lang);
    case 'enum':
      return enumDetail(f, p, lang);
    case 'range':
      return rangeDetail(f, p, lang);
    case 'negative':
      return zh ? `${subject(lang, p)} 不能为负数` : `${subject(lang, p)} must not be negative`;
    case 'too_large':
      return zh
        ? `${subject(lang, p)} 数值过大（绝对值须小于 10^15，Excel 只保留 15 位有效数字），无法用于计算`
        : `${subject(lang, p)} is too large to compute with (its size must be under 10^15; Excel keeps 15 digits)`;
    case 'period':
      return zh
        ? `${subject(lang, p)} 不是有效的期间（应为 2026、2026Q3 或 2026-07）`
        : `${subject(lang, p)} is not a valid period (write 2026, 2026Q3 or 2026-07)`;
    case 'phone':
      return zh
        ? `${subject(lang, p)} 不是有效的电话号码（手机号或带区号的固定电话）`
        : `${subject(lang, p)} is not a valid phone number (a mainland mobile number or a landline with area code)`;
    case 'email':
      return zh ? `${subject(lang, p)} 不是有效的电子邮箱地址` : `${subject(lang, p)} is not a valid email address`;
    case 'credit_code':
      return zh
        ? `${subject(lang, p)} 不是有效的统一社会信用代码（应为 18 位数字或大写字母，不含 I、O、S、V、Z）`
        : `${subject(lang, p)} is not a valid unified social credit code (18 digits or capital letters, without I, O, S, V, Z)`;
    case 'credit_code_check':
      return zh
        ? `统一社会信用代码 ${q(p.value)} 的校验位与计算结果${p.expected !== undefined ? ` ${q(p.expected)} ` : ''}不符，请核对（部分早期代码确实不符合校验规则）`
        : `the check character of credit code ${q(p.value)} does not match${p.expected !== undefined ? ` the computed ${q(p.expected)}` : ''}; please verify it (some early codes do fail the check)`;
    case 'lost_fields': {
      if (p.kind === 'unexpected') {
        const status = word(CUSTOMER_STATUS, p.status, lang);
        return zh
          ? `只有状态为“流失”的客户才填写此项，该客户状态为“${status}”`
          : `only a Lost account has this field, and this account's status is ${status}`;
      }
      return zh ? '客户状态为“流失”，此项必须填写' : 'the account is Lost, so this field is required';
    }
    case 'developed_required': {
      const status = word(CUSTOMER_STATUS, p.status ?? '合作中', lang);
      return zh
        ? `状态为“${status}”的客户必须填写开发日期（成为大客户的日期）`
        : `an account with status ${status} needs the date it became a key account`;
    }
    case 'lost_before_developed':
      return zh
        ? `流失日期 ${shown(p.value)} 早于开发日期 ${shown(p.developedOn)}`
        : `the date lost, ${shown(p.value)}, is before the date developed, ${shown(p.developedOn)}`;
    case 'date_order':
      return zh
        ? `${shown(p.value)} 早于「${shown(p.otherColumn)}」${shown(p.other)}，不能早于它`
        : `${shown(p.value)} is before "${shown(p.otherColumn)}" (${shown(p.other)}); it must not be`;
    case 'visit_date':
      return zh ? '状态为“已完成”的拜访必须填写实际拜访日期' : 'a Done visit needs the date it took place';
    case 'future_visit':
      return zh
        ? `拜访已标为“已完成”，但实际日期 ${shown(p.value)} 晚于截至日期 ${shown(p.asOf)}`
        : `the visit is marked Done but its date ${shown(p.value)} is after the as-of date ${shown(p.asOf)}`;
    case 'stage_gate': {
      const stage = word(STAGE, p.stage, lang);
      const node = word(STAGE, p.node, lang);
      return zh
        ? `商机处于“${stage}”阶段，必须先填写“${node}”阶段的关键节点日期`
        : `the opportunity is at stage ${stage}, so the key-node date of stage ${node} is required`;
    }
    case 'below_threshold':
      return zh
        ? `合作中客户的年合同额 ${shown(p.value)} 万元低于大客户标准 ${shown(p.threshold)} 万元`
        : `the annual contract value of this Active account, ${shown(p.value)} (10k CNY), is below the key-account standard of ${shown(p.threshold)}`;
    case 'duplicate_id':
      return zh
        ? `编号 ${q(p.value)} 与第${shown(p.firstRow)}行重复，编号必须唯一`
        : `the ID ${q(p.value)} is already used on row ${shown(p.firstRow)}; IDs must be unique`;
    case 'duplicate_name':
      return zh
        ? `客户名称 ${q(p.value)} 与第${shown(p.firstRow)}行相同，可能是重复建档`
        : `the customer name ${q(p.value)} is the same as on row ${shown(p.firstRow)}; the account may be entered twice`;
    case 'duplicate_plan':
      return zh
        ? `期间 ${shown(p.value)}、${staffLabel(p, lang)} 的计划与第${shown(p.firstRow)}行重复，本行不计入`
        : `the plan of ${staffLabel(p, lang)} for ${shown(p.value)} repeats row ${shown(p.firstRow)}; this row is not counted`;
    case 'ref': {
      const target = tableLabel(String(p.target ?? ''), lang);
      return zh ? `${subject(lang, p)} 不是「${target}」表中已有的编号` : `${subject(lang, p)} is not an ID in the ${target} table`;
    }
    case 'missing_plan': {
      const who = `${shown(p.value)}${shown(p.name) ? (zh ? `（${shown(p.name)}）` : ` (${shown(p.name)})`) : ''}`;
      return zh
        ? `在职专员 ${who} 在 ${shown(p.period)} 没有计划指标`
        : `the active specialist ${who} has no plan for ${shown(p.period)}`;
    }
    default: {
      const unknown: never = code;
      return zh ? `数据有误（${String(unknown)}）` : `invalid data (${String(unknown)})`;
    }
  }
}

/**
 * One sentence naming the table, the Excel row, the column and what is wrong, e.g.
 * `客户档案 第7行「联系电话」：“123” 不是有效的电话号码（手机号或带区号的固定电话）`.
 * `sheetName` (the sheet the table was found on) replaces the default table label.
 */
export function findingMessage(f: Finding, lang: Lang, sheetName?: string): string {
  const table = sheetName || tableLabel(f.table, lang);
  const column = f.column || f.key;
  if (lang === 'zh') return `${table} 第${f.row}行「${column}」：${detail(f, lang)}`;
  return `${table} row ${f.row}, "${column}": ${detail(f, lang)}.`;
}

/** A workbook the engine cannot work on: which table or column is missing, where. */
export function problemMessage(p: Problem, lang: Lang): string {
  if (p.code === 'missing_table') {
    return lang === 'zh'
      ? `缺少表「${p.sheet.zh}」：工作簿中既没有名为 ${p.table} 的表格，也没有名为“${p.sheet.zh}”或“${p.sheet.en}”的工作表`
      : `Missing table ${p.table}: the workbook has no Excel table named ${p.table} and no sheet named "${p.sheet.en}" or "${p.sheet.zh}".`;
  }
  return lang === 'zh'
    ? `工作表「${p.sheetName}」缺少列「${p.column.zh}」（英文表头 ${p.column.en}）`
    : `Sheet "${p.sheetName}" (table ${p.table}) lacks the column "${p.column.en}" (Chinese header ${p.column.zh}).`;
}
