import { FORM_CODES, FORM_TEMPLATES, MAX_SHEET_NAME, formSheetName } from '../../../src/domain/forms';

describe('formSheetName', () => {
  it('is the title and the subject', () => {
    expect(formSheetName('大客户信息档案表', 'C01', [])).toBe('大客户信息档案表 C01');
    expect(formSheetName('Receptions', null, [])).toBe('Receptions');
  });

  it('replaces the characters Excel forbids', () => {
    expect(formSheetName('Plan', 'a:b\\c/d?e*f[g]h', [])).toBe('Plan a_b_c_d_e_f_g_h');
    expect(formSheetName('Plan', 'x\ny\tz', [])).toBe('Plan x y z');
  });

  it('never starts or ends with an apostrophe', () => {
    expect(formSheetName("'Quoted'", "'C01'", [])).toBe("Quoted C01");
    const name = formSheetName('Survey', `C01${"'".repeat(40)}`, []);
    expect(name.startsWith("'")).toBe(false);
    expect(name.endsWith("'")).toBe(false);
  });

  it("turns an apostrophe inside the name into ’ (writers quote sheet names in defined names)", () => {
    expect(formSheetName('Survey', "O'Brien Ltd", [])).toBe('Survey O’Brien Ltd');
  });

  it('keeps to 31 characters, shortening the title first so the subject stays readable', () => {
    const name = formSheetName('Quarterly Performance Assessment', 'S01 2025Q4', []);
    expect(name).toHaveLength(MAX_SHEET_NAME);
    expect(name).toBe('Quarterly Performanc S01 2025Q4');
    const long = formSheetName('Plan', 'X'.repeat(40), []);
    expect(long.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(long.startsWith('Plan X')).toBe(true);
    for (const code of FORM_CODES) {
      for (const lang of ['zh', 'en'] as const) {
        expect(formSheetName(FORM_TEMPLATES[code].sheetTitle[lang], 'S01 2025Q4', []).length).toBeLessThanOrEqual(MAX_SHEET_NAME);
      }
    }
  });

  it('never splits a character made of two UTF-16 units', () => {
    const name = formSheetName(`${'a'.repeat(30)}😀`, '', []);
    expect(name).toBe('a'.repeat(30));
    expect(() => encodeURIComponent(formSheetName('𠀀'.repeat(20), 'C01', []))).not.toThrow();
  });

  it('adds (2), (3)… when the name exists, compared case-insensitively', () => {
    expect(formSheetName('Survey', 'C01', ['survey c01'])).toBe('Survey C01 (2)');
    expect(formSheetName('Survey', 'C01', ['Survey C01', 'SURVEY C01 (2)'])).toBe('Survey C01 (3)');
    const long = formSheetName('Quarterly Performance Assessment', 'S01 2025Q4', ['Quarterly Performanc S01 2025Q4']);
    expect(long).toBe('Quarterly Perfor S01 2025Q4 (2)');
    expect(long).toHaveLength(MAX_SHEET_NAME);
    expect(formSheetName('大客户信息档案表', 'C01', ['大客户信息档案表 C01'])).toBe('大客户信息档案表 C01 (2)');
  });

  it('avoids the name Excel reserves, and an empty name', () => {
    expect(formSheetName('History', null, [])).toBe('History (2)');
    expect(formSheetName("''", null, [])).toBe('Form');
  });
});

describe('FORM_TEMPLATES', () => {
  it('names the seven forms of the document in both languages, with the subject each needs', () => {
    expect(FORM_CODES).toEqual(['customer-profile', 'visit-plan', 'visit-report', 'reception-register', 'satisfaction-survey', 'complaint-form', 'assessment-form']);
    const summary = Object.fromEntries(FORM_CODES.map((c) => [c, [FORM_TEMPLATES[c].title.zh, FORM_TEMPLATES[c].subject, FORM_TEMPLATES[c].subjectRequired, FORM_TEMPLATES[c].period]]));
    expect(summary).toEqual({
      'customer-profile': ['大客户信息档案表', 'customer', true, false],
      'visit-plan': ['大客户拜访计划表', 'staff', true, true],
      'visit-report': ['客户拜访记录表', 'visit', true, false],
      'reception-register': ['客户接待登记表', 'staff', false, true],
      'satisfaction-survey': ['大客户满意度调查表', 'customer', true, false],
      'complaint-form': ['客户投诉处理单', 'complaint', true, false],
      'assessment-form': ['季度绩效考核表', 'staff', true, true],
    });
    for (const c of FORM_CODES) expect(FORM_TEMPLATES[c].title.en).toMatch(/^[A-Z][A-Za-z ]+$/);
  });
});
