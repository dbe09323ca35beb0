import fc from 'fast-check';
import { readBook } from '../../src/domain/book';
import { checkCreditCode } from '../../src/domain/creditCode';
import { isEmail, isPhone } from '../../src/domain/contact';
import { serialFromUtc } from '../../src/domain/dates';
import { DEMO_TABLES, DemoRow, DemoTables, creditCheckChar, demoRows, schemeRows, settingsRows } from '../../src/domain/demo';
import { kpiReport } from '../../src/domain/engine';
import { parsePeriod } from '../../src/domain/periods';
import { DEFAULT_SCHEME } from '../../src/domain/scheme';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { TableSnapshot, WorkbookSnapshot } from '../../src/domain/snapshot';
import { ColumnDef, INPUT_TABLES, STAGE, STAGE_KEY_NODES } from '../../src/domain/tables';
import { validate } from '../../src/domain/validate';

const AS_OF = serialFromUtc(2026, 11, 28);
const Q3_2026 = parsePeriod('2026Q3')!;

/** The workbook a reader would see if these rows were written to tables in the language. */
function snapshotOf(tables: Partial<Record<string, DemoRow[]>>, lang: 'zh' | 'en'): WorkbookSnapshot {
  const out: Record<string, TableSnapshot> = {};
  for (const def of INPUT_TABLES) {
    const columns = def.columns as readonly ColumnDef[];
    const rows = tables[def.name] ?? [];
    out[def.name] = {
      tableName: def.name,
      sheetName: def.sheet[lang],
      headerRow: 1,
      firstColumn: 1,
      headers: columns.map((c) => c[lang]),
      rows: rows.map((r) => columns.map((c) => r[c.key] ?? null)),
    };
  }
  return { tables: out };
}

function workbook(tables: DemoTables, lang: 'zh' | 'en'): WorkbookSnapshot {
  return snapshotOf({ ...tables, Settings: settingsRows(lang), ScoringScheme: schemeRows(lang) }, lang);
}

/** GB 32100-2015, written out again here so the test does not trust the code under test. */
function gb32100Ok(code: string): boolean {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  if (code.length !== 18 || [...code].some((ch) => !charset.includes(ch))) return false;
  const sum = weights.reduce((s, w, i) => s + charset.indexOf(code[i]) * w, 0);
  return charset[(31 - (sum % 31)) % 31] === code[17];
}

