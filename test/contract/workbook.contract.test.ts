/**
 * The contract suite (DESIGN.md): one scenario run on both adapters — ExcelJS on real .xlsx
 * files, Office.js on the Excel simulator — and the resulting tables compared cell by cell.
 * Excel cannot run here; the simulator is the stand-in, and its strictness has its own tests.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { CellValue } from '../../src/domain/cells';
import { serialFromDate, serialFromUtc } from '../../src/domain/dates';
import { demoRows } from '../../src/domain/demo';
import { INPUT_TABLES } from '../../src/domain/tables';
import { officePort } from '../../src/workbook/excel';
import { appendRows, initWorkbook, recalculate, validateWorkbook } from '../../src/workbook/operations';
import { WorkbookPort } from '../../src/workbook/port';
import { xlsxPort } from '../../src/workbook/xlsx/port';
import { Simulator } from '../../src/preview/simulator';
import { removeTempDirs, saveAndReload, tempDir } from '../helpers/xlsx';
import { writeFileSync } from 'node:fs';
import { OpenedPackage, openPackageFile, savePackage } from '../../src/workbook/xlsx/package/file';
import { packagePort } from '../../src/workbook/xlsx/package/packagePort';
import { StylesPart } from '../../src/workbook/xlsx/package/styles';
import { writeZip } from '../../src/workbook/xlsx/package/zip';

const AS_OF = serialFromUtc(2026, 10, 10);
const OUTPUTS = ['KpiResults', 'Scorecards', 'Pipeline'] as const;

/** An adapter under test: a port, and a way to see the workbook as it would be reopened. */
interface Host {
  name: string;
  port(): WorkbookPort;
  /** Persist and reopen (the .xlsx is saved and loaded again; the simulator stays in memory). */
  reopen(): Promise<void>;
}

function excelJsHost(): Host {
  let wb = new ExcelJS.Workbook();
  const path = join(tempDir('kam-contract-'), 'book.xlsx');
  return {
    name: 'ExcelJS',
    port: () => xlsxPort(wb),
    reopen: async () => {
      wb = await saveAndReload(wb, path);
    },
  };
}

/**
 * The package adapter (what `kam` uses on files): each reopen saves the package by patching and
 * opens the saved file again. It starts from an empty package, as ExcelJS starts from an empty
 * workbook.
 */
function packageHost(): Host {
  const path = join(tempDir('kam-contract-pkg-'), 'book.xlsx');
  writeFileSync(path, emptyPackage());
  let opened: OpenedPackage | null = null;
  return {
    name: 'package',
    port: () => packagePort(opened!.pkg),
    reopen: async () => {
      if (opened) await savePackage(opened, path);
      opened = await openPackageFile(path);
    },
  };
}

