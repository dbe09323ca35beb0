import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadResult, readBook } from '../../src/domain/book';
import { serialFromUtc } from '../../src/domain/dates';
import { DemoRow, demoRows, schemeRows, settingsRows } from '../../src/domain/demo';
import { TableSnapshot, WorkbookSnapshot } from '../../src/domain/snapshot';
import { ColumnDef, INPUT_TABLES, InputTableDef } from '../../src/domain/tables';
import { validate } from '../../src/domain/validate';
import { VALIDATION_ROOM } from '../../src/workbook/operations/columnFormats';
import { writeAtomically, writeNewWorkbook, writeTableWorkbook } from '../../src/workbook/xlsx/init';
import { loadWorkbook, readXlsxSnapshot } from '../../src/workbook/xlsx/read';

const AS_OF = serialFromUtc(2026, 11, 28);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kam-init-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function memorySnapshot(tables: Record<string, DemoRow[]>, lang: 'zh' | 'en'): WorkbookSnapshot {
  const out: Record<string, TableSnapshot> = {};
  for (const def of INPUT_TABLES) {
    const columns = def.columns as readonly ColumnDef[];
    out[def.name] = {
      tableName: def.name,
      sheetName: def.sheet[lang],
      headerRow: 1,
      firstColumn: 1,
      headers: columns.map((c) => c[lang]),
      rows: (tables[def.name] ?? []).map((r) => columns.map((c) => r[c.key] ?? null)),
    };
  }
  return { tables: out };
}

/** Parsed values, numbers rounded to what a cell keeps (date-times to well below a second). */
function values(read: ReadResult, table: string): unknown[] {
  const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1e8) / 1e8 : v);
  const rows = (read.book as unknown as Record<string, { rows: { row: number; v: Record<string, unknown> }[] }>)[table].rows;
  return rows.map((r) => ({ row: r.row, ...Object.fromEntries(Object.entries(r.v).map(([k, v]) => [k, round(v)])) }));
}

const letter = (i: number) => String.fromCharCode(65 + i);
const columnIndex = (def: InputTableDef, key: string) => (def.columns as readonly ColumnDef[]).findIndex((c) => c.key === key);
const def = (name: string) => INPUT_TABLES.find((t) => t.name === name)!;

