/**
 * The preview's Open .xlsx reads with the package reader `kam` uses: workbooks other programs
 * wrote (the corpus) give the simulator the same input tables and the same KPIs as the CLI, and
 * hostile files are refused in the CLI's words, without a dense rows × columns allocation.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messages } from '../../../src/cli/messages';
import { packageRefusal } from '../../../src/cli/refusal';
import { readBook } from '../../../src/domain/book';
import { serialFromUtc } from '../../../src/domain/dates';
import { computeKpis } from '../../../src/domain/kpi';
import { parsePeriod } from '../../../src/domain/periods';
import { validate } from '../../../src/domain/validate';
import { PreviewStore } from '../../../src/preview/host/store';
import { workbookFromXlsx } from '../../../src/preview/host/xlsxFile';
import { officePort } from '../../../src/workbook/excel';
import { LimitError, PackageError } from '../../../src/workbook/xlsx/package/limits';
import expectedQ4 from '../../fixtures/example-2025Q4.expected.json';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const CORPUS = join(FIXTURES, 'corpus');
const AS_OF = serialFromUtc(2026, 1, 10);

const bytesOf = (file: string) => {
  const b = readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

async function kpisInPreview(file: string) {
  const { workbook } = await workbookFromXlsx(bytesOf(file));
  const { snapshot } = await officePort(new PreviewStore(workbook).run).read({ inputs: true });
  const read = readBook(snapshot);
  expect(read.problems).toEqual([]);
  validate(read, { asOf: AS_OF });
  return JSON.parse(JSON.stringify(computeKpis(read.book, parsePeriod('2025Q4')!, AS_OF)));
}

describe('Open .xlsx in the preview', () => {
  const corpus = (JSON.parse(readFileSync(join(CORPUS, 'MANIFEST.json'), 'utf8')) as { files: { file: string }[] }).files.map((f) => f.file);

  it.each(corpus)('%s: the same KPIs as `kam kpi --json`', async (file) => {
    const report = await kpisInPreview(join(CORPUS, file));
    expect(report).toMatchObject(expectedQ4);
  });

  it('opens with values and tables, and says so, where ExcelJS cannot read the formats', async () => {
    // ExcelJS 4.4 fails on openpyxl's comment parts ("reading 'comments'"): the package reader does not.
    const { workbook, warnings } = await workbookFromXlsx(bytesOf(join(CORPUS, 'openpyxl-comments.xlsx')));
    expect(warnings).toEqual([expect.stringMatching(/^formats not shown/)]);
    expect(workbook.tables.map((t) => t.name)).toContain('Customers');
  });

  describe('hostile files', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'kam-preview-hostile-'));
      execFileSync(process.execPath, [join(FIXTURES, 'hostile', 'make.js'), dir]);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each([
      ['sparse-corner.xlsx', null],
      ['bomb-zip64.xlsx', /压缩炸弹/],
      ['bomb-lying.xlsx', /已损坏/],
      ['many-parts.xlsx', /部件/],
      ['long-text.xlsx', /32767/],
    ])('%s is opened or refused in one sentence, never a crash', async (name, refusal) => {
      const open = workbookFromXlsx(bytesOf(join(dir, name)));
      if (refusal === null) {
        // A styled cell at XFD1 and an empty row 1048576 hold no values: the example's KPIs.
        await open;
        expect(await kpisInPreview(join(dir, name))).toMatchObject(expectedQ4);
        return;
      }
      const error = await open.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error instanceof LimitError || error instanceof PackageError).toBe(true);
      const sentence = packageRefusal(name, error)(messages('zh'));
      expect(sentence).toMatch(refusal);
      expect(sentence.split('\n')).toHaveLength(1);
    });
  });
});
