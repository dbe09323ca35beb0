import { Problem, readBook } from '../../src/domain/book';
import { serialFromUtc } from '../../src/domain/dates';
import { Finding, FindingCode } from '../../src/domain/findings';
import { findingMessage, problemMessage, severityLabel } from '../../src/domain/i18n/messages';
import { validate } from '../../src/domain/validate';
import { bookSnapshot } from '../helpers/snapshot';

const f = (table: string, row: number, column: string, key: string, code: FindingCode, params?: Finding['params']): Finding => ({
  table,
  row,
  column,
  key,
  code,
  severity: code === 'credit_code_check' || code === 'duplicate_name' || code === 'below_threshold' || code === 'future_visit' || code === 'missing_plan' ? 'warning' : 'error',
  params,
});

/** One sample of every code (a Record: the compiler checks none is forgotten). */
const SAMPLES: Record<FindingCode, Finding> = {
  required: f('Customers', 3, '客户名称', 'name', 'required', { value: '' }),
  cell_error: f('Contracts', 4, '合同金额（万元）', 'amount', 'cell_error', { value: '#REF!' }),
  type: f('Contracts', 4, '签订日期', 'signedOn', 'type', { value: '明天' }),
  enum: f('Customers', 5, '状态', 'status', 'enum', { value: '活跃' }),
  range: f('Surveys', 6, '满意度（0-100）', 'score', 'range', { value: '120' }),
  negative: f('Contracts', 7, '合同金额（万元）', 'amount', 'negative', { value: '-5' }),
  too_large: f('Contracts', 8, '合同金额（万元）', 'amount', 'too_large', { value: '1e+308' }),
  phone: f('Customers', 7, '联系电话', 'phone', 'phone', { value: '123' }),
  email: f('Customers', 8, '电子邮箱', 'email', 'email', { value: 'a@b' }),
  credit_code: f('Customers', 9, '统一社会信用代码', 'creditCode', 'credit_code', { value: 'ABC' }),
  credit_code_check: f('Customers', 10, '统一社会信用代码', 'creditCode', 'credit_code_check', { value: '91350100M000100Y44', expected: '3' }),
  period: f('Plans', 2, '期间', 'period', 'period', { value: '2026Q5' }),
  lost_fields: f('Customers', 11, '流失日期', 'lostOn', 'lost_fields', { kind: 'missing', status: '流失' }),
  developed_required: f('Customers', 12, '开发日期', 'developedOn', 'developed_required', { status: '合作中' }),
  lost_before_developed: f('Customers', 13, '流失日期', 'lostOn', 'lost_before_developed', { value: '2025-01-01', developedOn: '2025-03-01' }),
  date_order: f('Complaints', 2, '结案日期', 'closedOn', 'date_order', { value: '2026-06-30', other: '2026-07-01', otherColumn: '投诉日期' }),
  visit_date: f('Visits', 3, '实际日期', 'visitedOn', 'visit_date'),
  future_visit: f('Visits', 4, '实际日期', 'visitedOn', 'future_visit', { value: '2026-09-01', asOf: '2026-08-15' }),
  stage_gate: f('Opportunities', 5, '立项日', 'initiatedOn', 'stage_gate', { stage: '提案', node: '立项' }),
  below_threshold: f('Customers', 14, '年合同额（万元）', 'annualValue', 'below_threshold', { value: 50, threshold: 100 }),
  duplicate_id: f('Visits', 6, '拜访编号', 'visitId', 'duplicate_id', { value: 'V001', firstRow: 2 }),
  duplicate_name: f('Customers', 15, '客户名称', 'name', 'duplicate_name', { value: '某某公司', firstRow: 2 }),
  duplicate_plan: f('Plans', 3, '期间', 'period', 'duplicate_plan', { value: '2026Q3', staffId: '', firstRow: 2 }),
  ref: f('Visits', 7, '员工编号', 'staffId', 'ref', { value: 'S99', target: 'Staff' }),
  missing_plan: f('Staff', 2, '员工编号', 'staffId', 'missing_plan', { value: 'S01', name: '张三', period: '2026Q3' }),
};