describe.each(['zh', 'en'] as const)('kam init --demo (%s)', (lang) => {
  let path: string;
  let demo: ReturnType<typeof demoRows>;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    path = join(dir, `demo-${lang}.xlsx`);
    await writeNewWorkbook(path, { lang, demo: true, seed: 7, scale: 1, asOf: AS_OF });
    demo = demoRows({ seed: 7, scale: 1, asOf: AS_OF, lang });
    wb = await loadWorkbook(path);
  });

  test('every input table is a real Excel table with the headers of the language', async () => {
    const snapshot = await readXlsxSnapshot(path);
    for (const t of INPUT_TABLES) {
      const snap = snapshot.tables[t.name]!;
      expect(snap).toBeDefined();
      expect(snap.tableName).toBe(t.name);
      expect(snap.sheetName).toBe(t.sheet[lang]);
      expect(snap.headerRow).toBe(1);
      expect(snap.headers).toEqual((t.columns as readonly ColumnDef[]).map((c) => c[lang]));
    }
    expect(wb.worksheets.map((w) => w.name)).toEqual(INPUT_TABLES.map((t) => t.sheet[lang]));
  });

  test('reads back with no problems, no errors, and the same values as the demo', async () => {
    const read = readBook(await readXlsxSnapshot(path));
    expect(read.problems).toEqual([]);
    expect(validate(read, { asOf: AS_OF }).filter((f) => f.severity === 'error')).toEqual([]);
    const expected = readBook(memorySnapshot({ ...demo, Settings: settingsRows(lang), ScoringScheme: schemeRows(lang) }, lang));
    for (const t of INPUT_TABLES) expect(values(read, t.name)).toEqual(values(expected, t.name));
    expect(read.book.Visits.rows).toHaveLength(demo.Visits.length);
  });

  test('tables span the data, in TableStyleMedium2', () => {
    const ws = wb.getWorksheet(def('Customers').sheet[lang])!;
    const [table] = ws.getTables() as unknown as { table: { name: string; tableRef: string; headerRow: boolean; style: { theme: string } } }[];
    expect(table.table.name).toBe('Customers');
    expect(table.table.tableRef).toBe(`A1:T${demo.Customers.length + 1}`);
    expect(table.table.headerRow).toBe(true);
    expect(table.table.style.theme).toBe('TableStyleMedium2');
  });

  test('header rows are frozen', () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
  });

  test('enum and yes/no columns have dropdowns over the data and room below', () => {
    // ExcelJS keeps a sheet's validations per cell, but its typings do not declare them.
    type WithValidations = { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } };
    const dv = (sheet: string) => (wb.getWorksheet(sheet) as unknown as WithValidations).dataValidations.model;
    const customers = def('Customers');
    const status = letter(columnIndex(customers, 'status'));
    const last = demo.Customers.length + 1 + VALIDATION_ROOM;
    const words = lang === 'zh' ? '"潜在,开发中,合作中,流失"' : '"Prospect,Developing,Active,Lost"';
    for (const row of [2, 50, last]) expect(dv(customers.sheet[lang])[`${status}${row}`]).toMatchObject({ type: 'list', formulae: [words], allowBlank: true });
    expect(dv(customers.sheet[lang])[`${status}${last + 1}`]).toBeUndefined();
    expect(dv(customers.sheet[lang])['A2']).toBeUndefined();

    // Every enum and yes/no column of every table.
    for (const t of INPUT_TABLES) {
      (t.columns as readonly ColumnDef[]).forEach((c, i) => {
        const rule = dv(t.sheet[lang])[`${letter(i)}2`];
        if (c.type === 'enum') expect(rule?.formulae).toEqual([`"${c.enum!.members.map((m) => m[lang]).join(',')}"`]);
        else if (c.type === 'yesno') expect(rule?.formulae).toEqual([lang === 'zh' ? '"是,否"' : '"Yes,No"']);
        else if (!(t.name === 'Expenses' && c.key === 'category')) expect(rule).toBeUndefined();
      });
    }
    // Expense categories only suggest: any text is accepted.
    const category = dv(def('Expenses').sheet[lang])[`${letter(columnIndex(def('Expenses'), 'category'))}2`];
    expect(category?.type).toBe('list');
    expect(category?.showErrorMessage).toBeFalsy();
  });

  test('dates, date-times, amounts, percents and text have their formats; columns their widths', () => {
    const cell = (table: string, key: string, row = 2) => wb.getWorksheet(def(table).sheet[lang])!.getRow(row).getCell(columnIndex(def(table), key) + 1);
    const createdOn = cell('Customers', 'createdOn');
    expect(createdOn.numFmt).toBe('yyyy-mm-dd');
    expect(createdOn.value).toBeInstanceOf(Date);
    expect(cell('Feedback', 'receivedAt').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(cell('Contracts', 'amount').numFmt).toBe('#,##0.00');
    expect(typeof cell('Contracts', 'amount').value).toBe('number');
    expect(cell('Customers', 'creditCode').numFmt).toBe('@');
    expect(cell('Plans', 'period').numFmt).toBe('@');
    const probability = demo.Opportunities.findIndex((o) => o.winProbability !== null);
    expect(cell('Opportunities', 'winProbability', probability + 2).numFmt).toBe('0.0%');
    // Empty cells below the table take the column's format when someone types there.
    const ws = wb.getWorksheet(def('Customers').sheet[lang])!;
    expect(ws.getColumn(columnIndex(def('Customers'), 'createdOn') + 1).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getColumn(columnIndex(def('Customers'), 'name') + 1).width).toBe(24);
    expect(ws.getColumn(columnIndex(def('Customers'), 'annualValue') + 1).width).toBeGreaterThanOrEqual(lang === 'zh' ? 19 : 34);
  });

  test('the package is a valid zip with one table part per sheet', async () => {
    const zip = await JSZip.loadAsync(await readFile(path), { checkCRC32: true });
    for (let i = 1; i <= INPUT_TABLES.length; i++) {
      expect(zip.file(`xl/worksheets/sheet${i}.xml`)).not.toBeNull();
      expect(zip.file(`xl/tables/table${i}.xml`)).not.toBeNull();
    }
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types.match(/spreadsheetml\.table\+xml/g)).toHaveLength(INPUT_TABLES.length);
  });
});

