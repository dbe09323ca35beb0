/**
 * The forms as printed by an independent spreadsheet program: each form `kam form --out` writes
 * is converted to PDF by LibreOffice; the PDF is A4 portrait, one page wide (a short form is one
 * page, nothing spills sideways onto extra pages), and its text (pdftotext) holds the form's
 * title, the header block, the subject's values and the approval footer. A customer named
 * `=HYPERLINK("http://x")` prints as that text.
 *
 * Needs soffice (libreoffice-calc-nogui, fonts-noto-cjk) and pdfinfo/pdftotext (poppler-utils):
 * `npx jest -c jest.interop.config.js test/interop/forms`. Without them the suite fails, it
 * never skips.
 *
 * It also renders page 1 of each form, filled from the demo workbook, to PNG (pdftoppm -r 60):
 * test-artifacts/forms/<code>.png, or docs/forms/<code>.png for the README with KAM_FORMS_DOCS=1.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serialFromUtc } from '../../src/domain/dates';
import { FORM_CODES, FORM_TEMPLATES, FormCode } from '../../src/domain/forms';
import { appendRows } from '../../src/workbook/operations';
import { saveAtomically, xlsxPort } from '../../src/workbook/xlsx/port';
import { loadWorkbook } from '../../src/workbook/xlsx/read';
import { FIXTURE, kam, writeVariant } from '../unit/cli/helpers';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'kam-interop-forms-'));
const profile = `file:///tmp/lo-forms-${process.pid}`;
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(`/tmp/lo-forms-${process.pid}`, { recursive: true, force: true });
});

const AS_OF = ['--as-of', '2026-01-10'];
const FORMULA = '=HYPERLINK("http://x")';

/** What each form is made of, and what its printed text must show. */
const FORMS: Record<FormCode, { options: string[]; shows: string[] }> = {
  'customer-profile': {
    options: ['--customer', 'C01'],
    shows: ['KAM-CP-C01', '客户编号', 'C01', '统一社会信用代码', '91440001MA2000131Q', 'S01 郑专员', '合作中', '150.00', '2024-05-01', '联系人1', '13900000001', 'V3', '2025-12-01', 'K1', '120.00', 'P1', '发货错误'],
  },
  'visit-plan': {
    options: ['--staff', 'S01', '--period', '2025Q4'],
    shows: ['KAM-VP-S01-2025Q4', 'S01 郑专员', '2025Q4（2025-10-01 至 2025-12-31）', '2025-10-08', 'C03 示例客户03有限公司', '已取消', '部门经理审核意见'],
  },
  'visit-report': {
    options: ['--visit', 'V1'],
    shows: ['KAM-VR-V1', 'V1', '回访', '示例客户01有限公司', '联系人1', '2025-10-08', '2025-10-09', '拜访目的', '主管意见', '拜访人签字'],
  },
  'reception-register': {
    options: ['--period', '2025Q4'],
    shows: ['KAM-RR-2025Q4', '2025Q4（2025-10-01 至 2025-12-31）', '全部', '2025-12-01', 'C01 示例客户01有限公司', '郑专员'],
  },
  'satisfaction-survey': {
    options: ['--customer', 'C05'],
    shows: ['KAM-SS-C05', '示例客户05有限公司', 'S02 冯专员', '非常满意', '非常不满意', '产品与服务质量', '总体满意度', '□', '意见和建议', '填表人（签字）'],
  },
  'complaint-form': {
    options: ['--complaint', 'P1'],
    shows: ['KAM-CF-P1', 'P1', '2025-10-20', '示例客户01有限公司', 'S01 郑专员', '是', '2025-10-22', '已结案，用时 2 天', '发货错误', '补发', '原因分析', '改进措施'],
  },
  'assessment-form': {
    options: ['--staff', 'S01', '--period', '2025Q4'],
    shows: ['KAM-AF-S01-2025Q4', '郑专员', '专员', '大客户销售计划完成率', '75.0%', '100.0%', '大客户流失率（越低越好）', '67.3', '合格', '被考核人', '考核人', '人力资源部'],
  },
};

const HEADER = ['文案名称', '编号', '执行部门', '大客户部', '监督部门'];
const FOOTER = ['编制人员', '审核人员', '批准人员', '编制日期', '审核日期', '批准日期'];

async function soffice(outDir: string, files: string[]): Promise<void> {
  await run('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', outDir, ...files], { timeout: 170_000 });
}

interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

