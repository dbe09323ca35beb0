/**
 * The interop corpus (test/fixtures/corpus/README.md): workbooks written by openpyxl and
 * LibreOffice, each holding the KAM input tables plus charts, pivots, macros, comments, filters,
 * print settings… For every file of MANIFEST.json, on a copy:
 *
 *   1. `kam kpi COPY --period P --as-of D --write --json` (the JSON of `kam kpi` on the original,
 *      and the manifest's expected report);
 *   2. `kam form COPY --template customer-profile --customer <the first customer>`;
 *   3. one `updateCells` edit of a text cell of Customers through the package port, saved.
 *
 * After each step the saved zip is compared with the original's, entry by entry: every entry
 * is still there, and only the parts the add-in owns (its output and form sheets and tables),
 * the directory parts and styles may differ — the edited input sheet by that one cell, the
 * sheet whose tab was selected by its `tabSelected`; every other entry keeps its compressed
 * bytes. In the parts that were rewritten nothing of the original is dropped or renumbered.
 * Then LibreOffice converts the originals and the results to CSV (every sheet; the input
 * sheets and the other sheets must read the same) and the results to PDF, and ExcelJS loads
 * the results it could load before.
 *
 * Needs the built CLI (`npm run build:cli`; `npm run test:interop` runs it) and soffice.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import type { CellValue } from '../../src/domain/cells';
import { columnLetters } from '../../src/domain/columnLetters';
import { OUTPUT_SHEETS, OUTPUT_TABLE_NAMES } from '../../src/domain/outputs';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { TABLES_BY_NAME } from '../../src/domain/tables';
import { openPackageFile, savePackage } from '../../src/workbook/xlsx/package/file';
import { relsPathOf } from '../../src/workbook/xlsx/package/opc';
import { packagePort } from '../../src/workbook/xlsx/package/packagePort';
import { readSnapshot } from '../../src/workbook/xlsx/package/readTables';
import { loadWorkbook } from '../../src/workbook/xlsx/read';
import { parseCsv } from '../helpers/csv';
import { Allowance, Zip, compareEntries, isTabSelected, newXmlProblems, openZip, partText, renumberingProblems, sameBytes } from '../helpers/packageCompare';
import { expectReportMatches } from '../unit/cli/helpers';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const KAM = join(ROOT, 'bin', 'kam.js');
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
/** UTF-8, comma, quoted text, raw values, every sheet to FILE-Sheet.csv (LibreOffice ≥ 7.2). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const MACRO_WORKBOOK = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const NEW_VALUE = '新值 <&>';

interface CorpusFile {
  file: string;
  writer: string;
  period: string;
  asOf: string;
  expected?: string;
  kamSheets: string[];
  kamTables: Record<string, string>;
  sheets: string[];
  macroEnabled: boolean;
}

const manifest = JSON.parse(readFileSync(join(CORPUS, 'MANIFEST.json'), 'utf8')) as { files: CorpusFile[] };

/** The terminal's locale left out: the CLI speaks Chinese, as the tests expect. */
const cliEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['LANG', 'LC_ALL', 'LC_MESSAGES'].includes(k)));

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function kam(args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [KAM, ...args], { env: cliEnv, timeout: 120_000, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof err.code !== 'number') throw e;
    return { code: err.code, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** Runs soffice; returns what it printed (it reports a file it cannot load and goes on with the next). */
async function soffice(profile: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, ...args], { timeout: 170_000, maxBuffer: 16 << 20 });
    return `${stdout}${stderr}`;
  } catch (e) {
    const err = e as { message: string; stdout?: string; stderr?: string };
    return `${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
}

const work = mkdtempSync(join(tmpdir(), 'kam-corpus-'));
const originals = join(work, 'original');
const results = join(work, 'result');
mkdirSync(originals);
mkdirSync(results);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The originals as CSV, converted while the CLI runs (one soffice call for all files). */
let originalCsv: Promise<string> | null = null;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error(`${KAM} needs dist/: run npm run build:cli (npm run test:interop does)`);
  try {
    await run('soffice', ['--version'], { timeout: 60_000 });
  } catch (error) {
    throw new Error(`LibreOffice is needed for the interop tests: 'soffice --version' failed (${(error as Error).message}). Install libreoffice-calc-nogui.`);
  }
  // Copies, so that LibreOffice's lock files never land in test/fixtures.
  for (const f of manifest.files) copyFileSync(join(CORPUS, f.file), join(originals, f.file));
  mkdirSync(join(work, 'csv-original'));
  const files = manifest.files.map((f) => join(originals, f.file));
  originalCsv = soffice(join(work, 'lo-original'), ['--convert-to', CSV_FILTER, '--outdir', join(work, 'csv-original'), ...files]);
});

test('the manifest lists every workbook of the corpus', () => {
  const onDisk = readdirSync(CORPUS).filter((f) => /\.xls[xm]$/i.test(f)).sort();
  expect(manifest.files.map((f) => f.file).sort()).toEqual(onDisk);
});

// ---------------------------------------------------------------------------------------------
// Per file: the three steps and the zip comparisons.

interface FileRun {
  entry: CorpusFile;
  copy: string;
  original: Zip;
  snapshot: WorkbookSnapshot;
  allow: Allowance;
  /** The last step whose action completed. */
  done: number;
  /** The sheet names before the current step. */
  sheetsBefore: string[];
  /** The sheets the add-in added besides its output sheets (the form's). */
  ownedSheets: string[];
  /** The edited cell: its sheet name, CSV row and column (0-based from A1). */
  edit?: { sheet: string; row: number; col: number; before: CellValue };
}

const runs = new Map<string, FileRun>();

function lower(parts: (string | null | undefined)[]): string[] {
  return parts.filter((p): p is string => !!p).map((p) => p.toLowerCase());
}

/** The parts of the sheets and tables the add-in owns in the result: its output tables, and the sheets named. */
function ownedParts(result: Zip, sheetNames: readonly string[]): string[] {
  const parts: string[] = [];
  for (const t of result.pkg.tables) {
    if (!(OUTPUT_TABLE_NAMES as readonly string[]).includes(t.name)) continue;
    parts.push(t.part);
    if (t.sheet.part) parts.push(t.sheet.part, relsPathOf(t.sheet.part));
  }
  for (const s of result.pkg.sheets) if (sheetNames.includes(s.name) && s.part) parts.push(s.part, relsPathOf(s.part));
  return parts;
}

/** Everything a step's result must satisfy; returns the findings (none when all is well). */
function stepProblems(r: FileRun, result: Zip, owned: string[]): string[] {
  const problems: string[] = [];
  for (const part of owned) {
    if (r.original.entries.has(part) || [...r.original.entries.keys()].some((n) => n.toLowerCase() === part.toLowerCase())) {
      problems.push(`${part}: the add-in's own part takes the name of a part of the original`);
    }
    r.allow.rewritable.add(part.toLowerCase());
  }
  problems.push(...compareEntries(r.original, result, r.allow).problems);
  problems.push(...renumberingProblems(r.original, result));
  problems.push(...newXmlProblems(r.original, result));
  // The input tables' parts, byte for byte (already among the entries above; named here).
  for (const name of Object.keys(r.entry.kamTables)) {
    const t = r.original.pkg.tables.find((x) => x.name === name);
    if (!t) {
      problems.push(`the original has no table ${name}`);
      continue;
    }
    const after = result.entries.get(t.part);
    if (!after || !sameBytes(r.original.entries.get(t.part)!, after)) problems.push(`${t.part}: the input table ${name} changed`);
  }
  if (r.entry.macroEnabled || extname(r.entry.file).toLowerCase() === '.xlsm') {
    if (extname(r.copy).toLowerCase() !== '.xlsm') problems.push('the .xlsm is no longer an .xlsm');
    const ct = partText(result, '[Content_Types].xml');
    const override = new RegExp(`<Override[^>]*PartName="/${r.original.pkg.workbookPart}"[^>]*>`, 'i').exec(ct)?.[0] ?? '';
    if (!override.includes(`ContentType="${MACRO_WORKBOOK}"`)) problems.push(`the workbook's content type is not the macro-enabled one: ${override}`);
    const vba = r.original.entries.get('xl/vbaProject.bin');
    const vbaAfter = result.entries.get('xl/vbaProject.bin');
    if (!vba) problems.push('the original .xlsm has no xl/vbaProject.bin');
    else if (!vbaAfter || !sameBytes(vba, vbaAfter)) problems.push('xl/vbaProject.bin is not byte-identical');
  }
  return problems;
}

