import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CellValue, normalizeWord } from '../../../src/domain/cells';
import { TableSnapshot } from '../../../src/domain/snapshot';
import { ColumnDef, INPUT_TABLES, TABLES_BY_NAME } from '../../../src/domain/tables';
import { main } from '../../../src/cli/main';
import { readXlsxSnapshot } from '../../../src/workbook/xlsx/read';

export const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'example-2025Q4.xlsx');
export const EXPECTED_Q4 = join(__dirname, '..', '..', 'fixtures', 'example-2025Q4.expected.json');
export const EXPECTED_YEAR = join(__dirname, '..', '..', 'fixtures', 'example-2025.expected.json');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const LOCALE_VARS = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * Runs `kam` in-process, capturing what it writes. The locale variables are cleared (Chinese
 * by default) unless given, so a test does not depend on the machine's locale.
 */
export async function kam(argv: string[], env: Partial<Record<(typeof LOCALE_VARS)[number], string>> = {}): Promise<Run> {
  const saved = LOCALE_VARS.map((k) => [k, process.env[k]] as const);
  for (const k of LOCALE_VARS) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A stack trace line (`    at fn (file:1:2)`). */
export const STACK_LINE = /^\s+at\s/m;

export function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kam-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Compares numbers with a relative tolerance, everything else exactly; extra keys in `actual` allowed. */
export function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') throw new Error(`${path}: expected ${expected}, got ${JSON.stringify(actual)}`);
    const tolerance = 1e-6 * Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tolerance)) throw new Error(`${path}: expected ${expected}, got ${actual}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      throw new Error(`${path}: expected an array of ${expected.length}, got ${JSON.stringify(actual)?.slice(0, 200)}`);
    }
    expected.forEach((e, i) => expectClose(actual[i], e, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') throw new Error(`${path}: expected an object, got ${JSON.stringify(actual)}`);
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  if (actual !== expected) throw new Error(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Results and scores keyed by staff and KPI, so that the order of the lists does not matter. */
export function keyedReport(report: {
  results: { staffId: string | null; kpi: string }[];
  scores: { staffId: string; items: { kpi: string }[] }[];
}) {
  const results = Object.fromEntries(report.results.map((r) => [`${r.staffId}/${r.kpi}`, r]));
  const scores = Object.fromEntries(
    report.scores.map((s) => [s.staffId, { ...s, items: Object.fromEntries(s.items.map((i) => [i.kpi, i])) }]),
  );
  return { results, scores };
}

export function expectReportMatches(actual: Record<string, unknown>, expected: Record<string, unknown>): void {
  for (const key of ['period', 'start', 'end', 'asOf', 'excluded']) expectClose(actual[key], expected[key], `$.${key}`);
  const a = keyedReport(actual as never);
  const e = keyedReport(expected as never);
  expect(Object.keys(a.results).sort()).toEqual(Object.keys(e.results).sort());
  expect(Object.keys(a.scores).sort()).toEqual(Object.keys(e.scores).sort());
  expectClose(a, e);
}

// ---------------------------------------------------------------------------------------
// Workbooks "written by another program", rebuilt from the fixture's tables.

export interface Variant {
  /** Header language and sheet names. */
  lang: 'zh' | 'en';
  /** Real Excel tables (ListObjects) or plain ranges. */
  tables: boolean;
  /** Reverse the column order. */
  reorder?: boolean;
  /** Write `合同金额(万元)`, half-width brackets, for the Chinese headers. */
  halfWidth?: boolean;
  /** Translate enum and yes/no words into English. */
  englishWords?: boolean;
  /** Empty rows and columns before each plain range. */
  offset?: boolean;
  /** Leave these tables out. */
  dropTables?: string[];
  /** Leave these columns (`Table.key`) out. */
  dropColumns?: string[];
  /** Change cells: `Table.key` → (row index, value) → new value. */
  edit?: (table: string, key: string, rowIndex: number, value: CellValue) => CellValue;
  /** An extra user column on every table. */
  extraColumn?: boolean;
}

function columnOf(table: string, header: CellValue): ColumnDef | undefined {
  const def = TABLES_BY_NAME.get(table)!;
  const h = normalizeWord(String(header ?? ''));
  return (def.columns as readonly ColumnDef[]).find((c) => normalizeWord(c.zh) === h || normalizeWord(c.en) === h);
}

function englishWord(c: ColumnDef | undefined, v: CellValue): CellValue {
  if (!c || typeof v !== 'string') return v;
  if (c.enum) return c.enum.members.find((m) => m.zh === v.trim())?.en ?? v;
  if (c.type === 'yesno') return v.trim() === '是' ? 'Yes' : v.trim() === '否' ? 'No' : v;
  return v;
}

/** Writes a copy of the fixture's data with another writer's habits (ExcelJS, no styles). */
export async function writeVariant(path: string, variant: Variant, source = FIXTURE): Promise<void> {
  const snapshot = await readXlsxSnapshot(source);
  const wb = new ExcelJS.Workbook();
  for (const def of INPUT_TABLES) {
    if (variant.dropTables?.includes(def.name)) continue;
    const table = snapshot.tables[def.name] as TableSnapshot;
    let indices = table.headers.map((_, i) => i);
    indices = indices.filter((i) => {
      const c = columnOf(def.name, table.headers[i]);
      return !(c && variant.dropColumns?.includes(`${def.name}.${c.key}`));
    });
    if (variant.reorder) indices.reverse();
    const headers = indices.map((i) => {
      const c = columnOf(def.name, table.headers[i]);
      if (!c) return String(table.headers[i]);
      const h = variant.lang === 'en' ? c.en : c.zh;
      return variant.halfWidth ? h.replace(/（/g, '(').replace(/）/g, ')') : h;
    });
    const rows = table.rows.map((row, r) =>
      indices.map((i) => {
        const c = columnOf(def.name, table.headers[i]);
        let v: CellValue = row[i] ?? null;
        if (variant.edit && c) v = variant.edit(def.name, c.key, r, v);
        return variant.englishWords ? englishWord(c, v) : v;
      }),
    );
    if (variant.extraColumn) {
      headers.push(variant.lang === 'en' ? 'My notes' : '我的备注');
      rows.forEach((r, i) => r.push(`note ${i + 1}`));
    }
    const ws = wb.addWorksheet(variant.lang === 'en' ? def.sheet.en : def.sheet.zh);
    if (variant.tables) {
      ws.addTable({
        name: def.name,
        ref: 'A1',
        headerRow: true,
        columns: headers.map((name) => ({ name })),
        rows: rows.length > 0 ? rows.map((r) => r.map((v) => (v === undefined ? null : v))) : [headers.map(() => null)],
      });
    } else {
      const pad = variant.offset ? 1 : 0;
      if (variant.offset) ws.addRow([]);
      ws.addRow([...new Array(pad).fill(null), ...headers]);
      for (const r of rows) ws.addRow([...new Array(pad).fill(null), ...r]);
    }
  }
  await wb.xlsx.writeFile(path);
}
