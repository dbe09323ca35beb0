import { join } from 'node:path';
import type { Book } from '../../../src/domain/book';
import { CellValue } from '../../../src/domain/cells';
import { serialFromUtc } from '../../../src/domain/dates';
import { analyse } from '../../../src/domain/engine';
import { FormCell, FormError, FormGrid, FormRequest, buildForm, isFormError } from '../../../src/domain/forms';
import type { Lang } from '../../../src/domain/i18n/messages';
import { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { readXlsxSnapshot } from '../../../src/workbook/xlsx/read';

export const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'example-2025Q4.xlsx');
/** The worked example's as-of day (test/fixtures/README.md). */
export const AS_OF = serialFromUtc(2026, 1, 10);
export const FORMULA = '=HYPERLINK("http://x")';

let cached: Promise<WorkbookSnapshot> | undefined;

/**
 * A fresh copy of the worked example's snapshot (tests may edit it). Copied by hand: structuredClone
 * would make its dates Dates of another realm than jest's, which the cell reader does not take.
 */
export async function fixtureSnapshot(): Promise<WorkbookSnapshot> {
  cached ??= readXlsxSnapshot(FIXTURE);
  const snapshot = await cached;
  const tables: WorkbookSnapshot['tables'] = {};
  for (const [name, t] of Object.entries(snapshot.tables)) {
    if (t) tables[name] = { ...t, headers: [...t.headers], rows: t.rows.map((r) => [...r]) };
  }
  return { tables };
}

/** The book as `kam form` reads it: through analyse (validated). */
export function bookOf(snapshot: WorkbookSnapshot): Book {
  const analysis = analyse(snapshot, { asOf: AS_OF });
  if (analysis.problems.length > 0) throw new Error(`fixture problems: ${JSON.stringify(analysis.problems)}`);
  return analysis.read.book;
}

/** Changes one cell of a table in the snapshot, by row ID (first column) and header. */
export function editCell(snapshot: WorkbookSnapshot, table: string, rowId: string, header: string, value: CellValue): void {
  const t = snapshot.tables[table]!;
  const col = t.headers.findIndex((h) => h === header);
  if (col < 0) throw new Error(`no column ${header} in ${table}`);
  const row = t.rows.find((r) => r[0] === rowId);
  if (!row) throw new Error(`no row ${rowId} in ${table}`);
  row[col] = value;
}

/** Adds a row to a table of the snapshot, by header. */
export function addRow(snapshot: WorkbookSnapshot, table: string, values: Record<string, CellValue>): void {
  const t = snapshot.tables[table]!;
  t.rows.push(t.headers.map((h) => values[String(h)] ?? null));
}

export function grid(book: Book, request: Omit<FormRequest, 'asOf'> & { asOf?: number }, lang: Lang = 'zh'): FormGrid {
  const out = buildForm(book, { asOf: AS_OF, ...request }, lang);
  if (isFormError(out)) throw new Error(`expected a form, got ${out.message.en}`);
  return out;
}

export function error(book: Book, request: Omit<FormRequest, 'asOf'>, lang: Lang = 'zh'): FormError {
  const out = buildForm(book, { asOf: AS_OF, ...request }, lang);
  if (!isFormError(out)) throw new Error('expected an error, got a form');
  return out;
}

export function cellAt(g: FormGrid, row: number, col: number): FormCell | undefined {
  return g.cells.find((c) => c.row === row && c.col === col);
}

/** Cells holding exactly this value. */
export function cellsWith(g: FormGrid, value: string | number): FormCell[] {
  return g.cells.filter((c) => c.value === value);
}

export function onlyCell(g: FormGrid, value: string | number): FormCell {
  const found = cellsWith(g, value);
  if (found.length !== 1) throw new Error(`expected one cell with ${String(value)}, found ${found.length}`);
  return found[0];
}

/** The merged box starting at a cell, or the cell itself. */
export function boxAt(g: FormGrid, row: number, col: number) {
  return g.merges.find((m) => m.box.top === row && m.box.left === col)?.box ?? { top: row, left: col, bottom: row, right: col };
}

/** The cell right of a label (the label's merge width further): a field's value. */
export function fieldValue(g: FormGrid, label: string, nth = 0): FormCell | undefined {
  const labels = cellsWith(g, label).filter((c) => c.style === 'label' || c.style === 'headerLabel');
  const l = labels[nth];
  if (!l) throw new Error(`no label ${label}`);
  const box = boxAt(g, l.row, l.col);
  return cellAt(g, l.row, box.right + 1);
}

/** The values of a table's body: the rows under the header row holding `firstHeader`, until a row without cells in that column span. */
export function tableRows(g: FormGrid, firstHeader: string): (string | number | null)[][] {
  const head = cellsWith(g, firstHeader).find((c) => c.style === 'th');
  if (!head) throw new Error(`no table headed ${firstHeader}`);
  const columns = g.cells.filter((c) => c.row === head.row).map((c) => c.col);
  const out: (string | number | null)[][] = [];
  for (let r = head.row + 1; r <= g.rows; r++) {
    const cells = g.cells.filter((c) => c.row === r);
    if (cells.length === 0 || cells.some((c) => c.style === 'section' || c.style === 'th' || c.style === 'note' || c.style === 'label')) break;
    out.push(columns.map((col) => cellAt(g, r, col)?.value ?? null));
  }
  return out;
}

/** Every text of the grid, joined: what a reader sees. */
export function allText(g: FormGrid): string {
  return g.cells.map((c) => (c.value === null ? '' : String(c.value))).join('\n');
}