describe('kam init without demo', () => {
  test.each(['zh', 'en'] as const)('every table present, data tables empty, settings and scheme filled (%s)', async (lang) => {
    const path = join(dir, `empty-${lang}.xlsx`);
    await writeNewWorkbook(path, { lang, demo: false, seed: 1, scale: 1, asOf: AS_OF });
    const snapshot = await readXlsxSnapshot(path);
    const read = readBook(snapshot);
    expect(read.problems).toEqual([]);
    expect(read.findings).toEqual([]);
    expect(validate(read, { asOf: AS_OF })).toEqual([]);
    for (const t of INPUT_TABLES) {
      expect(snapshot.tables[t.name]!.tableName).toBe(t.name);
      const rows = (read.book as unknown as Record<string, { rows: unknown[] }>)[t.name].rows;
      expect(rows).toHaveLength(t.name === 'Settings' ? 6 : t.name === 'ScoringScheme' ? 12 : 0);
    }
    // An empty table keeps one blank row: Excel tables need a data row.
    const wb = await loadWorkbook(path);
    const [staff] = wb.getWorksheet(def('Staff').sheet[lang])!.getTables() as unknown as { table: { tableRef: string } }[];
    expect(staff.table.tableRef).toBe('A1:E2');
  });
});

describe('writeTableWorkbook', () => {
  test('text is written as text: formulas stay text, XML characters survive, control characters go', async () => {
    const tricky = ['=1+1', '+8613812345678', '-5', '@SUM(A1)', '<b>&"x"</b>', '  leading and trailing  ', 'a\u0001b', '客户'.repeat(2000)];
    const rows = tricky.map((notes, i) => ({ customerId: `C${i}`, name: notes, ownerId: 'S01', status: '潜在', createdOn: AS_OF, notes }));
    const path = join(dir, 'tricky.xlsx');
    await writeTableWorkbook(path, 'zh', { Customers: rows });
    const wb = await loadWorkbook(path);
    const ws = wb.getWorksheet('客户档案')!;
    const notes = columnIndex(def('Customers'), 'notes') + 1;
    tricky.forEach((text, i) => {
      // A plain string value: a formula would read as { formula, result }.
      expect((ws.getRow(i + 2).values as ExcelJS.CellValue[])[notes]).toBe(text.replace('\u0001', ''));
    });
  });
});

describe('atomic writing', () => {
  const leftovers = async (folder: string) => (await readdir(folder)).filter((f) => f.endsWith('.tmp'));

  test('a failure leaves no file and no temp file behind', async () => {
    const folder = await mkdtemp(join(dir, 'fail-'));
    // The target is a folder: the rename at the end fails after the whole package was written.
    await mkdir(join(folder, 'book.xlsx'));
    await expect(writeNewWorkbook(join(folder, 'book.xlsx'), { lang: 'zh', demo: true, seed: 1, scale: 1, asOf: AS_OF })).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['book.xlsx']);
    // A folder that does not exist.
    await expect(writeNewWorkbook(join(folder, 'missing', 'book.xlsx'), { lang: 'zh', demo: false, seed: 1, scale: 1, asOf: AS_OF })).rejects.toThrow();
    // Bad options fail before anything is written.
    await expect(writeNewWorkbook(join(folder, 'other.xlsx'), { lang: 'zh', demo: true, seed: 1, scale: -1, asOf: AS_OF })).rejects.toThrow(RangeError);
    expect(await readdir(folder)).toEqual(['book.xlsx']);
  });

  test('a write that fails half-way keeps the old file and removes the temp file', async () => {
    const folder = await mkdtemp(join(dir, 'half-'));
    const target = join(folder, 'book.xlsx');
    await writeFile(target, 'old');
    await expect(
      writeAtomically(target, async (temp) => {
        await writeFile(temp, 'half a workbook');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await leftovers(folder)).toEqual([]);
  });

  test('an existing file is replaced whole', async () => {
    const folder = await mkdtemp(join(dir, 'replace-'));
    const target = join(folder, 'book.xlsx');
    await writeFile(target, 'old');
    await writeNewWorkbook(target, { lang: 'en', demo: false, seed: 1, scale: 1, asOf: AS_OF });
    expect(readBook(await readXlsxSnapshot(target)).problems).toEqual([]);
    expect(await readdir(folder)).toEqual(['book.xlsx']);
  });
});
