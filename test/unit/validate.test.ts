import { readBook } from '../../src/domain/book';
import { CellValue } from '../../src/domain/cells';
import { isoDate, serialFromUtc } from '../../src/domain/dates';
import { Finding } from '../../src/domain/findings';
import { hasBad } from '../../src/domain/parse';
import { parsePeriod } from '../../src/domain/periods';
import { Customers, Opportunities, Plans, Staff, Visits } from '../../src/domain/tables';
import { ValidateOptions, quarterOf, serialText, validate } from '../../src/domain/validate';
import { BookInput, RowInput, bookSnapshot, tableSnapshot } from '../helpers/snapshot';

const AS_OF = serialFromUtc(2026, 8, 15);

/** A small workbook without a single finding; each test breaks one thing. */
function base(): Record<string, RowInput[]> {
  return {
    Staff: [
      { staffId: 'S01', name: '张三', role: '专员', region: '华东', active: '是' },
      { staffId: 'S02', name: '李四', role: '经理', active: '是' },
      { staffId: 'S03', name: '王五', role: '内勤' },
    ],
    Customers: [
      {
        customerId: 'C01',
        name: '福州某某科技有限公司',
        creditCode: '91350100M000100Y43',
        industry: '制造',
        region: '华东',
        tier: 'A',
        ownerId: 'S01',
        status: '合作中',
        createdOn: '2025-12-01',
        developedOn: '2026-01-15',
        annualValue: 200,
        contact: '陈经理',
        phone: '13812345678',
        email: 'chen@example.com',
        address: '福州市',
      },
      { customerId: 'C02', name: '深圳某某公司', ownerId: 'S01', status: '潜在', createdOn: '2026-02-01' },
      {
        customerId: 'C03',
        name: '上海某某集团',
        ownerId: 'S01',
        status: '流失',
        createdOn: '2025-01-01',
        developedOn: '2025-03-01',
        lostOn: '2026-07-01',
        lostReason: '价格',
        phone: '021-62345678 转 123',
      },
    ],
    Visits: [
      { visitId: 'V001', customerId: 'C01', staffId: 'S01', visitType: '回访', plannedOn: '2026-07-10', visitedOn: '2026-07-11', status: '已完成' },
      { visitId: 'V002', customerId: 'C01', staffId: 'S01', visitType: '首访', plannedOn: '2026-09-10', status: '计划' },
    ],
    Contracts: [{ contractId: 'K001', customerId: 'C01', staffId: 'S01', signedOn: '2026-07-20', amount: 50 }],
    Plans: [
      { period: '2026Q3', staffId: 'S01', salesPlan: 100, developmentPlan: 2, serviceBudget: 5000 },
      { period: '2026Q3', salesPlan: 300 },
    ],
    Opportunities: [
      {
        opportunityId: 'O001',
        customerId: 'C01',
        staffId: 'S01',
        projectName: '二期扩容',
        stage: '提案',
        infoConfirmedOn: '2026-03-01',
        initiatedOn: '2026-04-01',
      },
    ],
    Complaints: [{ complaintId: 'P001', customerId: 'C01', staffId: 'S01', receivedOn: '2026-07-01', valid: '是', closedOn: '2026-07-05' }],
    Feedback: [{ feedbackId: 'F001', customerId: 'C01', staffId: 'S01', receivedAt: '2026-07-01 09:00', repliedAt: '2026-07-01 10:00' }],
    Expenses: [{ expenseId: 'E001', spentOn: '2026-07-03', staffId: 'S01', customerId: 'C01', category: '招待', amount: 300 }],
    Surveys: [{ surveyId: 'Q001', customerId: 'C01', staffId: 'S01', surveyedOn: '2026-07-15', score: 90 }],
    Assessments: [{ period: '2026Q3', staffId: 'S03', item: '专业技能', score: 80 }],
  };
}

type Patch = Record<string, CellValue>;

