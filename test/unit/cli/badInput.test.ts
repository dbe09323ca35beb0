import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE, Run, STACK_LINE, kam, sha, tempDir, writeVariant } from './helpers';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const path = (name: string) => join(dir, name);

/** Runs validate and kpi on a file: the same message from both, exit 2, no stack, file unchanged. */
async function both(file: string, lang: 'zh' | 'en'): Promise<Run[]> {
  let before: string | null = null;
  try {
    before = sha(file);
  } catch {
    // missing file or a folder
  }
  const runs = [
    await kam(['validate', file, '--lang', lang]),
    await kam(['validate', file, '--json', '--lang', lang]),
    await kam(['kpi', file, '--period', '2025Q4', '--as-of', '2026-01-10', '--lang', lang]),
    await kam(['kpi', file, '--period', '2025Q4', '--json', '--strict', '--lang', lang]),
  ];
  for (const r of runs) {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stderr).toBe(runs[0].stderr);
  }
  if (before !== null) expect(sha(file)).toBe(before);
  return runs;
}

describe('bad input: one clear message, exit status 2, no stack trace, the file untouched', () => {
  it('a missing file', async () => {
    const [r] = await both(path('nope.xlsx'), 'en');
    expect(r.stderr).toBe(`kam: ${path('nope.xlsx')}: no such file.\n`);
    const [zh] = await both(path('nope.xlsx'), 'zh');
    expect(zh.stderr).toBe(`kam：找不到文件 ${path('nope.xlsx')}。\n`);
  });

  it('a folder', async () => {
    mkdirSync(path('folder.xlsx'));
    const [r] = await both(path('folder.xlsx'), 'en');
    expect(r.stderr).toBe(`kam: ${path('folder.xlsx')} is a folder, not an .xlsx workbook.\n`);
    const [zh] = await both(path('folder.xlsx'), 'zh');
    expect(zh.stderr).toContain('是文件夹');
  });

  it('an empty file', async () => {
    writeFileSync(path('empty.xlsx'), '');
    const [r] = await both(path('empty.xlsx'), 'en');
    expect(r.stderr).toContain('is empty (0 bytes), not an .xlsx workbook');
  });

  it('a CSV file, named .csv or .xlsx', async () => {
    writeFileSync(path('staff.csv'), '员工编号,姓名,岗位\nS01,张三,专员\n');
    writeFileSync(path('staff.xlsx'), readFileSync(path('staff.csv')));
    for (const f of ['staff.csv', 'staff.xlsx']) {
      const [r] = await both(path(f), 'en');
      expect(r.stderr).toBe(`kam: ${path(f)} is not an .xlsx workbook: it is a text file (CSV?); open it in Excel and save it as .xlsx.\n`);
      const [zh] = await both(path(f), 'zh');
      expect(zh.stderr).toContain('不是 .xlsx 工作簿：它是文本文件（CSV？）');
    }
  });

  it('a plain text file', async () => {
    writeFileSync(path('notes.txt'), 'just some notes\n');
    const [r] = await both(path('notes.txt'), 'en');
    expect(r.stderr).toContain('is not an .xlsx workbook: it is a text file');
  });

  it('a binary file of another kind', async () => {
    writeFileSync(path('image.xlsx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const [r] = await both(path('image.xlsx'), 'en');
    expect(r.stderr).toContain('is not an .xlsx workbook (an .xlsx file is a ZIP package; this is not)');
  });

  it('an old .xls (OLE2) file', async () => {
    writeFileSync(path('old.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const [r] = await both(path('old.xls'), 'en');
    expect(r.stderr).toContain('old-format .xls file or a password-protected workbook');
  });

  it('a truncated archive', async () => {
    const data = readFileSync(FIXTURE);
    writeFileSync(path('truncated.xlsx'), data.subarray(0, Math.floor(data.length / 2)));
    const [r] = await both(path('truncated.xlsx'), 'en');
    expect(r.stderr).toMatch(/^kam: .*truncated\.xlsx is damaged and cannot be opened as an \.xlsx workbook/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toContain('http');
    const [zh] = await both(path('truncated.xlsx'), 'zh');
    expect(zh.stderr).toContain('已损坏，无法作为 .xlsx 工作簿打开');
  });

  it('an archive with a damaged part', async () => {
    const zip = await JSZip.loadAsync(readFileSync(FIXTURE));
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="x"');
    writeFileSync(path('badxml.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const [r] = await both(path('badxml.xlsx'), 'en');
    expect(r.stderr).toMatch(/(is damaged|not an Excel workbook|none of the KAM tables)/);
  });

  it('a ZIP archive that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    writeFileSync(path('archive.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const [r] = await both(path('archive.xlsx'), 'en');
    expect(r.stderr).toBe(`kam: ${path('archive.xlsx')} is a ZIP archive but not an Excel workbook (it has no worksheets).\n`);
  });

  it('a workbook without any KAM table', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['a', 'b']);
    await wb.xlsx.writeFile(path('other.xlsx'));
    const [r] = await both(path('other.xlsx'), 'en');
    expect(r.stderr).toContain('has none of the KAM tables (no table or sheet named Staff, Customers, Visits…)');
    const [zh] = await both(path('other.xlsx'), 'zh');
    expect(zh.stderr).toContain('没有任何 KAM 表格');
  });

  it('a workbook missing a table and a needed column: one line per problem', async () => {
    const file = path('missing.xlsx');
    await writeVariant(file, { lang: 'zh', tables: true, dropTables: ['Visits'], dropColumns: ['Contracts.amount'] });
    const [r] = await both(file, 'en');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`kam: ${file} cannot be used until these 2 problems are fixed:`);
    expect(lines[1]).toMatch(/^ {2}- Missing table Visits: .*"Visits" or "拜访记录"/);
    expect(lines[2]).toMatch(/^ {2}- Sheet "合同" \(table Contracts\) lacks the column "Amount \(10k CNY\)" \(Chinese header 合同金额（万元）\)/);
    const [zh] = await both(file, 'zh');
    const zhLines = zh.stderr.trimEnd().split('\n');
    expect(zhLines[0]).toBe(`kam：${file} 有 2 个问题，修正后才能使用：`);
    expect(zhLines[1]).toContain('缺少表「拜访记录」');
    expect(zhLines[2]).toContain('工作表「合同」缺少列「合同金额（万元）」');
  });
});