/** A package with a workbook, styles and no sheet yet. */
function emptyPackage(): Buffer {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const rels = (items: string) => `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels': rels('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'),
    'xl/workbook.xml': `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`,
    'xl/_rels/workbook.xml.rels': rels('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'),
    'xl/styles.xml': StylesPart.parse('').toXml(),
  };
  return Buffer.concat(writeZip(Object.entries(parts).map(([name, text]) => ({ kind: 'new' as const, name, data: Buffer.from(text) }))));
}

/** `autoExpand`: Excel's AutoCorrect option "Include new rows and columns in table". */
function officeHost(autoExpand = true): Host & { sim: Simulator } {
  const sim = new Simulator();
  sim.workbook.autoExpandTables = autoExpand;
  return { name: 'Office.js', sim, port: () => officePort(sim.run), reopen: async () => undefined };
}

/**
 * Dates come back as JS Dates from ExcelJS and as serials from Office.js: compare serials, to
 * a millisecond-ish precision (an xlsx stores date-times with 17 digits, Excel's API with 15).
 */
function plain(v: CellValue): CellValue {
  const n = v instanceof Date ? serialFromDate(v) : v;
  if (typeof n === 'number') return Math.round(n * 1e7) / 1e7;
  return n === undefined || n === '' ? null : n;
}

interface TableContents {
  sheetName: string;
  headers: CellValue[];
  rows: CellValue[][];
}

async function contents(host: Host): Promise<Record<string, TableContents>> {
  const reply = await host.port().read({ inputs: true, owned: OUTPUTS });
  const out: Record<string, TableContents> = {};
  for (const [name, t] of Object.entries(reply.snapshot.tables)) {
    if (t) out[name] = { sheetName: t.sheetName, headers: t.headers.map(plain), rows: t.rows.map((r) => r.map(plain)) };
  }
  for (const [name, t] of Object.entries(reply.owned)) {
    if (t) out[name] = { sheetName: t.sheetName, headers: t.headers.map(plain), rows: t.rows.map((r) => r.map(plain)) };
  }
  return out;
}

/** The scenario of the issue: init, append, validate, recalculate 2026Q3 twice and 2026Q2 once. */
async function scenario(host: Host) {
  const log: unknown[] = [];
  await host.reopen();
  const init = await initWorkbook(host.port(), { lang: 'zh' });
  log.push(init.created.map((c) => c.table));
  await host.reopen();

  const demo = demoRows({ seed: 7, scale: 1, asOf: AS_OF });
  for (const def of INPUT_TABLES) {
    const rows = (demo as Record<string, readonly Record<string, CellValue>[]>)[def.name];
    if (!rows || rows.length === 0) continue;
    const outcome = await appendRows(host.port(), def.name, rows, { asOf: AS_OF });
    log.push([def.name, outcome.kind, outcome.kind === 'appended' ? [outcome.firstRow, outcome.count] : null]);
  }
  // A bad row is refused and nothing is written; a formula-looking customer name is kept as text.
  const refused = await appendRows(host.port(), 'Customers', [{ customerId: 'CX1', name: '坏电话', ownerId: 'S03', status: '潜在', createdOn: AS_OF, phone: '123' }], { asOf: AS_OF });
  log.push(['refused', refused.kind, refused.kind === 'refused' ? refused.findings.map((f) => [f.row, f.code]) : null]);
  const formula = await appendRows(host.port(), 'Customers', [{ customerId: 'CX2', name: '=HYPERLINK("http://x")', ownerId: 'S03', status: '潜在', createdOn: AS_OF }], { asOf: AS_OF });
  log.push(['formula', formula.kind]);
  await host.reopen();

  const validation = await validateWorkbook(host.port(), { asOf: AS_OF });
  log.push(validation.findings.map((f) => [f.table, f.row, f.column, f.code, f.severity]));
  const before = await contents(host);

  for (const period of ['2026Q3', '2026Q3', '2026Q2']) {
    const r = await recalculate(host.port(), { period, asOf: AS_OF });
    log.push([period, r.kind, r.kind === 'written' ? Object.values(r.tables).map((t) => [t.sheetName, t.created, t.rows, t.totalRows]) : null]);
    await host.reopen();
  }
  return { log, before, after: await contents(host) };
}

afterAll(removeTempDirs);

describe('one scenario, three adapters', () => {
  let excel: Awaited<ReturnType<typeof scenario>>;
  let pkg: Awaited<ReturnType<typeof scenario>>;
  let office: Awaited<ReturnType<typeof scenario>>;
  let officeNoAutoExpand: Awaited<ReturnType<typeof scenario>>;
  let sim: Simulator;

  beforeAll(async () => {
    excel = await scenario(excelJsHost());
    pkg = await scenario(packageHost());
    const host = officeHost();
    sim = host.sim;
    office = await scenario(host);
    officeNoAutoExpand = await scenario(officeHost(false));
  }, 180_000);

  it('makes the same decisions: tables created, rows appended and refused, findings, recalculations', () => {
    expect(office.log).toEqual(excel.log);
    expect(excel.log).toContainEqual(['refused', 'refused', [[expect.any(Number), 'phone']]]);
  });

  it('leaves the same tables, cell by cell', () => {
    expect(Object.keys(office.after).sort()).toEqual([...INPUT_TABLES.map((t) => t.name), ...OUTPUTS].sort());
    expect(excel.after.Visits.rows.length).toBeGreaterThan(900);
    expect(excel.after.Scorecards.rows.length).toBeGreaterThan(0);
    expect(Object.keys(office.after).sort()).toEqual(Object.keys(excel.after).sort());
    for (const name of Object.keys(excel.after)) {
      expect({ name, ...office.after[name] }).toEqual({ name, ...excel.after[name] });
    }
  });

  it('gives the same decisions and tables on the package layer (kam on files) as on ExcelJS', () => {
    expect(pkg.log).toEqual(excel.log);
    expect(Object.keys(pkg.after).sort()).toEqual(Object.keys(excel.after).sort());
    for (const name of Object.keys(excel.after)) {
      expect({ name, ...pkg.after[name] }).toEqual({ name, ...excel.after[name] });
    }
    for (const def of INPUT_TABLES) expect(pkg.after[def.name]).toEqual(pkg.before[def.name]);
  });

  it('gives the same tables when Excel does not take rows written below a table into it (AutoCorrect option off)', () => {
    expect(officeNoAutoExpand.log).toEqual(excel.log);
    for (const name of Object.keys(excel.after)) {
      expect({ name, ...officeNoAutoExpand.after[name] }).toEqual({ name, ...excel.after[name] });
    }
  });

  it('keeps exactly one set of rows per period in the outputs', () => {
    const periods = excel.after.KpiResults.rows.map((r) => r[0]);
    const q3 = periods.filter((p) => p === '2026Q3').length;
    expect(q3).toBeGreaterThan(0);
    expect(periods.filter((p) => p === '2026Q2')).toHaveLength(q3);
    expect(periods).toHaveLength(2 * q3);
  });

  it('never changes an input table while recalculating', () => {
    for (const def of INPUT_TABLES) {
      expect(excel.after[def.name]).toEqual(excel.before[def.name]);
      expect(office.after[def.name]).toEqual(office.before[def.name]);
    }
  });

  it('stores formula-looking text as text on both', () => {
    const name = (t: TableContents) => t.rows.find((r) => r[0] === 'CX2')?.[1];
    expect(name(excel.after.Customers)).toBe('=HYPERLINK("http://x")');
    expect(name(office.after.Customers)).toBe('=HYPERLINK("http://x")');
    const cells = sim.workbook.toCells()['客户档案'];
    expect(Object.values(cells).some((c) => c.formula !== undefined && String(c.formula).startsWith('=HYPERLINK'))).toBe(false);
  });

  it('recalculates on Excel in a constant number of syncs', async () => {
    sim.resetStats();
    await recalculate(officePort(sim.run), { period: '2026Q3', asOf: AS_OF });
    expect(sim.stats.syncs).toBeLessThanOrEqual(4);
  });
});
