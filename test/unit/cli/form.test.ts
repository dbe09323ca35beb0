import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { loadWorkbook } from '../../../src/workbook/xlsx/read';
import { EXPECTED_Q4, FIXTURE, STACK_LINE, expectReportMatches, kam, sha, tempDir, writeVariant } from './helpers';

// The real file system, with a rename one test makes fail like a broken disk.
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual('node:fs/promises');
  return { ...actual, rename: jest.fn(actual.rename) };
});

const AS_OF = ['--as-of', '2026-01-10'];
const EN = { LANG: 'en_US.UTF-8' };

/** The cells of a sheet as text, row by row (what a reader finds on it). */
function sheetText(ws: ExcelJS.Worksheet): string {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.value))));
  return out.join('\n');
}

describe('kam form', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir.dir, 'book.xlsx');
    copyFileSync(FIXTURE, file);
  });
  afterEach(() => dir.cleanup());

  it('--out writes a new workbook holding just the form, and leaves the workbook untouched', async () => {
    const before = sha(file);
    const out = join(dir.dir, 'profile.xlsx');
    const r = await kam(['form', file, '--template', 'customer-profile', '--customer', 'C01', '--out', out, ...AS_OF]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`已将大客户信息档案表写入 ${out}（工作表“大客户信息档案表 C01”）。\n`);
    expect(sha(file)).toBe(before);
    const wb = await loadWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['大客户信息档案表 C01']);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('大客户信息档案表');
    const text = sheetText(ws);
    for (const s of ['文案名称', '编号', 'KAM-CP-C01', '执行部门', '大客户部', '监督部门', '示例客户01有限公司', '编制人员', '批准日期']) expect(text).toContain(s);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(readdirSync(dir.dir).sort()).toEqual(['book.xlsx', 'profile.xlsx']);
  });

  it('without --out adds the form to the workbook as the active sheet, its tables still read the same', async () => {
    const r = await kam(['form', file, '--template', 'assessment-form', '--staff', 'S01', '--period', '2025Q4', ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`已将季度绩效考核表添加到 ${file}：工作表“季度绩效考核表 S01 2025Q4”。\n`);
    const wb = await loadWorkbook(file);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[names.length - 1]).toBe('季度绩效考核表 S01 2025Q4');
    expect((wb.views[0] as { activeTab?: number }).activeTab).toBe(names.length - 1);
    const ws = wb.getWorksheet('季度绩效考核表 S01 2025Q4')!;
    expect(sheetText(ws)).toContain('大客户销售计划完成率');
    expect(sheetText(ws)).toContain('合格');
    // A second one gets its own name; the KPIs of the workbook are unchanged.
    const again = await kam(['form', file, '--template', 'assessment-form', '--staff', 'S01', '--period', '2025Q4', ...AS_OF]);
    expect(again.stdout).toContain('季度绩效考核表 S01 2025Q4 (2)');
    const kpi = await kam(['kpi', file, '--period', '2025Q4', '--json', ...AS_OF]);
    expectReportMatches(JSON.parse(kpi.stdout), JSON.parse(readFileSync(EXPECTED_Q4, 'utf8')));
  });

  it.each([
    ['customer-profile', ['--customer', 'C01'], '大客户信息档案表 C01'],
    ['visit-plan', ['--staff', 'S01', '--period', '2025Q4'], '大客户拜访计划表 S01 2025Q4'],
    ['visit-report', ['--visit', 'V1'], '客户拜访记录表 V1'],
    ['reception-register', ['--period', '2025Q4'], '客户接待登记表 2025Q4'],
    ['reception-register', ['--staff', 'S01', '--period', '2025Q4'], '客户接待登记表 S01 2025Q4'],
    ['satisfaction-survey', ['--customer', 'C05'], '大客户满意度调查表 C05'],
    ['complaint-form', ['--complaint', 'P1'], '客户投诉处理单 P1'],
    ['assessment-form', ['--staff', 'C01'], '季度绩效考核表 C01 2025Q4'],
  ])('makes the %s form %j', async (template, options, sheet) => {
    const out = join(dir.dir, `${template}.xlsx`);
    const r = await kam(['form', file, '--template', template, ...options, '--out', out, ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([sheet]);
  });

  it("writes the form in the workbook's language, whatever the terminal's", async () => {
    const en = join(dir.dir, 'en.xlsx');
    await writeVariant(en, { lang: 'en', tables: true, englishWords: true });
    const out = join(dir.dir, 'complaint.xlsx');
    const r = await kam(['form', en, '--template', 'complaint-form', '--complaint', 'P1', '--out', out, ...AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已将客户投诉处理单写入');
    const ws = (await loadWorkbook(out)).worksheets[0];
    expect(ws.name).toBe('Complaint P1');
    expect(ws.getCell('A1').value).toBe('Customer Complaint Form');
    const text = sheetText(ws);
    for (const s of ['Document', 'Executed by', 'Key Account Department', 'Prepared by', 'Approved on', 'Closed after 2 days']) expect(text).toContain(s);
    expect(ws.headerFooter.oddFooter).toBe('&CPage &P of &N');
  });

  it('accepts the template by its title and in any case', async () => {
    const out = join(dir.dir, 'survey.xlsx');
    expect((await kam(['form', file, '--template', '大客户满意度调查表', '--customer', 'C01', '--out', out, ...AS_OF])).code).toBe(0);
    const out2 = join(dir.dir, 'survey2.xlsx');
    expect((await kam(['form', file, '--template', 'Satisfaction-Survey', '--customer', 'C01', '--out', out2, ...AS_OF])).code).toBe(0);
  });

  it('keeps a formula-looking customer name as text', async () => {
    const wb = await loadWorkbook(file);
    const customers = wb.getWorksheet('客户档案')!;
    customers.getCell('B2').value = '=HYPERLINK("http://x")';
    await wb.xlsx.writeFile(file);
    const out = join(dir.dir, 'profile.xlsx');
    expect((await kam(['form', file, '--template', 'customer-profile', '--customer', 'C01', '--out', out, ...AS_OF])).code).toBe(0);
    const ws = (await loadWorkbook(out)).worksheets[0];
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const name = cells.find((c) => c.value === '=HYPERLINK("http://x")');
    expect(name?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  describe('bad input: one clear line, exit status 2, the file untouched', () => {
    const cases: [string, string[], string][] = [
      ['no template', ['--customer', 'C01'], 'kam: missing --template: which form? One of customer-profile, visit-plan, visit-report, reception-register, satisfaction-survey, complaint-form, assessment-form.'],
      ['an unknown template', ['--template', 'profile', '--customer', 'C01'], "kam: --template: unknown form 'profile' (did you mean 'customer-profile'?); the forms are customer-profile, visit-plan, visit-report, reception-register, satisfaction-survey, complaint-form, assessment-form."],
      ['a near miss', ['--template', 'complaint-from', '--complaint', 'P1'], "did you mean 'complaint-form'?"],
      ['no subject', ['--template', 'customer-profile'], 'kam: the customer-profile form needs --customer, e.g. --customer C01.'],
      ['the wrong subject', ['--template', 'customer-profile', '--staff', 'S01'], 'kam: the customer-profile form takes --customer, not --staff.'],
      ['the wrong subject for a period form', ['--template', 'reception-register', '--customer', 'C01'], 'kam: the reception-register form takes --staff, not --customer.'],
      ['two subjects', ['--template', 'visit-report', '--visit', 'V1', '--customer', 'C01'], 'kam: give only one of --customer, --visit: a form has one subject.'],
      ['a period the form has none of', ['--template', 'visit-report', '--visit', 'V1', '--period', '2025Q4'], 'kam: the visit-report form covers no period: leave out --period.'],
      ['a bad period', ['--template', 'visit-plan', '--staff', 'S01', '--period', '2025Q5'], "kam: --period: '2025Q5' is not a period"],
      ['an unknown customer', ['--template', 'customer-profile', '--customer', 'C99'], 'kam: There is no customer with ID "C99" in the Customers table.'],
      ['an unknown visit', ['--template', 'visit-report', '--visit', 'V99'], 'kam: There is no visit with ID "V99" in the Visits table.'],
      ['an unknown complaint', ['--template', 'complaint-form', '--complaint', 'P99'], 'kam: There is no complaint with ID "P99" in the Complaints table.'],
      ['an unknown employee', ['--template', 'assessment-form', '--staff', 'S99'], 'kam: There is no employee with ID "S99" in the Staff table.'],
      ['an unknown host', ['--template', 'reception-register', '--staff', 'S99'], 'kam: There is no employee with ID "S99" in the Staff table.'],
    ];
    it.each(cases)('%s', async (_, options, message) => {
      const before = sha(file);
      const r = await kam(['form', file, ...options, ...AS_OF], EN);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toContain(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(sha(file)).toBe(before);
      expect(readdirSync(dir.dir)).toEqual(['book.xlsx']);
    });

    it('in Chinese', async () => {
      const before = sha(file);
      const r = await kam(['form', file, '--template', 'customer-profile', '--customer', 'C99', ...AS_OF]);
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'kam：客户档案表中没有客户编号为“C99”的客户。\n' });
      const usage = await kam(['form', file, '--template', 'customer-profile', '--visit', 'V1']);
      expect(usage.stderr.split('\n')[0]).toBe('kam：customer-profile 表格需要 --customer，而不是 --visit。');
      expect(sha(file)).toBe(before);
    });

    it('an employee without a scorecard', async () => {
      const wb = await loadWorkbook(file);
      wb.getWorksheet('员工')!.getCell('E4').value = '否'; // S01 leaves
      await wb.xlsx.writeFile(file);
      const before = sha(file);
      const r = await kam(['form', file, '--template', 'assessment-form', '--staff', 'S01', '--period', '2025Q4', ...AS_OF], EN);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^kam: Employee S01 has no scorecard for 2025Q4/);
      expect(sha(file)).toBe(before);
    });

    it('an --out that exists, is not .xlsx, is the workbook itself, or is in no folder', async () => {
      const before = sha(file);
      const existing = join(dir.dir, 'taken.xlsx');
      writeFileSync(existing, 'keep me');
      const base = ['form', file, '--template', 'visit-report', '--visit', 'V1', ...AS_OF];
      const taken = await kam([...base, '--out', existing], EN);
      expect(taken.code).toBe(2);
      expect(taken.stderr).toContain('already exists: kam form never overwrites a file');
      expect(readFileSync(existing, 'utf8')).toBe('keep me');
      expect((await kam([...base, '--out', join(dir.dir, 'form.pdf')], EN)).stderr).toContain("the new workbook's name must end with .xlsx");
      expect((await kam([...base, '--out', file], EN)).stderr).toContain('is the workbook itself');
      expect((await kam([...base, '--out', join(dir.dir, 'nope', 'form.xlsx')], EN)).stderr).toContain('its folder does not exist');
      expect(sha(file)).toBe(before);
      expect(readdirSync(dir.dir).sort()).toEqual(['book.xlsx', 'taken.xlsx']);
    });

    it('a missing file, and a workbook lacking a table', async () => {
      const missing = await kam(['form', join(dir.dir, 'none.xlsx'), '--template', 'visit-report', '--visit', 'V1'], EN);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('no such file');
      const partial = join(dir.dir, 'partial.xlsx');
      await writeVariant(partial, { lang: 'zh', tables: true, dropTables: ['Complaints'] });
      const before = sha(partial);
      const r = await kam(['form', partial, '--template', 'complaint-form', '--complaint', 'P1'], EN);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot be used until this problem is fixed/);
      expect(sha(partial)).toBe(before);
    });

    it('a failing disk: the original stays intact and no temp file is left', async () => {
      const before = sha(file);
      const rename = fsPromises.rename as jest.Mock;
      rename.mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' }));
      const r = await kam(['form', file, '--template', 'visit-report', '--visit', 'V1', ...AS_OF], EN);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^kam: cannot write .*book\.xlsx: EIO: i\/o error, rename\.$/m);
      expect(sha(file)).toBe(before);
      expect(readdirSync(dir.dir)).toEqual(['book.xlsx']);
      expect(existsSync(join(dir.dir, 'book.xlsx'))).toBe(true);
    });
  });

  it('is in the help, in both languages', async () => {
    const en = await kam(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('kam form FILE --template CODE [--customer ID|--visit ID|--complaint ID|--staff ID]');
    expect(en.stdout).toContain('assessment-form      季度绩效考核表');
    const zh = await kam(['form', '--help']);
    expect(zh.stdout).toContain('kam form 文件 --template 表格代码');
  });
});