/** GB 11714-1997 check of the organization code inside a credit code (characters 9–17). */
function gb11714Ok(org: string): boolean {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (ch: string) => (/\d/.test(ch) ? +ch : ch.charCodeAt(0) - 55);
  const c = 11 - (weights.reduce((s, w, i) => s + value(org[i]) * w, 0) % 11);
  return org[8] === (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

const scale1 = demoRows({ seed: 1, scale: 1, asOf: AS_OF });

describe('demoRows', () => {
  test('is deterministic for a seed', () => {
    expect(demoRows({ seed: 1, scale: 1, asOf: AS_OF })).toEqual(scale1);
    expect(demoRows({ seed: 987654321, scale: 2, asOf: AS_OF })).toEqual(demoRows({ seed: 987654321, scale: 2, asOf: AS_OF }));
  });

  test('different seeds give different data', () => {
    const other = demoRows({ seed: 2, scale: 1, asOf: AS_OF });
    expect(other.Customers.map((c) => c.name)).not.toEqual(scale1.Customers.map((c) => c.name));
    expect(other.Visits.length).not.toBe(scale1.Visits.length);
  });

  test('fills every data table, ~1,000 visits at scale 1', () => {
    for (const name of DEMO_TABLES) expect(scale1[name].length).toBeGreaterThan(0);
    for (const seed of [1, 2, 3]) {
      const n = demoRows({ seed, scale: 1, asOf: AS_OF }).Visits.length;
      expect(n).toBeGreaterThan(850);
      expect(n).toBeLessThan(1150);
    }
  });

  test('a department of a manager, a clerk and four regional specialists at scale 1', () => {
    const staff = scale1.Staff;
    expect(staff.map((s) => s.role)).toEqual(['经理', '内勤', '专员', '专员', '专员', '专员']);
    expect(staff.filter((s) => s.role === '专员').map((s) => s.region)).toEqual(['华东', '华南', '华北', '西南']);
    expect(staff.every((s) => s.active === '是')).toBe(true);
  });

  test('scale multiplies the per-specialist tables', () => {
    const scale3 = demoRows({ seed: 1, scale: 3, asOf: AS_OF });
    expect(scale3.Staff.filter((s) => s.role === '专员')).toHaveLength(12);
    expect(scale3.Customers).toHaveLength(3 * scale1.Customers.length);
    for (const name of ['Visits', 'Contracts', 'Opportunities', 'Complaints', 'Feedback', 'Expenses', 'Surveys'] as const) {
      const ratio = scale3[name].length / scale1[name].length;
      expect(ratio).toBeGreaterThan(2.4);
      expect(ratio).toBeLessThan(3.6);
    }
    const ids = scale3.Visits.map((v) => v.visitId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('rejects a scale or seed that is not a number', () => {
    expect(() => demoRows({ seed: 1, scale: 0, asOf: AS_OF })).toThrow(RangeError);
    expect(() => demoRows({ seed: 1, scale: Number.NaN, asOf: AS_OF })).toThrow(RangeError);
    expect(() => demoRows({ seed: Number.POSITIVE_INFINITY, scale: 1, asOf: AS_OF })).toThrow(RangeError);
  });

  test('unified social credit codes carry the right GB 32100 check character', () => {
    const codes = scale1.Customers.map((c) => c.creditCode).filter((c): c is string => typeof c === 'string');
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      expect(gb32100Ok(code)).toBe(true);
      expect(checkCreditCode(code).status).toBe('ok');
      expect(gb11714Ok(code.slice(8, 17))).toBe(true);
      expect(code.slice(0, 2)).toBe('91');
    }
    // The published example code: 91350100M000100Y43.
    expect(creditCheckChar('91350100M000100Y4')).toBe('3');
  });

  test('contacts are valid phones and e-mail addresses; names are unique', () => {
    for (const c of scale1.Customers) {
      if (c.phone !== null) expect(isPhone(c.phone as string)).toBe(true);
      if (c.email !== null) expect(isEmail(c.email as string)).toBe(true);
    }
    const mobiles = scale1.Customers.filter((c) => /^1[3-9]\d{9}$/.test(String(c.phone)));
    expect(mobiles.length).toBeGreaterThan(60);
    const names = scale1.Customers.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /有限公司$/.test(String(n)))).toBe(true);
  });

  test('customer status, development and loss are consistent', () => {
    const byStatus = new Map<unknown, DemoRow[]>();
    for (const c of scale1.Customers) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c]);
    expect([...byStatus.keys()].sort()).toEqual(['合作中', '开发中', '流失', '潜在'].sort());
    for (const c of scale1.Customers) {
      const developed = c.status === '合作中' || c.status === '流失';
      expect(c.developedOn !== null).toBe(developed);
      expect(c.lostOn !== null).toBe(c.status === '流失');
      expect(c.lostReason !== null).toBe(c.status === '流失');
      expect(c.createdOn as number).toBeLessThanOrEqual(AS_OF);
      if (developed) {
        expect(c.developedOn as number).toBeGreaterThanOrEqual(c.createdOn as number);
        expect(c.developedOn as number).toBeLessThanOrEqual(AS_OF);
      }
      if (c.status === '流失') {
        expect(c.lostOn as number).toBeGreaterThanOrEqual(c.developedOn as number);
        expect(c.lostOn as number).toBeLessThanOrEqual(AS_OF);
      }
    }
    const active = byStatus.get('合作中')!;
    const aboveThreshold = active.filter((c) => (c.annualValue as number) >= 100);
    expect(aboveThreshold.length / active.length).toBeGreaterThan(0.85);
  });

  test('visits: done ones were made by the as-of date, later ones are planned', () => {
    const types = new Set(scale1.Visits.map((v) => v.visitType));
    expect([...types].sort()).toEqual(['首访', '回访', '接待', '电话'].sort());
    for (const v of scale1.Visits) {
      if (v.status === '已完成') {
        expect(v.visitedOn).not.toBeNull();
        expect(v.visitedOn as number).toBeLessThanOrEqual(AS_OF);
        expect(v.visitedOn as number).toBeGreaterThanOrEqual(v.plannedOn as number);
      } else expect(v.visitedOn).toBeNull();
      if ((v.plannedOn as number) > AS_OF) expect(v.status).toBe('计划');
    }
    expect(scale1.Visits.some((v) => v.status === '计划')).toBe(true);
    expect(scale1.Visits.some((v) => v.status === '已取消')).toBe(true);
  });

  test('opportunities obey the stage gate, with key-node dates in order', () => {
    const stages: string[] = STAGE.members.map((m) => m.zh);
    const seen = new Set<unknown>();
    for (const o of demoRows({ seed: 5, scale: 4, asOf: AS_OF }).Opportunities) {
      seen.add(o.stage);
      const k = stages.indexOf(o.stage as string);
      expect(k).toBeGreaterThanOrEqual(0);
      const needed = o.stage === '已丢单' ? 0 : Math.min(k, 6);
      const dates = STAGE_KEY_NODES.map((key) => o[key] as number | null);
      for (let i = 0; i < needed; i++) expect(dates[i]).not.toBeNull();
      const filled = dates.filter((d): d is number => d !== null);
      expect(filled).toEqual([...filled].sort((a, b) => a - b));
      for (const d of filled) expect(d).toBeLessThanOrEqual(AS_OF);
      // Dates are a prefix: no later node without the earlier ones.
      expect(dates.slice(0, filled.length).every((d) => d !== null)).toBe(true);
    }
    expect(seen.size).toBe(stages.length);
  });

  test('plans: every quarter of the demo years per specialist, some by month only, department year rows', () => {
    const specialists = scale1.Staff.filter((s) => s.role === '专员').map((s) => s.staffId);
    const periods = new Set(scale1.Plans.map((p) => `${p.period}|${p.staffId ?? ''}`));
    expect(periods.size).toBe(scale1.Plans.length);
    for (const staffId of specialists) {
      for (const year of [2024, 2025, 2026]) {
        for (let q = 1; q <= 4; q++) {
          const months = [1, 2, 3].map((m) => `${year}-${String((q - 1) * 3 + m).padStart(2, '0')}|${staffId}`);
          expect(periods.has(`${year}Q${q}|${staffId}`) || months.every((m) => periods.has(m))).toBe(true);
        }
      }
    }
    expect(scale1.Plans.some((p) => /^\d{4}-\d{2}$/.test(String(p.period)))).toBe(true);
    const department = scale1.Plans.filter((p) => p.staffId === null).map((p) => p.period);
    expect(department).toEqual(['2024', '2025', '2026']);
  });

  test('assessments score the clerk on the four items every quarter up to the as-of date', () => {
    const clerk = scale1.Staff.find((s) => s.role === '内勤')!.staffId;
    expect(new Set(scale1.Assessments.map((a) => a.staffId))).toEqual(new Set([clerk]));
    const items = new Set(scale1.Assessments.map((a) => a.item));
    expect(items).toEqual(new Set(['专业技能', '调查能力', '问题解决能力', '创新能力']));
    expect(scale1.Assessments.filter((a) => a.period === '2026Q3')).toHaveLength(4);
    expect(scale1.Assessments.some((a) => a.period === '2027Q1')).toBe(false);
  });

  test('feedback times are date-times to the minute; replies never precede receipt', () => {
    for (const f of scale1.Feedback) {
      const at = f.receivedAt as number;
      expect(at % 1).not.toBe(0);
      expect(Math.abs(at * 1440 - Math.round(at * 1440))).toBeLessThan(1e-6);
      if (f.repliedAt !== null) expect(f.repliedAt as number).toBeGreaterThanOrEqual(at);
    }
  });

  test.each(['zh', 'en'] as const)('the %s demo reads with no problems and no validation errors', (lang) => {
    const tables = demoRows({ seed: 1, scale: 1, asOf: AS_OF, lang });
    const read = readBook(workbook(tables, lang));
    expect(read.problems).toEqual([]);
    const findings = validate(read, { asOf: AS_OF });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // A few warnings stand in for real life: accounts below the key-account threshold.
    expect(findings.length).toBeLessThan(10);
    for (const f of findings) expect(f.code).toBe('below_threshold');
    expect(read.book.settings).toEqual(DEFAULT_SETTINGS);
    expect(read.book.scheme).toEqual(DEFAULT_SCHEME);
  });

  test('the en demo is the zh demo in English words', () => {
    const en = readBook(workbook(demoRows({ seed: 1, scale: 1, asOf: AS_OF, lang: 'en' }), 'en')).book;
    const zh = readBook(workbook(scale1, 'zh')).book;
    for (const name of DEMO_TABLES) {
      const strip = (rows: { v: Record<string, unknown> }[]) => rows.map((r) => ({ ...r.v, category: null }));
      expect(strip(en[name].rows)).toEqual(strip(zh[name].rows));
    }
    const enRows = demoRows({ seed: 1, scale: 1, asOf: AS_OF, lang: 'en' });
    expect(enRows.Customers.map((c) => c.status)).toContain('Active');
    expect(enRows.Complaints.every((c) => c.valid === 'Yes' || c.valid === 'No')).toBe(true);
    expect(new Set(enRows.Expenses.map((e) => e.category))).toEqual(new Set(['Entertainment', 'Travel', 'Gifts', 'Other']));
  });

  test('kam kpi --period 2026Q3 gives meaningful values', () => {
    const outcome = kpiReport(workbook(scale1, 'zh'), Q3_2026, AS_OF, { strict: true });
    expect(outcome.kind).toBe('report');
    if (outcome.kind !== 'report') return;
    const { results, scores } = outcome.report;
    const department = results.filter((r) => r.staffId === null);
    expect(department).toHaveLength(12);
    for (const r of department) expect({ kpi: r.kpi, value: r.value }).toEqual({ kpi: r.kpi, value: expect.any(Number) });
    const sales = department.find((r) => r.kpi === 'sales_completion')!.value!;
    expect(sales).toBeGreaterThan(0.6);
    expect(sales).toBeLessThan(1.4);
    expect(department.find((r) => r.kpi === 'churn_rate')!.value).toBeLessThan(0.2);
    for (const r of results.filter((x) => x.kpi === 'sales_completion' || x.kpi === 'archive_completeness')) expect(r.value).not.toBeNull();
    expect(scores.map((s) => s.role).sort()).toEqual(['专员', '专员', '专员', '专员', '内勤', '经理'].sort());
    for (const s of scores) expect(s.total).toEqual(expect.any(Number));
  });

  test('property: any seed and small scale gives a demo without validation errors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(0.25, 0.5, 1), fc.integer({ min: 0, max: 900 }), (seed, scale, day) => {
        const asOf = serialFromUtc(2025, 1, 1) + day;
        const read = readBook(workbook(demoRows({ seed, scale, asOf }), 'zh'));
        expect(read.problems).toEqual([]);
        expect(validate(read, { asOf }).filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe('settingsRows and schemeRows', () => {
  test('every setting with its default, labelled in the language', () => {
    const zh = settingsRows('zh');
    expect(zh.map((r) => r.key)).toEqual(['ka_threshold', 'feedback_hours', 'warning_score', 'complaint_penalty', 'required_fields', 'stage_probabilities']);
    expect(zh[0]).toEqual({ key: 'ka_threshold', label: '大客户标准：年合同额（万元）', value: '100' });
    const en = settingsRows('en');
    expect(en.find((r) => r.key === 'required_fields')!.value).toBe('Customer Name,Credit Code,Industry,Region,Tier,Owner ID,Contact,Phone,Address');
    expect(en[1].label).toMatch(/feedback/);
  });

  test('the seeded scheme in the language', () => {
    expect(schemeRows('zh')).toHaveLength(DEFAULT_SCHEME.length);
    expect(schemeRows('zh')[2]).toEqual({ role: '经理', kpi: 'churn_rate', weight: 20, target: 0.05, direction: '越低越好' });
    expect(schemeRows('en')[2]).toEqual({ role: 'Manager', kpi: 'churn_rate', weight: 20, target: 0.05, direction: 'Lower' });
    expect(schemeRows('en').filter((r) => r.role === 'Clerk').map((r) => r.kpi)).toEqual(['专业技能', '调查能力', '问题解决能力', '创新能力']);
  });

  test('an empty workbook reads its settings and scheme back to the defaults in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const read = readBook(snapshotOf({ Settings: settingsRows(lang), ScoringScheme: schemeRows(lang) }, lang));
      expect(read.problems).toEqual([]);
      expect(read.findings).toEqual([]);
      expect(read.book.settings).toEqual(DEFAULT_SETTINGS);
      expect(read.book.scheme).toEqual(DEFAULT_SCHEME);
    }
  });
});