export const HEADER_LABELS: Record<Lang, string[]> = {
  zh: ['文案名称', '编号', '执行部门', '监督部门'],
  en: ['Document', 'Doc. No.', 'Executed by', 'Supervised by'],
};
export const FOOTER_LABELS: Record<Lang, string[]> = {
  zh: ['编制人员', '审核人员', '批准人员', '编制日期', '审核日期', '批准日期'],
  en: ['Prepared by', 'Reviewed by', 'Approved by', 'Prepared on', 'Reviewed on', 'Approved on'],
};

function overlap(a: { top: number; left: number; bottom: number; right: number }, b: typeof a): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * What every form has: the merged bold title, the header block (文案名称 = the title, 编号,
 * 执行部门 大客户部, 监督部门), the approval footer with blank bordered cells to sign, and the
 * print setup; and a well-formed grid (cells inside, merges apart, styles known).
 */
export function expectCommonLayout(g: FormGrid, lang: Lang, title: string, number: string, supervising: string): void {
  expect(g.kind).toBe('grid');
  expect(g.lang).toBe(lang);
  expect(g.title).toBe(title);
  // Title: row 1, merged over the 12 columns, bold and large.
  expect(cellAt(g, 1, 1)).toEqual({ row: 1, col: 1, value: title, style: 'title' });
  expect(boxAt(g, 1, 1)).toEqual({ top: 1, left: 1, bottom: 1, right: g.cols });
  expect(g.merges.find((m) => m.ref === 'A1:L1')).toBeDefined();
  expect(g.styles.title.font.bold).toBe(true);
  expect(g.styles.title.font.size).toBeGreaterThanOrEqual(16);
  expect(g.styles.title.horizontal).toBe('center');

  // Header block.
  const [name, no, exec, sup] = HEADER_LABELS[lang];
  expect(fieldValue(g, name)?.value).toBe(title);
  expect(fieldValue(g, no)?.value).toBe(number);
  expect(fieldValue(g, exec)?.value).toBe(lang === 'zh' ? '大客户部' : 'Key Account Department');
  expect(fieldValue(g, sup)?.value).toBe(supervising);
  for (const label of HEADER_LABELS[lang]) expect(onlyCell(g, label).row).toBeLessThanOrEqual(3);

  // Footer: the last two rows, labels with blank cells to sign and date by hand, bordered.
  for (const label of FOOTER_LABELS[lang]) {
    const cell = onlyCell(g, label);
    expect(cell.row).toBeGreaterThanOrEqual(g.rows - 1);
    const blank = fieldValue(g, label)!;
    expect(blank.value).toBeNull();
    const box = boxAt(g, blank.row, blank.col);
    const bordered = g.borders.some(
      (b) => b.box.top <= box.top && b.box.bottom >= box.bottom && b.box.left <= box.left && b.box.right >= box.right && b.edges.bottom,
    );
    expect(bordered).toBe(true);
  }

  // Print setup: A4 portrait, one page wide, the whole form, the title rows on every page.
  expect(g.print).toMatchObject({
    area: `A1:L${g.rows}`,
    titleRows: { first: 1, last: 3, ref: '1:3' },
    orientation: 'portrait',
    paperSize: 'A4',
    fitToWidth: 1,
    fitToHeight: 0,
  });
  expect(g.print.footer).toContain('&P');

  // A well-formed grid.
  expect(g.cols).toBe(12);
  expect(g.columnWidths).toHaveLength(g.cols);
  expect(g.rowHeights).toHaveLength(g.rows);
  expect(g.rowHeights.every((h) => h >= 8 && h <= 409)).toBe(true);
  // About 90 characters: A4 portrait at 100 %.
  expect(g.columnWidths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(95);
  for (const c of g.cells) {
    expect(c.row).toBeGreaterThanOrEqual(1);
    expect(c.row).toBeLessThanOrEqual(g.rows);
    expect(c.col).toBeGreaterThanOrEqual(1);
    expect(c.col).toBeLessThanOrEqual(g.cols);
    expect(g.styles[c.style]).toBeDefined();
  }
  const seen = new Set<string>();
  for (const c of g.cells) {
    const key = `${c.row},${c.col}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
  }
  g.merges.forEach((m, i) => {
    for (const other of g.merges.slice(i + 1)) expect(overlap(m.box, other.box)).toBe(false);
    expect(m.box.right).toBeLessThanOrEqual(g.cols);
    expect(m.box.bottom).toBeLessThanOrEqual(g.rows);
  });
  // A cell is never hidden under another one's merge.
  for (const c of g.cells) {
    const covering = g.merges.find((m) => overlap(m.box, { top: c.row, left: c.col, bottom: c.row, right: c.col }));
    if (covering) expect([covering.box.top, covering.box.left]).toEqual([c.row, c.col]);
  }
}

/** A formula-looking value sits in a text cell (`@`), as a plain string. */
export function expectText(g: FormGrid, value: string): FormCell {
  const cell = onlyCell(g, value);
  expect(typeof cell.value).toBe('string');
  expect(g.styles[cell.style].numFmt).toBe('@');
  return cell;
}

/** The form's own words (labels, headings, notes) are English: only data may be Chinese. */
export function expectNoChineseWords(g: FormGrid): void {
  const own = g.cells.filter((c) => ['title', 'meta', 'headerLabel', 'section', 'label', 'th', 'note', 'signatureTitle', 'signatureLine'].includes(c.style));
  for (const c of own) expect([c.style, c.value]).toEqual([c.style, expect.not.stringMatching(/[\u4e00-\u9fff]/)]);
  expect(g.print.footer).not.toMatch(/[\u4e00-\u9fff]/);
}
