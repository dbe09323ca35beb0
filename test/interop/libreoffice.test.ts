/**
 * LibreOffice, an independent spreadsheet program, opens what `kam init` writes: every sheet
 * converted to CSV has the table's headers and the demo's rows, and dates show as dates.
 * Needs `soffice` (Debian: libreoffice-calc-nogui); without it the suite fails, it never skips.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readBook } from '../../src/domain/book';
import { serialFromUtc, isoDate } from '../../src/domain/dates';
import { DemoRow, demoRows, schemeRows, settingsRows } from '../../src/domain/demo';
import { ColumnDef, INPUT_TABLES } from '../../src/domain/tables';
import { validate } from '../../src/domain/validate';
import { writeNewWorkbook } from '../../src/workbook/xlsx/init';
import { readXlsxSnapshot } from '../../src/workbook/xlsx/read';
import { parseCsv } from '../helpers/csv';

const run = promisify(execFile);
const AS_OF = serialFromUtc(2026, 11, 28);
/** UTF-8, comma, double quotes; the last token -1 writes every sheet to its own file (LibreOffice ≥ 7.2). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kam-lo-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sofficeVersion(): Promise<[number, number]> {
  let stdout: string;
  try {
    ({ stdout } = await run('soffice', ['--version'], { timeout: 60_000 }));
  } catch (error) {
    throw new Error(`LibreOffice is needed for the interop tests: 'soffice --version' failed (${(error as Error).message}). Install libreoffice-calc-nogui.`);
  }
  const m = /LibreOffice (\d+)\.(\d+)/.exec(stdout);
  if (!m) throw new Error(`cannot read the LibreOffice version from: ${stdout}`);
  return [+m[1], +m[2]];
}

/** Runs a LibreOffice conversion into a new folder (a profile of its own, so runs never share one). */
async function convert(file: string, filter: string): Promise<string> {
  const outDir = await mkdtemp(join(dir, 'out-'));
  const profile = await mkdtemp(join(dir, 'lo-profile-'));
  await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', filter, '--outdir', outDir, file], { timeout: 120_000 });
  return outDir;
}

/** Converts every sheet of a workbook to CSV; returns sheet name → CSV text. */
async function sheetsAsCsv(file: string, base: string): Promise<Map<string, string>> {
  const outDir = await convert(file, CSV_FILTER);
  const out = new Map<string, string>();
  for (const name of await readdir(outDir)) {
    if (name.startsWith(`${base}-`) && name.endsWith('.csv')) out.set(name.slice(base.length + 1, -4), await readFile(join(outDir, name), 'utf8'));
  }
  return out;
}


test('LibreOffice is installed and new enough to export every sheet', async () => {
  const [major, minor] = await sofficeVersion();
  expect(major * 100 + minor).toBeGreaterThanOrEqual(702);
});

describe.each(['zh', 'en'] as const)('a demo workbook (%s) opened by LibreOffice', (lang) => {
  let csv: Map<string, string>;
  let file: string;
  const tables: Record<string, DemoRow[]> = { ...demoRows({ seed: 11, scale: 1, asOf: AS_OF, lang }), Settings: settingsRows(lang), ScoringScheme: schemeRows(lang) };

  beforeAll(async () => {
    await sofficeVersion();
    file = join(dir, `demo-${lang}.xlsx`);
    await writeNewWorkbook(file, { lang, demo: true, seed: 11, scale: 1, asOf: AS_OF });
    csv = await sheetsAsCsv(file, `demo-${lang}`);
  });

  test('every sheet has the table headers and the demo row count', () => {
    expect([...csv.keys()].sort()).toEqual(INPUT_TABLES.map((t) => t.sheet[lang]).sort());
    for (const t of INPUT_TABLES) {
      const rows = parseCsv(csv.get(t.sheet[lang])!);
      expect({ table: t.name, headers: rows[0] }).toEqual({ table: t.name, headers: (t.columns as readonly ColumnDef[]).map((c) => c[lang]) });
      expect({ table: t.name, rows: rows.length - 1 }).toEqual({ table: t.name, rows: tables[t.name].length });
    }
  });

  test('dates show as dates, date-times with the time, codes stay text', () => {
    const customers = parseCsv(csv.get(INPUT_TABLES[1].sheet[lang])!);
    const columns = INPUT_TABLES[1].columns as readonly ColumnDef[];
    const at = (key: string) => columns.findIndex((c) => c.key === key);
    tables.Customers.forEach((c, i) => {
      const row = customers[i + 1];
      expect(row[at('createdOn')]).toBe(isoDate(c.createdOn as number));
      expect(row[at('customerId')]).toBe(c.customerId);
      expect(row[at('creditCode')]).toBe(c.creditCode ?? '');
      expect(row[at('phone')]).toBe(c.phone ?? '');
    });
    const feedback = parseCsv(csv.get(INPUT_TABLES[7].sheet[lang])!);
    const receivedAt = (INPUT_TABLES[7].columns as readonly ColumnDef[]).findIndex((c) => c.key === 'receivedAt');
    expect(feedback[1][receivedAt]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(feedback[1][receivedAt].slice(0, 10)).toBe(isoDate(tables.Feedback[0].receivedAt as number));
  });

  test('enum words are those of the language', () => {
    const staff = parseCsv(csv.get(INPUT_TABLES[0].sheet[lang])!);
    expect(staff.slice(1).map((r) => r[2])).toEqual(lang === 'zh' ? ['经理', '内勤', '专员', '专员', '专员', '专员'] : ['Manager', 'Clerk', 'Specialist', 'Specialist', 'Specialist', 'Specialist']);
  });

  test('saved again by LibreOffice, the workbook reads the same: tables, rows and values', async () => {
    const resaved = join(await convert(file, 'xlsx'), `demo-${lang}.xlsx`);
    const original = readBook(await readXlsxSnapshot(file));
    const snapshot = await readXlsxSnapshot(resaved);
    const again = readBook(snapshot);
    expect(again.problems).toEqual([]);
    for (const t of INPUT_TABLES) expect(snapshot.tables[t.name]?.tableName).toBe(t.name);
    expect(validate(again, { asOf: AS_OF }).filter((f) => f.severity === 'error')).toEqual([]);
    const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v);
    const values = (read: typeof original, name: string) =>
      (read.book as unknown as Record<string, { rows: { v: Record<string, unknown> }[] }>)[name].rows.map((r) => Object.values(r.v).map(round));
    for (const t of INPUT_TABLES) expect(values(again, t.name)).toEqual(values(original, t.name));
  });
});

test('an empty workbook (one blank row per table) is empty for LibreOffice too', async () => {
  await sofficeVersion();
  const file = join(dir, 'empty.xlsx');
  await writeNewWorkbook(file, { lang: 'zh', demo: false, seed: 1, scale: 1, asOf: AS_OF });
  const csv = await sheetsAsCsv(file, 'empty');
  for (const t of INPUT_TABLES) {
    const rows = parseCsv(csv.get(t.sheet.zh)!).filter((r) => r.some((cell) => cell !== ''));
    const expected = t.name === 'Settings' ? 6 : t.name === 'ScoringScheme' ? 12 : 0;
    expect({ table: t.name, rows: rows.length - 1 }).toEqual({ table: t.name, rows: expected });
  }
  const snapshot = await readXlsxSnapshot(join(await convert(file, 'xlsx'), 'empty.xlsx'));
  const read = readBook(snapshot);
  expect(read.problems).toEqual([]);
  expect(read.book.Customers.rows).toEqual([]);
  expect(read.book.Settings.rows).toHaveLength(6);
});