function needs(r: FileRun | undefined, step: number): FileRun {
  if (!r) throw new Error('not run: the file could not be set up');
  if (r.done < step - 1) throw new Error(`not run: step ${r.done + 1} did not complete`);
  return r;
}

describe.each(manifest.files)('$file ($writer)', (entry) => {
  const copy = join(results, entry.file);
  const args = ['--period', entry.period, '--as-of', entry.asOf];

  beforeAll(() => {
    copyFileSync(join(CORPUS, entry.file), copy);
    const original = openZip(readFileSync(join(CORPUS, entry.file)));
    const wb = original.pkg.workbookPart;
    const deselected = new Set<string>();
    for (const s of original.pkg.sheets) if (s.part && isTabSelected(partText(original, s.part))) deselected.add(s.part.toLowerCase());
    runs.set(entry.file, {
      entry,
      copy,
      original,
      snapshot: readSnapshot(original.pkg),
      allow: { rewritable: new Set(lower(['[Content_Types].xml', wb, relsPathOf(wb), original.pkg.stylesPartName()])), editedCells: new Map(), deselected },
      done: 0,
      sheetsBefore: original.pkg.sheets.map((s) => s.name),
      ownedSheets: [],
    });
  });

  test('1. kam kpi --write --json: exit 0, the JSON of kam kpi on the original, only the output sheets and the directory parts written', async () => {
    const r = needs(runs.get(entry.file), 1);
    const [plain, written] = await Promise.all([kam(['kpi', join(CORPUS, entry.file), ...args, '--json']), kam(['kpi', copy, ...args, '--write', '--json'])]);
    expect({ code: plain.code, stderr: plain.stderr }).toEqual({ code: 0, stderr: '' });
    expect({ code: written.code, stderr: written.stderr }).toEqual({ code: 0, stderr: expect.stringContaining('已将结果保存到') });
    r.done = 1;
    expect(written.stdout).toBe(plain.stdout);
    if (entry.expected) expectReportMatches(JSON.parse(written.stdout), JSON.parse(readFileSync(join(CORPUS, entry.expected), 'utf8')));

    const result = openZip(readFileSync(copy));
    expect(result.pkg.tables.map((t) => t.name)).toEqual(expect.arrayContaining([...OUTPUT_TABLE_NAMES]));
    const problems = stepProblems(r, result, ownedParts(result, []));
    r.sheetsBefore = result.pkg.sheets.map((s) => s.name);
    expect({ file: entry.file, step: 'kpi --write', problems }).toEqual({ file: entry.file, step: 'kpi --write', problems: [] });
  });

  test('2. kam form --template customer-profile: exit 0, only the new sheet and the directory parts written', async () => {
    const r = needs(runs.get(entry.file), 2);
    const customerId = String(r.snapshot.tables.Customers!.rows[0][r.snapshot.tables.Customers!.headers.indexOf(TABLES_BY_NAME.get('Customers')!.columns[0].zh)]);
    expect(customerId).toMatch(/^C\d+$/);
    const form = await kam(['form', copy, '--template', 'customer-profile', '--customer', customerId, '--as-of', entry.asOf]);
    expect({ code: form.code, stderr: form.stderr }).toEqual({ code: 0, stderr: '' });
    r.done = 2;
    const result = openZip(readFileSync(copy));
    const added = result.pkg.sheets.map((s) => s.name).filter((n) => !r.sheetsBefore.includes(n));
    expect(added).toHaveLength(1);
    expect(form.stdout).toContain(`“${added[0]}”`);
    r.ownedSheets.push(...added);
    const problems = stepProblems(r, result, ownedParts(result, r.ownedSheets));
    r.sheetsBefore = result.pkg.sheets.map((s) => s.name);
    expect({ file: entry.file, step: 'form', problems }).toEqual({ file: entry.file, step: 'form', problems: [] });
  });

  test(`3. updateCells of a Customers text cell through the package port: only that cell of the input sheet differs`, async () => {
    const r = needs(runs.get(entry.file), 3);
    const customers = r.snapshot.tables.Customers!;
    const column = customers.headers.indexOf('联系人');
    expect(column).toBeGreaterThanOrEqual(0);
    const table = r.original.pkg.tables.find((t) => t.name === 'Customers')!;
    const excelRow = table.ref.top + table.headerRowCount;
    const ref = `${columnLetters(table.ref.left + column)}${excelRow}`;

    const opened = await openPackageFile(copy);
    await packagePort(opened.pkg).apply({ steps: [{ kind: 'updateCells', tableName: 'Customers', cells: [{ row: 0, column, value: NEW_VALUE }] }] });
    await savePackage(opened, copy);
    r.done = 3;
    r.edit = { sheet: table.sheet.name, row: excelRow - 1, col: table.ref.left + column - 1, before: customers.rows[0][column] };
    r.allow.editedCells.set(table.sheet.part!.toLowerCase(), [ref]);

    const result = openZip(readFileSync(copy));
    // The input tables read the same but for that one cell.
    const again = readSnapshot(result.pkg);
    expect(again.tables.Customers!.rows[0][column]).toBe(NEW_VALUE);
    const expected = structuredClone(r.snapshot);
    expected.tables.Customers!.rows[0][column] = NEW_VALUE;
    expect(again).toEqual(expected);
    const problems = stepProblems(r, result, ownedParts(result, r.ownedSheets));
    expect({ file: entry.file, step: 'updateCells', problems }).toEqual({ file: entry.file, step: 'updateCells', problems: [] });
  });

  test('ExcelJS (through loadWorkbook) loads the result if it loaded the original', async () => {
    const r = needs(runs.get(entry.file), 4);
    let names: string[];
    try {
      names = (await loadWorkbook(join(CORPUS, entry.file))).worksheets.map((w) => w.name);
    } catch {
      return; // ExcelJS cannot read the original either (README: openpyxl's charts, images and comments).
    }
    const wb = await loadWorkbook(r.copy);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([...names, ...Object.values(OUTPUT_SHEETS).map((s) => s.zh)]));
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice: every result once to CSV and once to PDF (two soffice calls, side by side).

describe('LibreOffice opens the results', () => {
  let originalLog = '';
  let csvLog = '';
  let pdfLog = '';
  const csvOut = join(work, 'csv-result');
  const pdfOut = join(work, 'pdf-result');

  beforeAll(async () => {
    mkdirSync(csvOut);
    mkdirSync(pdfOut);
    const files = manifest.files.filter((f) => (runs.get(f.file)?.done ?? 0) >= 3).map((f) => join(results, f.file));
    [originalLog, csvLog, pdfLog] = await Promise.all([
      originalCsv ?? Promise.resolve('the originals were not converted'),
      files.length ? soffice(join(work, 'lo-csv'), ['--convert-to', CSV_FILTER, '--outdir', csvOut, ...files]) : Promise.resolve(''),
      files.length ? soffice(join(work, 'lo-pdf'), ['--convert-to', 'pdf', '--outdir', pdfOut, ...files]) : Promise.resolve(''),
    ]);
  });

  /** What soffice said about one file: it names the files it converts, not those it cannot load. */
  function said(log: string, file: string): string {
    const line = log.split('\n').find((l) => l.includes(`/${file}`));
    const errors = [...new Set(log.split('\n').filter((l) => /error/i.test(l)))].join('; ');
    return line ? `converted (${line}) but no output` : `soffice did not convert ${file}: it could not load it (soffice said: ${errors || 'nothing'})`;
  }

  describe.each(manifest.files)('$file', (entry) => {
    const base = basename(entry.file, extname(entry.file));
    const csv = (dir: string, sheet: string): string[][] | null => {
      const path = join(dir, `${base}-${sheet}.csv`);
      return existsSync(path) ? parseCsv(readFileSync(path, 'utf8')) : null;
    };

    test('the input sheets and every other sheet of the original read the same as CSV (but for the edited cell)', () => {
      const r = needs(runs.get(entry.file), 4);
      const sheets = r.original.pkg.sheets.map((s) => s.name);
      const before = new Map(sheets.map((s) => [s, csv(join(work, 'csv-original'), s)]));
      expect({ file: entry.file, original: [...before.values()].some((c) => c !== null) || said(originalLog, entry.file) }).toEqual({ file: entry.file, original: true });
      const after = new Map(sheets.map((s) => [s, csv(csvOut, s)]));
      expect({ file: entry.file, loaded: [...after.values()].some((c) => c !== null) || said(csvLog, entry.file) }).toEqual({ file: entry.file, loaded: true });
      // Every KAM sheet and every sheet not the add-in's, as in the manifest too.
      expect(sheets).toEqual(expect.arrayContaining([...entry.kamSheets]));
      const edit = r.edit!;
      for (const sheet of sheets) {
        const expected = before.get(sheet) ?? null;
        if (expected && sheet === edit.sheet) {
          // The CSV starts at A1: the cell there was the original value.
          expect({ sheet, cell: expected[edit.row]?.[edit.col] }).toEqual({ sheet, cell: edit.before === null ? '' : String(edit.before) });
          expected[edit.row][edit.col] = NEW_VALUE;
        }
        expect({ file: entry.file, sheet, rows: after.get(sheet) }).toEqual({ file: entry.file, sheet, rows: expected });
      }
    });

    test('the result converts to a PDF', () => {
      needs(runs.get(entry.file), 4);
      const pdf = join(pdfOut, `${base}.pdf`);
      const ok = existsSync(pdf) && statSync(pdf).size > 1000 && readFileSync(pdf).subarray(0, 5).toString('latin1') === '%PDF-';
      expect({ file: entry.file, pdf: ok || said(pdfLog, entry.file) }).toEqual({ file: entry.file, pdf: true });
    });
  });
});