/** The base workbook with rows patched (by index) or appended. */
function book(changes: Record<string, { patch?: Record<number, Patch>; add?: RowInput[]; rows?: RowInput[] }> = {}): BookInput {
  const tables = base();
  for (const [name, c] of Object.entries(changes)) {
    let rows = c.rows ?? tables[name] ?? [];
    rows = rows.map((r, i) => (c.patch?.[i] ? { ...r, ...c.patch[i] } : r));
    tables[name] = [...rows, ...(c.add ?? [])];
  }
  return tables;
}

function run(input: BookInput, options: Partial<ValidateOptions> = {}, lang: 'zh' | 'en' = 'zh') {
  const read = readBook(bookSnapshot(input, { lang }));
  const findings = validate(read, { asOf: AS_OF, ...options });
  return { read, findings };
}

const brief = (fs: Finding[]) => fs.map(({ table, row, column, code, severity }) => ({ table, row, column, code, severity }));

function only(input: BookInput, options: Partial<ValidateOptions> = {}) {
  return brief(run(input, options).findings);
}

describe('validate: the base workbook', () => {
  it('has no findings and no problems', () => {
    const { read, findings } = run(book());
    expect(read.problems).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('has no findings with English headers either', () => {
    const { read, findings } = run(book(), {}, 'en');
    expect(read.problems).toEqual([]);
    expect(findings).toEqual([]);
  });
});

describe('duplicate IDs', () => {
  it('reports the later rows, the first stands', () => {
    const input = book({ Visits: { add: [
      { visitId: 'V001', customerId: 'C01', staffId: 'S01', visitType: '电话', plannedOn: '2026-07-12', status: '计划' },
      { visitId: ' V001 ', customerId: 'C01', staffId: 'S01', visitType: '电话', plannedOn: '2026-07-13', status: '计划' },
    ] } });
    const { read, findings } = run(input);
    expect(brief(findings)).toEqual([
      { table: 'Visits', row: 4, column: '拜访编号', code: 'duplicate_id', severity: 'error' },
      { table: 'Visits', row: 5, column: '拜访编号', code: 'duplicate_id', severity: 'error' },
    ]);
    expect(findings[0].params).toMatchObject({ value: 'V001', firstRow: 2 });
    expect(hasBad(read.book.Visits.rows[2], 'visitId')).toBe(true);
    expect(read.book.Visits.rows[0].bad).toBeNull();
  });

  it('IDs differing in case are different IDs', () => {
    expect(only(book({ Contracts: { add: [{ contractId: 'k001', customerId: 'C01', staffId: 'S01', signedOn: '2026-07-21', amount: 1 }] } }))).toEqual([]);
  });

  it('applies to every unique column (Staff ID, Settings key)', () => {
    const input = book({ Staff: { add: [{ staffId: 'S01', name: '赵六', role: '专员' }] } });
    input.Settings = [{ key: 'ka_threshold', value: '100' }, { key: 'ka_threshold', value: '50' }];
    expect(only(input)).toEqual([
      { table: 'Staff', row: 5, column: '员工编号', code: 'duplicate_id', severity: 'error' },
      { table: 'Settings', row: 3, column: '代码', code: 'duplicate_id', severity: 'error' },
    ]);
  });
});

describe('duplicate plans', () => {
  it('a second (period, staff) row is an error on 期间', () => {
    const input = book({ Plans: { add: [
      { period: '2026q3', staffId: 'S01', salesPlan: 1 },
      { period: '2026Q3', salesPlan: 2 },
      { period: '2026-07', staffId: 'S01', salesPlan: 3 },
    ] } });
    const { read, findings } = run(input);
    expect(brief(findings)).toEqual([
      { table: 'Plans', row: 4, column: '期间', code: 'duplicate_plan', severity: 'error' },
      { table: 'Plans', row: 5, column: '期间', code: 'duplicate_plan', severity: 'error' },
    ]);
    expect(findings[0].params).toMatchObject({ value: '2026Q3', staffId: 'S01', firstRow: 2 });
    expect(findings[1].params).toMatchObject({ value: '2026Q3', staffId: '', firstRow: 3 });
    expect(hasBad(read.book.Plans.rows[2], 'period')).toBe(true);
  });
});

describe('duplicate customer names', () => {
  it('the same normalized name is a warning on the later row', () => {
    const input = book({ Customers: { add: [{ customerId: 'C04', name: ' 福州某某科技有限公司 ', ownerId: 'S01', status: '潜在', createdOn: '2026-03-01' }] } });
    const { read, findings } = run(input);
    expect(brief(findings)).toEqual([{ table: 'Customers', row: 5, column: '客户名称', code: 'duplicate_name', severity: 'warning' }]);
    expect(findings[0].params).toMatchObject({ firstRow: 2 });
    expect(read.book.Customers.rows[3].bad).toBeNull();
  });

  it('full-width and case differences are the same name', () => {
    const input = book({ Customers: { patch: { 1: { name: 'ＡＢＣ Ltd' } }, add: [{ customerId: 'C04', name: 'abc  ltd', ownerId: 'S01', status: '潜在', createdOn: '2026-03-01' }] } });
    expect(only(input)).toEqual([{ table: 'Customers', row: 5, column: '客户名称', code: 'duplicate_name', severity: 'warning' }]);
  });
});

describe('references', () => {
  it('a dangling reference is an error with the ID and target table', () => {
    const input = book({ Visits: { patch: { 0: { customerId: 'C99' } } }, Contracts: { patch: { 0: { staffId: 'S99' } } } });
    const { read, findings } = run(input);
    expect(brief(findings)).toEqual([
      { table: 'Visits', row: 2, column: '客户编号', code: 'ref', severity: 'error' },
      { table: 'Contracts', row: 2, column: '员工编号', code: 'ref', severity: 'error' },
    ]);
    expect(findings[0].params).toEqual({ value: 'C99', target: 'Customers' });
    expect(hasBad(read.book.Visits.rows[0], 'customerId')).toBe(true);
  });

  it('compares trimmed IDs exactly', () => {
    expect(only(book({ Visits: { patch: { 0: { customerId: '  C01 ' } } } }))).toEqual([]);
    expect(only(book({ Visits: { patch: { 0: { customerId: 'c01' } } } }))).toEqual([
      { table: 'Visits', row: 2, column: '客户编号', code: 'ref', severity: 'error' },
    ]);
  });

  it('a reference to a duplicated ID still resolves', () => {
    const input = book({ Customers: { add: [{ customerId: 'C02', name: '另一家', ownerId: 'S01', status: '潜在', createdOn: '2026-03-01' }] }, Visits: { patch: { 0: { customerId: 'C02' } } } });
    expect(only(input)).toEqual([{ table: 'Customers', row: 5, column: '客户编号', code: 'duplicate_id', severity: 'error' }]);
  });

  it('checks Owner ID, optional refs when filled, and a blank Plans staff is the department', () => {
    const input = book({
      Customers: { patch: { 1: { ownerId: 'X' } } },
      Expenses: { add: [{ expenseId: 'E002', spentOn: '2026-07-04', staffId: 'S01', amount: 1 }, { expenseId: 'E003', spentOn: '2026-07-04', staffId: 'S01', customerId: 'C77', amount: 1 }] },
      Plans: { add: [{ period: '2026Q4', staffId: 'S42' }] },
    });
    expect(only(input)).toEqual([
      { table: 'Customers', row: 3, column: '负责专员', code: 'ref', severity: 'error' },
      { table: 'Plans', row: 4, column: '员工编号', code: 'ref', severity: 'error' },
      { table: 'Expenses', row: 4, column: '客户编号', code: 'ref', severity: 'error' },
    ]);
  });

  it('is not checked against a table the workbook lacks (that is a Problem)', () => {
    const read = readBook(bookSnapshot(book(), { omit: ['Customers'] }));
    expect(read.problems.map((p) => p.code)).toEqual(['missing_table']);
    expect(validate(read, { asOf: AS_OF }).filter((f) => f.code === 'ref')).toEqual([]);
  });
});

describe('Customers', () => {
  it('流失 without Lost On / Lost Reason: an error on each missing column', () => {
    const { read, findings } = run(book({ Customers: { patch: { 2: { lostOn: null, lostReason: '' } } } }));
    expect(brief(findings)).toEqual([
      { table: 'Customers', row: 4, column: '流失日期', code: 'lost_fields', severity: 'error' },
      { table: 'Customers', row: 4, column: '流失原因', code: 'lost_fields', severity: 'error' },
    ]);
    expect(findings[0].params).toMatchObject({ kind: 'missing' });
    expect(hasBad(read.book.Customers.rows[2], 'lostOn')).toBe(true);
  });

  it('Lost On or Lost Reason on an account that is not 流失 is an error', () => {
    const { findings } = run(book({ Customers: { patch: { 0: { lostOn: '2026-05-01' }, 1: { lostReason: '价格' } } } }));
    expect(brief(findings)).toEqual([
      { table: 'Customers', row: 2, column: '流失日期', code: 'lost_fields', severity: 'error' },
      { table: 'Customers', row: 3, column: '流失原因', code: 'lost_fields', severity: 'error' },
    ]);
    expect(findings[0].params).toMatchObject({ kind: 'unexpected', status: '合作中', value: '2026-05-01' });
  });

  it('an unreadable Lost On is a type error only, not also missing', () => {
    expect(only(book({ Customers: { patch: { 2: { lostOn: 'soon' } } } }))).toEqual([
      { table: 'Customers', row: 4, column: '流失日期', code: 'type', severity: 'error' },
    ]);
  });

  it.each(['合作中', '流失'])('%s needs 开发日期', (status) => {
    const index = status === '合作中' ? 0 : 2;
    const { read, findings } = run(book({ Customers: { patch: { [index]: { developedOn: null } } } }));
    expect(brief(findings)).toEqual([{ table: 'Customers', row: index + 2, column: '开发日期', code: 'developed_required', severity: 'error' }]);
    expect(hasBad(read.book.Customers.rows[index], 'developedOn')).toBe(true);
  });

  it('开发中 and 潜在 do not need 开发日期', () => {
    expect(only(book({ Customers: { patch: { 1: { status: '开发中' } } } }))).toEqual([]);
  });

  it('Lost On before Developed On is an error on 流失日期; the same day is fine', () => {
    expect(only(book({ Customers: { patch: { 2: { lostOn: '2025-02-28' } } } }))).toEqual([
      { table: 'Customers', row: 4, column: '流失日期', code: 'lost_before_developed', severity: 'error' },
    ]);
    expect(only(book({ Customers: { patch: { 2: { lostOn: '2025-03-01' } } } }))).toEqual([]);
  });

  it('an 合作中 account below ka_threshold is a warning; at the threshold it is not', () => {
    const { read, findings } = run(book({ Customers: { patch: { 0: { annualValue: 99.5 } } } }));
    expect(brief(findings)).toEqual([{ table: 'Customers', row: 2, column: '年合同额（万元）', code: 'below_threshold', severity: 'warning' }]);
    expect(findings[0].params).toEqual({ value: 99.5, threshold: 100 });
    expect(read.book.Customers.rows[0].bad).toBeNull();
    expect(only(book({ Customers: { patch: { 0: { annualValue: 100 } } } }))).toEqual([]);
    expect(only(book({ Customers: { patch: { 1: { annualValue: 5 } } } }))).toEqual([]);
  });

  it('the threshold comes from Settings', () => {
    const input = book();
    input.Settings = [{ key: 'ka_threshold', value: '500' }];
    expect(only(input)).toEqual([{ table: 'Customers', row: 2, column: '年合同额（万元）', code: 'below_threshold', severity: 'warning' }]);
  });

  it('a malformed credit code is an error; lowercase is accepted', () => {
    const { read, findings } = run(book({ Customers: { patch: { 0: { creditCode: '91350100I000100Y43' }, 1: { creditCode: '91310000ma1fl1mmxl' } } } }));
    expect(brief(findings)).toEqual([{ table: 'Customers', row: 2, column: '统一社会信用代码', code: 'credit_code', severity: 'error' }]);
    expect(hasBad(read.book.Customers.rows[0], 'creditCode')).toBe(true);
  });

  it('a wrong check character is a warning', () => {
    const { read, findings } = run(book({ Customers: { patch: { 0: { creditCode: '91350100M000100Y44' } } } }));
    expect(brief(findings)).toEqual([{ table: 'Customers', row: 2, column: '统一社会信用代码', code: 'credit_code_check', severity: 'warning' }]);
    expect(findings[0].params).toMatchObject({ expected: '3' });
    expect(read.book.Customers.rows[0].bad).toBeNull();
  });

  it('a bad phone is an error', () => {
    const { read, findings } = run(book({ Customers: { patch: { 0: { phone: '123' } } } }));
    expect(brief(findings)).toEqual([{ table: 'Customers', row: 2, column: '联系电话', code: 'phone', severity: 'error' }]);
    expect(findings[0].params).toEqual({ value: '123' });
    expect(hasBad(read.book.Customers.rows[0], 'phone')).toBe(true);
  });

  it('a phone stored as a number is read as its digits', () => {
    expect(only(book({ Customers: { patch: { 0: { phone: 13812345678 } } } }))).toEqual([]);
  });

  it('a bad email is an error', () => {
    expect(only(book({ Customers: { patch: { 1: { email: 'chen@example' } } } }))).toEqual([
      { table: 'Customers', row: 3, column: '电子邮箱', code: 'email', severity: 'error' },
    ]);
  });

  it('reports the header as written (English workbook)', () => {
    const { findings } = run(book({ Customers: { patch: { 0: { phone: '123', creditCode: 'X' } } } }), {}, 'en');
    expect(brief(findings)).toEqual([
      { table: 'Customers', row: 2, column: 'Credit Code', code: 'credit_code', severity: 'error' },
      { table: 'Customers', row: 2, column: 'Phone', code: 'phone', severity: 'error' },
    ]);
  });
});

describe('Visits', () => {
  it('已完成 without 实际日期 is an error', () => {
    const { read, findings } = run(book({ Visits: { patch: { 0: { visitedOn: null } } } }));
    expect(brief(findings)).toEqual([{ table: 'Visits', row: 2, column: '实际日期', code: 'visit_date', severity: 'error' }]);
    expect(hasBad(read.book.Visits.rows[0], 'visitedOn')).toBe(true);
  });

  it('a planned or cancelled visit needs no date', () => {
    expect(only(book({ Visits: { patch: { 1: { status: '已取消' } } } }))).toEqual([]);
  });

  it('a 已完成 visit after the as-of date is a warning; on the as-of date it is not', () => {
    const { read, findings } = run(book({ Visits: { patch: { 0: { visitedOn: '2026-08-16' } } } }));
    expect(brief(findings)).toEqual([{ table: 'Visits', row: 2, column: '实际日期', code: 'future_visit', severity: 'warning' }]);
    expect(findings[0].params).toEqual({ value: '2026-08-16', asOf: '2026-08-15' });
    expect(read.book.Visits.rows[0].bad).toBeNull();
    expect(only(book({ Visits: { patch: { 0: { visitedOn: '2026-08-15' } } } }))).toEqual([]);
  });
});

describe('date order', () => {
  it('结案日期 before 投诉日期 is an error on 结案日期; the same day is fine', () => {
    const { read, findings } = run(book({ Complaints: { patch: { 0: { closedOn: '2026-06-30' } } } }));
    expect(brief(findings)).toEqual([{ table: 'Complaints', row: 2, column: '结案日期', code: 'date_order', severity: 'error' }]);
    expect(findings[0].params).toEqual({ value: '2026-06-30', other: '2026-07-01', otherColumn: '投诉日期' });
    expect(hasBad(read.book.Complaints.rows[0], 'closedOn')).toBe(true);
    expect(only(book({ Complaints: { patch: { 0: { closedOn: '2026-07-01' } } } }))).toEqual([]);
  });

  it('答复时间 before 收到时间 is an error on 答复时间, to the minute', () => {
    const { findings } = run(book({ Feedback: { patch: { 0: { repliedAt: '2026-07-01 08:59' } } } }));
    expect(brief(findings)).toEqual([{ table: 'Feedback', row: 2, column: '答复时间', code: 'date_order', severity: 'error' }]);
    expect(findings[0].params).toMatchObject({ value: '2026-07-01 08:59', other: '2026-07-01 09:00' });
    expect(only(book({ Feedback: { patch: { 0: { repliedAt: '2026-07-01 09:00' } } } }))).toEqual([]);
  });
});

describe('stage gate', () => {
  const opp = (stage: string, dates: Record<string, string> = {}): RowInput => ({
    opportunityId: 'O001',
    customerId: 'C01',
    staffId: 'S01',
    projectName: 'P',
    stage,
    ...dates,
  });
  const ALL = { infoConfirmedOn: '2026-01-01', initiatedOn: '2026-02-01', proposalOn: '2026-03-01', bidOn: '2026-04-01', signedOn: '2026-05-01', acceptedOn: '2026-06-01' };

  it('客户开发 needs no key node', () => {
    expect(only(book({ Opportunities: { rows: [opp('客户开发')] } }))).toEqual([]);
  });

  it('a stage needs the key nodes of every earlier stage, not its own', () => {
    const { acceptedOn: _a, ...upToSigned } = ALL;
    expect(only(book({ Opportunities: { rows: [opp('工程实施', upToSigned)] } }))).toEqual([]);
    const { findings, read } = run(book({ Opportunities: { rows: [opp('招投标', { initiatedOn: '2026-02-01' })] } }));
    expect(brief(findings)).toEqual([
      { table: 'Opportunities', row: 2, column: '信息确认日', code: 'stage_gate', severity: 'error' },
      { table: 'Opportunities', row: 2, column: '提案日', code: 'stage_gate', severity: 'error' },
    ]);
    expect(findings[0].params).toEqual({ stage: '招投标', node: '客户开发' });
    expect(findings[1].params).toEqual({ stage: '招投标', node: '提案' });
    expect(hasBad(read.book.Opportunities.rows[0], 'proposalOn')).toBe(true);
  });

  it('已结项 needs all six; 已丢单 none', () => {
    expect(only(book({ Opportunities: { rows: [opp('已结项', ALL)] } }))).toEqual([]);
    const { acceptedOn: _a, ...fiveOnly } = ALL;
    expect(only(book({ Opportunities: { rows: [opp('已结项', fiveOnly)] } }))).toEqual([
      { table: 'Opportunities', row: 2, column: '验收日', code: 'stage_gate', severity: 'error' },
    ]);
    expect(only(book({ Opportunities: { rows: [opp('已丢单')] } }))).toEqual([]);
  });

  it('English stage words work the same', () => {
    expect(only(book({ Opportunities: { rows: [opp('Proposal', { infoConfirmedOn: '2026-01-01' })] } }))).toEqual([
      { table: 'Opportunities', row: 2, column: '立项日', code: 'stage_gate', severity: 'error' },
    ]);
  });

  it('a key-node column the table lacks still counts as missing', () => {
    const cols = (Opportunities.columns as readonly { key: string }[]).map((c) => c.key).filter((k) => k !== 'initiatedOn');
    const input = book();
    input.Opportunities = tableSnapshot(Opportunities, [opp('提案', { infoConfirmedOn: '2026-01-01' })], { columns: cols });
    expect(only(input)).toEqual([{ table: 'Opportunities', row: 2, column: '立项日', code: 'stage_gate', severity: 'error' }]);
  });
});

describe('missing plans', () => {
  it('an active specialist without a plan overlapping the quarter of as-of: warning on the Staff row', () => {
    const { read, findings } = run(book({ Plans: { patch: { 0: { period: '2026Q2' } } } }));
    expect(brief(findings)).toEqual([{ table: 'Staff', row: 2, column: '员工编号', code: 'missing_plan', severity: 'warning' }]);
    expect(findings[0].params).toEqual({ value: 'S01', name: '张三', period: '2026Q3' });
    expect(read.book.Staff.rows[0].bad).toBeNull();
  });

  it('a month or year plan overlapping the period counts', () => {
    expect(only(book({ Plans: { patch: { 0: { period: '2026-08' } } } }))).toEqual([]);
    expect(only(book({ Plans: { patch: { 0: { period: '2026' } } } }))).toEqual([]);
  });

  it('uses options.period when given', () => {
    expect(only(book(), { period: parsePeriod('2026Q4')! })).toEqual([
      { table: 'Staff', row: 2, column: '员工编号', code: 'missing_plan', severity: 'warning' },
    ]);
    expect(only(book(), { period: parsePeriod('2026')! })).toEqual([]);
  });

  it('inactive specialists, managers and clerks need none; the department row is not a plan of S01', () => {
    const noPlans = { Plans: { rows: [{ period: '2026Q3', salesPlan: 300 }] } };
    expect(only(book({ ...noPlans, Staff: { patch: { 0: { active: '否' } } } }))).toEqual([]);
    expect(only(book(noPlans))).toEqual([{ table: 'Staff', row: 2, column: '员工编号', code: 'missing_plan', severity: 'warning' }]);
  });

  it('the English header is named in an English workbook', () => {
    const { findings } = run(book({ Plans: { rows: [] } }), {}, 'en');
    expect(brief(findings)).toEqual([{ table: 'Staff', row: 2, column: 'Staff ID', code: 'missing_plan', severity: 'warning' }]);
  });

  it('quarterOf gives the quarter containing a day', () => {
    expect(quarterOf(serialFromUtc(2026, 8, 15)).label).toBe('2026Q3');
    expect(quarterOf(serialFromUtc(2026, 12, 31)).label).toBe('2026Q4');
    expect(quarterOf(serialFromUtc(2026, 1, 1)).label).toBe('2026Q1');
  });
});

describe('all findings together', () => {
  it('includes parse findings, sorted by table order, row, then column position', () => {
    const input = book({
      Customers: { patch: { 0: { phone: 'x', creditCode: 'y', email: 'z' }, 1: { status: '不知道' } } },
      Staff: { patch: { 1: { role: '老板' } } },
      Plans: { rows: [] },
    });
    input.Customers = tableSnapshot(Customers, input.Customers as RowInput[], {
      // Columns in a different order than the definition: position follows the workbook.
      columns: ['customerId', 'email', 'name', 'phone', 'creditCode', 'ownerId', 'status', 'createdOn', 'developedOn', 'lostOn', 'lostReason', 'annualValue'],
    });
    expect(only(input)).toEqual([
      { table: 'Staff', row: 2, column: '员工编号', code: 'missing_plan', severity: 'warning' },
      { table: 'Staff', row: 3, column: '岗位', code: 'enum', severity: 'error' },
      { table: 'Customers', row: 2, column: '电子邮箱', code: 'email', severity: 'error' },
      { table: 'Customers', row: 2, column: '联系电话', code: 'phone', severity: 'error' },
      { table: 'Customers', row: 2, column: '统一社会信用代码', code: 'credit_code', severity: 'error' },
      { table: 'Customers', row: 3, column: '状态', code: 'enum', severity: 'error' },
    ]);
  });

  it('does not add to read.findings, and keeps them', () => {
    const read = readBook(bookSnapshot(book({ Contracts: { patch: { 0: { amount: -5 } } }, Visits: { patch: { 0: { customerId: 'C99' } } } })));
    const before = [...read.findings];
    const all = validate(read, { asOf: AS_OF });
    expect(read.findings).toEqual(before);
    expect(brief(all)).toEqual([
      { table: 'Visits', row: 2, column: '客户编号', code: 'ref', severity: 'error' },
      { table: 'Contracts', row: 2, column: '合同金额（万元）', code: 'negative', severity: 'error' },
    ]);
  });

  it('formula-looking text is data: never evaluated, reported as text', () => {
    const { findings } = run(book({ Customers: { patch: { 0: { phone: '=1+1', email: '@SUM(A1)' } } } }));
    expect(findings.map((f) => [f.code, f.params?.value])).toEqual([
      ['phone', '=1+1'],
      ['email', '@SUM(A1)'],
    ]);
  });

  it('a plain range at another header row reports Excel rows', () => {
    const input = book();
    input.Visits = tableSnapshot(Visits, [...(base().Visits), { visitId: 'V001', customerId: 'C01', staffId: 'S01', visitType: '电话', plannedOn: '2026-07-01', status: '计划' }], {
      tableName: null,
      headerRow: 3,
    });
    expect(only(input)).toEqual([{ table: 'Visits', row: 6, column: '拜访编号', code: 'duplicate_id', severity: 'error' }]);
  });
});

describe('performance', () => {
  it('validates 100,000 visits well under 0.3 s', () => {
    const visits: RowInput[] = [];
    for (let i = 0; i < 100_000; i++) {
      visits.push({
        visitId: `V${i}`,
        customerId: i % 1000 === 0 ? 'C99' : 'C01',
        staffId: 'S01',
        visitType: '回访',
        plannedOn: AS_OF - 400 + (i % 300),
        visitedOn: i % 2 ? AS_OF - 399 + (i % 300) : null,
        status: i % 2 ? '已完成' : '计划',
      });
    }
    const read = readBook(bookSnapshot(book({ Visits: { rows: visits } })));
    const times: number[] = [];
    let findings: Finding[] = [];
    for (let k = 0; k < 3; k++) {
      // Re-validating the same read gives the same findings; the best of three runs is timed.
      const t0 = performance.now();
      findings = validate(read, { asOf: AS_OF });
      times.push(performance.now() - t0);
    }
    expect(findings.filter((f) => f.code === 'ref')).toHaveLength(100);
    expect(Math.min(...times)).toBeLessThan(300);
  });
});

describe('test helper', () => {
  it('rejects unknown keys', () => {
    expect(() => tableSnapshot(Staff, [{ staffid: 'x' }])).toThrow(/no column staffid/);
  });

  it('bookSnapshot has every input table', () => {
    expect(Object.keys(bookSnapshot().tables)).toHaveLength(13);
    expect(readBook(bookSnapshot()).problems).toEqual([]);
    expect(readBook(bookSnapshot({ Plans: tableSnapshot(Plans, [], { lang: 'en' }) }, { lang: 'en' })).problems).toEqual([]);
  });
});

describe('serialText', () => {
  it('agrees with isoDate on every day from 1900 to 2100', () => {
    for (let s = 1; s <= serialFromUtc(2100, 12, 31); s++) {
      if (serialText(s) !== isoDate(s)) throw new Error(`serial ${s}: ${serialText(s)} ≠ ${isoDate(s)}`);
    }
  });

  it('shows the time of a date-time to the minute', () => {
    const s = serialFromUtc(2026, 7, 1);
    expect(serialText(s + 0.375)).toBe('2026-07-01 09:00');
    expect(serialText(s + 23 / 24 + 59 / 1440)).toBe('2026-07-01 23:59');
    expect(serialText(s + 0.99999999)).toBe('2026-07-02');
  });
});

describe('error values in input cells', () => {
  it('are a finding naming the cell, never data (text, number and date columns alike)', () => {
    const input = book({ Customers: { patch: { 0: { contact: '#N/A', annualValue: '#REF!', developedOn: '#VALUE!' } } } });
    const { read, findings } = run(input);
    expect(brief(findings)).toEqual([
      { table: 'Customers', row: 2, column: '开发日期', code: 'cell_error', severity: 'error' },
      { table: 'Customers', row: 2, column: '年合同额（万元）', code: 'cell_error', severity: 'error' },
      { table: 'Customers', row: 2, column: '联系人', code: 'cell_error', severity: 'error' },
    ]);
    const customer = read.book.Customers.rows[0];
    expect(customer.v.contact).toBeNull();
    expect(hasBad(customer, 'annualValue')).toBe(true);
    expect(hasBad(customer, 'developedOn')).toBe(true);
  });
});