async function pdfInfo(pdf: string): Promise<PdfInfo> {
  const { stdout } = await run('pdfinfo', [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

async function pdfText(pdf: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-layout', ...range, pdf, '-']);
  return stdout;
}

/** The words of a page with their boxes (pdftotext -bbox). */
async function words(pdf: string, page = 1): Promise<{ text: string; xMin: number; xMax: number }[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  const out: { text: string; xMin: number; xMax: number }[] = [];
  for (const m of stdout.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    out.push({ xMin: Number(m[1]), xMax: Number(m[2]), text: m[3] });
  }
  return out;
}

/** The text without the spaces pdftotext puts between characters of a table cell. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** A4 portrait in points. */
function expectA4Portrait(info: PdfInfo): void {
  expect(info.width).toBeCloseTo(595.3, 0);
  expect(info.height).toBeCloseTo(841.9, 0);
}

describe('kam form printed by LibreOffice', () => {
  const pdfDir = join(work, 'pdf');
  const files: Partial<Record<FormCode, string>> = {};

  beforeAll(async () => {
    mkdirSync(pdfDir);
    for (const code of FORM_CODES) {
      const out = join(work, `${code}.xlsx`);
      const r = await kam(['form', FIXTURE, '--template', code, ...FORMS[code].options, '--out', out, ...AS_OF]);
      if (r.code !== 0) throw new Error(`kam form ${code} failed: ${r.stderr}`);
      files[code] = out;
    }
    await soffice(pdfDir, Object.values(files) as string[]);
  });

  it.each(FORM_CODES.map((c) => [c]))('%s: one A4 portrait page, as wide as the page allows and no wider', async (code) => {
    const pdf = join(pdfDir, `${code}.pdf`);
    const info = await pdfInfo(pdf);
    expectA4Portrait(info);
    expect(info.pages).toBe(1);
    // Nothing beyond the page; the form spans most of its width (fitted, not shrunk to a stamp).
    const ws = await words(pdf);
    expect(ws.length).toBeGreaterThan(20);
    const right = Math.max(...ws.map((w) => w.xMax));
    const left = Math.min(...ws.map((w) => w.xMin));
    expect(right).toBeLessThanOrEqual(info.width);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right - left).toBeGreaterThan(info.width * 0.6);
    // The rightmost column (编号's value) is on the page.
    expect(ws.some((w) => w.text.startsWith('KAM-'))).toBe(true);
  });

  it.each(FORM_CODES.map((c) => [c]))("%s: the title, the header block, the subject's values and the footer print", async (code) => {
    const text = squeeze(await pdfText(join(pdfDir, `${code}.pdf`)));
    expect(text).toContain(FORM_TEMPLATES[code].title.zh);
    for (const s of [...HEADER, ...FORMS[code].shows, ...FOOTER, '第1页，共1页']) expect([code, text.includes(squeeze(s))]).toEqual([code, true]);
  });

  it('prints a formula-looking customer name as text', async () => {
    const book = join(work, 'formula.xlsx');
    copyFileSync(FIXTURE, book);
    const wb = await loadWorkbook(book);
    wb.getWorksheet('客户档案')!.getCell('B2').value = FORMULA;
    await wb.xlsx.writeFile(book);
    const outs = ['customer-profile', 'satisfaction-survey'].map((code) => join(work, `formula-${code}.xlsx`));
    for (const [i, code] of ['customer-profile', 'satisfaction-survey'].entries()) {
      const r = await kam(['form', book, '--template', code, '--customer', 'C01', '--out', outs[i], ...AS_OF]);
      expect(r.code).toBe(0);
    }
    const dir = join(work, 'pdf-formula');
    mkdirSync(dir);
    await soffice(dir, outs);
    for (const out of outs) {
      const text = await pdfText(join(dir, `${out.split('/').pop()!.replace(/\.xlsx$/, '')}.pdf`));
      expect(text).toContain(FORMULA);
    }
  });

  it('prints an English form from an English workbook', async () => {
    const book = join(work, 'english.xlsx');
    await writeVariant(book, { lang: 'en', tables: true, englishWords: true });
    const out = join(work, 'english-assessment.xlsx');
    const r = await kam(['form', book, '--template', 'assessment-form', '--staff', 'S01', '--period', '2025Q4', '--out', out, ...AS_OF]);
    expect(r.code).toBe(0);
    const dir = join(work, 'pdf-en');
    mkdirSync(dir);
    await soffice(dir, [out]);
    const pdf = join(dir, 'english-assessment.pdf');
    const info = await pdfInfo(pdf);
    expectA4Portrait(info);
    expect(info.pages).toBe(1);
    const text = await pdfText(pdf);
    for (const s of ['Quarterly Performance Assessment', 'Document', 'Doc. No.', 'Executed by', 'Key Account Department', 'Supervised by', 'Sales plan completion', '75.0%', 'Pass', 'Employee', 'Assessor', 'Human Resources Department', 'Prepared by', 'Reviewed by', 'Approved by', 'Prepared on', 'Reviewed on', 'Approved on', 'Page 1 of 1']) {
      expect([s, text.includes(s)]).toEqual([s, true]);
    }
  });

  it('continues a long form on more pages, one page wide, with the title rows on top of each', async () => {
    // 60 more planned visits of S01 in 2025Q4, appended to the Visits table.
    const book = join(work, 'long.xlsx');
    copyFileSync(FIXTURE, book);
    const wb = await loadWorkbook(book);
    const records = Array.from({ length: 60 }, (_, i) => ({
      visitId: `VL${i + 1}`,
      customerId: 'C02',
      staffId: 'S01',
      visitType: '首访',
      plannedOn: serialFromUtc(2025, 10, 1) + i,
      status: '计划',
      purpose: `第 ${i + 1} 次拜访的目的`,
    }));
    const appended = await appendRows(xlsxPort(wb), 'Visits', records, { asOf: serialFromUtc(2026, 1, 10) });
    expect(appended.kind).toBe('appended');
    await saveAtomically(wb, book);
    const out = join(work, 'long-plan.xlsx');
    const r = await kam(['form', book, '--template', 'visit-plan', '--staff', 'S01', '--period', '2025Q4', '--out', out, ...AS_OF]);
    expect(r.code).toBe(0);
    const dir = join(work, 'pdf-long');
    mkdirSync(dir);
    await soffice(dir, [out]);
    const pdf = join(dir, 'long-plan.pdf');
    const info = await pdfInfo(pdf);
    expectA4Portrait(info);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    for (let page = 1; page <= info.pages; page++) {
      const text = squeeze(await pdfText(pdf, page));
      // The title rows repeat; every page is one page wide (编号's value, on the right, is there).
      expect(text).toContain('大客户拜访计划表');
      expect(text).toContain('KAM-VP-S01-2025Q4');
      expect(text).toContain(`第${page}页，共${info.pages}页`);
    }
    const last = squeeze(await pdfText(pdf, info.pages));
    expect(last).toContain('编制人员');
    expect(last).toContain('第60次拜访的目的');
  });
});

/**
 * Page 1 of each form from the demo workbook as a PNG: into test-artifacts/forms on every run,
 * into docs/forms (the README's pictures) with KAM_FORMS_DOCS=1.
 */
const PICTURES = process.env.KAM_FORMS_DOCS === '1' ? join(__dirname, '..', '..', 'docs', 'forms') : join(__dirname, '..', '..', 'test-artifacts', 'forms');
describe('pictures of the forms filled from the demo workbook', () => {
  const SUBJECTS: Record<FormCode, string[]> = {
    'customer-profile': ['--customer', 'C0093'],
    'visit-plan': ['--staff', 'S03', '--period', '2025Q4'],
    'visit-report': ['--visit', 'V00003'],
    'reception-register': ['--period', '2025Q4'],
    'satisfaction-survey': ['--customer', 'C0093'],
    'complaint-form': ['--complaint', 'TS0036'],
    'assessment-form': ['--staff', 'S03', '--period', '2025Q4'],
  };

  it('renders each form', async () => {
    const docs = PICTURES;
    mkdirSync(docs, { recursive: true });
    const demo = join(work, 'demo.xlsx');
    expect((await kam(['init', demo, '--demo', ...AS_OF])).code).toBe(0);
    const outs: string[] = [];
    for (const code of FORM_CODES) {
      const out = join(work, `${code}.xlsx`);
      rmSync(out, { force: true });
      const r = await kam(['form', demo, '--template', code, ...SUBJECTS[code], '--out', out, ...AS_OF]);
      expect(r.stderr).toBe('');
      outs.push(out);
    }
    const dir = join(work, 'pdf-docs');
    mkdirSync(dir);
    await soffice(dir, outs);
    for (const code of FORM_CODES) {
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(dir, `${code}.pdf`), join(docs, code)]);
      expect(statSync(join(docs, `${code}.png`)).size).toBeLessThan(150_000);
    }
  });
});