describe('findingMessage', () => {
  it('gives the example sentence of the brief', () => {
    expect(findingMessage(SAMPLES.phone, 'zh')).toBe('客户档案 第7行「联系电话」：“123” 不是有效的电话号码（手机号或带区号的固定电话）');
    expect(findingMessage(SAMPLES.phone, 'en')).toBe(
      'Customers row 7, "联系电话": "123" is not a valid phone number (a mainland mobile number or a landline with area code).',
    );
  });

  it.each(Object.values(SAMPLES))('$code names the table, row and column in both languages', (finding) => {
    const zh = findingMessage(finding, 'zh');
    const en = findingMessage(finding, 'en');
    const def = { zh: `第${finding.row}行`, en: `row ${finding.row}` };
    expect(zh).toContain(def.zh);
    expect(en).toContain(def.en);
    expect(zh).toContain(`「${finding.column}」`);
    expect(en).toContain(`"${finding.column}"`);
    expect(zh.startsWith({ Customers: '客户档案', Contracts: '合同', Surveys: '满意度调查', Plans: '计划指标', Complaints: '投诉', Visits: '拜访记录', Opportunities: '商机', Staff: '员工' }[finding.table]!)).toBe(true);
    expect(en.startsWith(finding.table)).toBe(true);
    // The detail is a real sentence, not a code.
    expect(zh.split('：')[1].length).toBeGreaterThan(5);
    if (finding.code.includes('_')) expect(en).not.toContain(finding.code);
    expect(en).not.toMatch(/undefined|NaN|\[object/);
    expect(zh).not.toMatch(/undefined|NaN|\[object/);
  });

  it.each<[FindingCode, string, string]>([
    ['required', '必填项，不能为空', 'is required but empty'],
    ['type', '“明天” 不是有效的日期', '"明天" is not a valid date'],
    ['enum', '“活跃” 不是可选的值（可选：潜在、开发中、合作中、流失）', '"活跃" is not one of the allowed words (Prospect, Developing, Active, Lost)'],
    ['range', '“120” 应在 0 到 100 之间', '"120" must be between 0 and 100'],
    ['negative', '“-5” 不能为负数', '"-5" must not be negative'],
    ['credit_code_check', '校验位与计算结果 “3” 不符', 'does not match the computed "3"'],
    ['lost_fields', '客户状态为“流失”，此项必须填写', 'the account is Lost, so this field is required'],
    ['developed_required', '状态为“合作中”的客户必须填写开发日期', 'an account with status Active needs'],
    ['date_order', '2026-06-30 早于「投诉日期」2026-07-01', '2026-06-30 is before "投诉日期" (2026-07-01)'],
    ['stage_gate', '商机处于“提案”阶段，必须先填写“立项”阶段的关键节点日期', 'at stage Proposal, so the key-node date of stage Initiation is required'],
    ['duplicate_id', '编号 “V001” 与第2行重复', 'already used on row 2'],
    ['duplicate_plan', '期间 2026Q3、部门（员工编号为空） 的计划与第2行重复', 'the department (blank Staff ID) for 2026Q3 repeats row 2'],
    ['ref', '“S99” 不是「员工」表中已有的编号', '"S99" is not an ID in the Staff table'],
    ['missing_plan', '在职专员 S01（张三） 在 2026Q3 没有计划指标', 'the active specialist S01 (Zhang San) has no plan'.replace('Zhang San', '张三')],
    ['below_threshold', '年合同额 50 万元低于大客户标准 100 万元', 'is below the key-account standard of 100'],
    ['future_visit', '实际日期 2026-09-01 晚于截至日期 2026-08-15', 'after the as-of date 2026-08-15'],
  ])('%s says what is wrong', (code, zh, en) => {
    expect(findingMessage(SAMPLES[code], 'zh')).toContain(zh);
    expect(findingMessage(SAMPLES[code], 'en')).toContain(en);
  });

  it('a Lost On on an account that is not lost names its status', () => {
    const finding = f('Customers', 2, 'Lost On', 'lostOn', 'lost_fields', { kind: 'unexpected', status: '合作中', value: '2026-05-01' });
    expect(findingMessage(finding, 'zh')).toBe('客户档案 第2行「Lost On」：只有状态为“流失”的客户才填写此项，该客户状态为“合作中”');
    expect(findingMessage(finding, 'en')).toBe('Customers row 2, "Lost On": only a Lost account has this field, and this account\'s status is Active.');
  });

  it('a percent range is shown in percent; a positive amount as greater than 0', () => {
    const prob = f('Opportunities', 2, '赢单概率', 'winProbability', 'range', { value: '150%' });
    expect(findingMessage(prob, 'zh')).toContain('应在 0% 到 100% 之间');
    const weight = f('ScoringScheme', 2, '权重', 'weight', 'range', { value: '0' });
    expect(findingMessage(weight, 'en')).toContain('must be greater than 0');
  });

  it('a bad setting names the setting, the expectation and the default used', () => {
    const s = f('Settings', 3, '值', 'value', 'type', { value: 'abc', setting: 'ka_threshold' });
    expect(findingMessage(s, 'zh')).toBe('设置 第3行「值」：设置项 ka_threshold 的值“abc”无效，应为不小于 0 的数字；已按默认值 100 计算');
    expect(findingMessage(s, 'en')).toContain('the value "abc" of setting ka_threshold is not valid');
  });

  it('an unreadable cell with no text is "the cell"', () => {
    const s = f('Contracts', 2, '合同金额（万元）', 'amount', 'type', { value: '' });
    expect(findingMessage(s, 'zh')).toBe('合同 第2行「合同金额（万元）」：该单元格 不是数字');
    expect(findingMessage(s, 'en')).toBe('Contracts row 2, "合同金额（万元）": the cell is not a number.');
  });

  it('shortens long values and uses the sheet name given', () => {
    const long = f('Customers', 2, '联系电话', 'phone', 'phone', { value: '9'.repeat(200) });
    const msg = findingMessage(long, 'zh', '客户档案 (2)');
    expect(msg.startsWith('客户档案 (2) 第2行')).toBe(true);
    expect(msg).toContain('…');
    expect(msg.length).toBeLessThan(120);
  });

  it('never fails on missing params or an unknown table', () => {
    for (const s of Object.values(SAMPLES)) {
      const bare = { ...s, params: undefined, table: 'Nowhere', key: 'nothing' };
      expect(findingMessage(bare, 'zh').length).toBeGreaterThan(0);
      expect(findingMessage(bare, 'en').length).toBeGreaterThan(0);
    }
  });

  it('gives a message for every finding of a real validation, in both languages', () => {
    const read = readBook(
      bookSnapshot({
        Staff: [{ staffId: 'S01', name: '张三', role: 'Boss' }],
        Customers: [{ customerId: 'C01', name: 'X', ownerId: 'S02', status: '流失', createdOn: 'x', phone: '1', email: 'e', creditCode: 'c' }],
      }),
    );
    const findings = validate(read, { asOf: serialFromUtc(2026, 8, 15) });
    expect(findings.length).toBeGreaterThan(5);
    for (const x of findings) {
      expect(findingMessage(x, 'zh')).toMatch(/^(员工|客户档案) 第\d+行「.+」：.+/);
      expect(findingMessage(x, 'en')).toMatch(/^(Staff|Customers) row \d+, ".+": .+\.$/);
    }
  });
});

describe('problemMessage', () => {
  const missingTable: Problem = { code: 'missing_table', table: 'Customers', sheet: { zh: '客户档案', en: 'Customers' } };
  const missingColumn: Problem = { code: 'missing_column', table: 'Customers', column: { zh: '流失日期', en: 'Lost On' }, sheetName: '客户档案' };

  it('names both sheet names of a missing table', () => {
    expect(problemMessage(missingTable, 'zh')).toBe('缺少表「客户档案」：工作簿中既没有名为 Customers 的表格，也没有名为“客户档案”或“Customers”的工作表');
    expect(problemMessage(missingTable, 'en')).toBe(
      'Missing table Customers: the workbook has no Excel table named Customers and no sheet named "Customers" or "客户档案".',
    );
  });

  it('names the column and the sheet of a missing column', () => {
    expect(problemMessage(missingColumn, 'zh')).toBe('工作表「客户档案」缺少列「流失日期」（英文表头 Lost On）');
    expect(problemMessage(missingColumn, 'en')).toBe('Sheet "客户档案" (table Customers) lacks the column "Lost On" (Chinese header 流失日期).');
  });

  it('every problem of a real read has a message', () => {
    const snap = bookSnapshot({}, { omit: ['Visits'] });
    snap.tables.Customers!.headers = snap.tables.Customers!.headers.filter((h) => h !== '流失日期');
    const { problems } = readBook(snap);
    expect(problems.map((p) => problemMessage(p, 'zh'))).toEqual([
      '工作表「客户档案」缺少列「流失日期」（英文表头 Lost On）',
      '缺少表「拜访记录」：工作簿中既没有名为 Visits 的表格，也没有名为“拜访记录”或“Visits”的工作表',
    ]);
  });
});

describe('severityLabel', () => {
  it('is 错误/警告 and error/warning', () => {
    expect(severityLabel('error', 'zh')).toBe('错误');
    expect(severityLabel('warning', 'zh')).toBe('警告');
    expect(severityLabel('error', 'en')).toBe('error');
    expect(severityLabel('warning', 'en')).toBe('warning');
  });
});
