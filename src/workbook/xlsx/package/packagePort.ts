/**
 * The WorkbookPort of an .xlsx package, written by patching (issue 8): a plan's steps edit
 * only the parts the add-in owns — its own sheets and tables, the directory parts, styles it
 * appends to — and, for the steps that exist to change input tables (appendRows, updateCells),
 * exactly those rows or cells of the input sheet. Every other part is saved as the bytes it was
 * read from: pivots, charts, macros, comments, filters and formulas survive a save because the
 * add-in never holds them.
 *
 * Values: text is always an inline string (SPEC §4: never a formula), numbers numbers, a Date
 * its serial, booleans booleans, null an empty cell.
 */
import type { CellValue } from '../../../domain/cells';
import { columnLetters } from '../../../domain/columnLetters';
import type { ColumnFormat, ReadReply, ReadRequest, WorkbookPort, WritePlan, WriteStep } from '../../port';
import { Box, TableInfo, XlsxPackage, decodeRange } from './package';
import { addOverride, addRelationship } from './opc';
import { findTable, lastFilledRow, readSnapshot, tableValues } from './readTables';
import { RowEdits, cellXml, patchSheetData, rowStyles, sheetPrefix } from './sheetData';
import { CONTENT_TYPES, TABLE_TYPE, activateSheet, addDefinedNames, addWorksheet, freePartName, namespaces } from './workbookPart';
import { attributes, escapeXml, findTags, setAttribute } from './xml';

const TABLE_STYLE = 'TableStyleMedium2';
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const rangeRef = (b: Box) => `${columnLetters(b.left)}${b.top}:${columnLetters(b.right)}${b.bottom}`;

function checkWidth(rows: readonly CellValue[][], width: number, table: string): void {
  for (const r of rows) if (r.length > width) throw new Error(`a row of ${r.length} values does not fit table ${table} of ${width} columns`);
}

function tableOf(pkg: XlsxPackage, name: string): TableInfo {
  const t = findTable(pkg, name);
  if (!t) throw new Error(`the workbook has no table ${name}`);
  if (t.totalsRowCount > 0) throw new Error(`table ${t.name} has a totals row: remove it to let the add-in write rows`);
  return t;
}

/** Moves a table's bottom edge in its part (`ref` and its autoFilter's). */
function resizeTable(pkg: XlsxPackage, t: TableInfo, bottom: number): void {
  if (bottom === t.ref.bottom) return;
  const box = { ...t.ref, bottom };
  let xml = pkg.text(t.part);
  const table = findTags(xml, 'table')[0];
  xml = `${xml.slice(0, table.start)}${setAttribute(table.tag, 'ref', rangeRef(box))}${xml.slice(table.end)}`;
  const filter = findTags(xml, 'autoFilter')[0];
  if (filter) xml = `${xml.slice(0, filter.start)}${setAttribute(filter.tag, 'ref', rangeRef(box))}${xml.slice(filter.end)}`;
  pkg.set(t.part, xml);
  t.ref = box;
}

/** Widens a sheet's `<dimension>` to cover a box (a hint to readers; never narrowed). */
function coverDimension(xml: string, box: Box): string {
  const dim = findTags(xml, 'dimension')[0];
  if (!dim) return xml;
  let cur: Box;
  try {
    cur = decodeRange(attributes(dim.tag).ref ?? 'A1');
  } catch {
    return xml; // a dimension we cannot read is left as it is: it is only a hint
  }
  const next = { top: Math.min(cur.top, box.top), left: Math.min(cur.left, box.left), bottom: Math.max(cur.bottom, box.bottom), right: Math.max(cur.right, box.right) };
  if (next.top === cur.top && next.left === cur.left && next.bottom === cur.bottom && next.right === cur.right) return xml;
  return `${xml.slice(0, dim.start)}${setAttribute(dim.tag, 'ref', rangeRef(next))}${xml.slice(dim.end)}`;
}

/**
 * Dropdowns and other data validations that reach the row new rows copy their styles from
 * follow the table down to `end`, as Excel extends them when a table grows: a row the add-in
 * appends keeps its column's list. Ranges elsewhere, or already reaching `end`, are left alone;
 * both spellings are read (`sqref="…"`, and `<xm:sqref>` of Excel 2010's extension list).
 */
function extendValidations(xml: string, t: TableInfo, template: number, end: number): string {
  if (!xml.includes('ataValidation')) return xml;
  const grow = (sqref: string) =>
    sqref
      .split(/(\s+)/)
      .map((ref) => {
        let b: Box;
        try {
          b = decodeRange(ref);
        } catch {
          return ref; // white space, or a reference we cannot read: as it was
        }
        const reaches = b.left >= t.ref.left && b.right <= t.ref.right && b.top <= template && b.bottom >= template && b.bottom < end;
        return reaches ? rangeRef({ ...b, bottom: end }) : ref;
      })
      .join('');
  return xml
    .replace(/(<(?:[\w.-]+:)?dataValidation\s[^>]*?\bsqref=")([^"]*)(")/g, (_, a: string, ref: string, z: string) => a + grow(ref) + z)
    .replace(/(<xm:sqref>)([^<]*)(<\/xm:sqref>)/g, (_, a: string, ref: string, z: string) => a + grow(ref) + z);
}

/** The cells of rows `first…` of a table written with the styles of a template row, as row edits. */
function rowEdits(pkg: XlsxPackage, t: TableInfo, xml: string, first: number, rows: readonly CellValue[][], template: number | null): Map<number, RowEdits> {
  const prefix = sheetPrefix(xml);
  const styles = template === null ? new Map<number, string>() : rowStyles(xml, template);
  const edits = new Map<number, RowEdits>();
  rows.forEach((values, i) => {
    const r = first + i;
    const row: RowEdits = new Map();
    for (let c = t.ref.left; c <= t.ref.right; c++) row.set(c, cellXml(prefix, r, c, values[c - t.ref.left], styles.get(c), pkg.date1904));
    edits.set(r, row);
  });
  return edits;
}

function appendRows(pkg: XlsxPackage, step: Extract<WriteStep, { kind: 'appendRows' }>): void {
  const t = tableOf(pkg, step.tableName);
  const width = t.ref.right - t.ref.left + 1;
  checkWidth(step.rows, width, step.tableName);
  if (step.rows.length === 0) return;
  const part = t.sheet.part!;
  const cells = pkg.sheetCells(t.sheet);
  // Below the last filled row: the blank rows a table may end with (a new table has one) are filled first.
  const last = lastFilledRow(pkg, t);
  const first = last + 1;
  const end = first + step.rows.length - 1;
  for (let r = t.ref.bottom + 1; r <= end; r++) {
    const row = cells.rows.get(r);
    if (row?.cols.some((c, i) => c >= t.ref.left && c <= t.ref.right && row.values[i] !== null && row.values[i] !== '')) {
      throw new Error(`table ${step.tableName} cannot grow: row ${r} below it on sheet ${t.sheet.name} is not empty`);
    }
  }
  const template = last > t.ref.top ? last : t.ref.bottom > t.ref.top ? t.ref.top + 1 : null;
  let xml = pkg.text(part);
  xml = patchSheetData(xml, rowEdits(pkg, t, xml, first, step.rows, template));
  if (template !== null) xml = extendValidations(xml, t, template, end);
  pkg.set(part, coverDimension(xml, { ...t.ref, bottom: end }));
  if (end > t.ref.bottom) resizeTable(pkg, t, end);
}

function replaceRows(pkg: XlsxPackage, step: Extract<WriteStep, { kind: 'replaceRows' }>): void {
  const t = tableOf(pkg, step.tableName);
  const width = t.ref.right - t.ref.left + 1;
  checkWidth(step.rows, width, step.tableName);
  // An Excel table keeps at least one data row: an empty body is one blank row.
  const rows = step.rows.length > 0 ? step.rows : [new Array<CellValue>(width).fill(null)];
  const oldBottom = t.ref.bottom;
  const newBottom = t.ref.top + rows.length;
  const cells = pkg.sheetCells(t.sheet);
  for (let r = oldBottom + 1; r <= newBottom; r++) {
    const row = cells.rows.get(r);
    if (row?.cols.some((c) => c >= t.ref.left && c <= t.ref.right)) throw new Error(`table ${step.tableName} cannot grow: row ${r} below it on sheet ${t.sheet.name} is not empty`);
  }
  const part = t.sheet.part!;
  let xml = pkg.text(part);
  const template = oldBottom > t.ref.top ? t.ref.top + 1 : null;
  const edits = rowEdits(pkg, t, xml, t.ref.top + 1, rows, template);
  // Rows the table no longer holds are emptied (their formats stay, harmless outside the table).
  for (let r = newBottom + 1; r <= oldBottom; r++) {
    edits.set(r, new Map(Array.from({ length: width }, (_, i) => [t.ref.left + i, ''])));
  }
  xml = patchSheetData(xml, edits);
  pkg.set(part, coverDimension(xml, { ...t.ref, bottom: newBottom }));
  resizeTable(pkg, t, newBottom);
}

function updateCells(pkg: XlsxPackage, step: Extract<WriteStep, { kind: 'updateCells' }>): void {
  const t = tableOf(pkg, step.tableName);
  const width = t.ref.right - t.ref.left + 1;
  const part = t.sheet.part!;
  let xml = pkg.text(part);
  const prefix = sheetPrefix(xml);
  const edits = new Map<number, RowEdits>();
  // Each row's cell styles read once (a scan of the sheet's text), not once per cell.
  const styles = new Map<number, Map<number, string>>();
  const stylesOf = (r: number) => styles.get(r) ?? styles.set(r, rowStyles(xml, r)).get(r)!;
  for (const cell of step.cells) {
    const r = t.ref.top + t.headerRowCount + cell.row;
    if (cell.column < 0 || cell.column >= width || cell.row < 0 || r > t.ref.bottom) throw new Error(`cell ${cell.row},${cell.column} is outside table ${t.name}`);
    const c = t.ref.left + cell.column;
    // The cell keeps its own format; a cell that had none takes the column's first data row's.
    const style = stylesOf(r).get(c) ?? stylesOf(t.ref.top + t.headerRowCount).get(c);
    if (!edits.has(r)) edits.set(r, new Map());
    edits.get(r)!.set(c, cellXml(prefix, r, c, cell.value, style, pkg.date1904));
  }
  xml = patchSheetData(xml, edits);
  pkg.set(part, xml);
}

function columnsXml(columns: readonly ColumnFormat[], styles: number[]): string {
  const cols = columns
    .map((f, i) => {
      const width = f.width !== undefined ? ` width="${f.width}" customWidth="1"` : '';
      const style = styles[i] ? ` style="${styles[i]}"` : '';
      return width || style ? `<col min="${i + 1}" max="${i + 1}"${width || ' width="13" customWidth="1"'}${style}/>` : '';
    })
    .join('');
  return cols ? `<cols>${cols}</cols>` : '';
}

function validationsXml(columns: readonly ColumnFormat[], lastRow: number): string {
  const items = columns.flatMap((f, i) => {
    if (!f.list || f.list.length === 0) return [];
    const letter = columnLetters(i + 1);
    const words = `"${f.list.map((w) => w.replace(/"/g, '""')).join(',')}"`;
    // A warning, not a stop: the reader takes the other language's word too (SPEC §2).
    return [`<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="warning" sqref="${letter}2:${letter}${lastRow}"><formula1>${escapeXml(words)}</formula1></dataValidation>`];
  });
  return items.length ? `<dataValidations count="${items.length}">${items.join('')}</dataValidations>` : '';
}

function createTable(pkg: XlsxPackage, step: Extract<WriteStep, { kind: 'createTable' }>): void {
  if (pkg.sheets.some((s) => sameName(s.name, step.sheetName))) throw new Error(`a sheet named ${step.sheetName} exists already`);
  if (findTable(pkg, step.tableName)) throw new Error(`a table named ${step.tableName} exists already`);
  const width = step.headers.length;
  checkWidth(step.rows, width, step.tableName);
  const ns = namespaces(pkg);
  const styles = pkg.styles();
  const xfs = step.columns.map((f) => (f.numFmt && f.numFmt !== 'General' ? styles.numFmtStyle(f.numFmt) : 0));
  const rows = step.rows.length > 0 ? step.rows : [[]];
  const box: Box = { top: 1, left: 1, bottom: 1 + rows.length, right: width };
  const header = `<row r="1">${step.headers.map((h, i) => cellXml('', 1, i + 1, h, undefined, pkg.date1904)).join('')}</row>`;
  const body = rows.map((r, i) => `<row r="${i + 2}">${Array.from({ length: width }, (_, j) => cellXml('', i + 2, j + 1, r[j], xfs[j] ? String(xfs[j]) : undefined, pkg.date1904)).join('')}</row>`);
  const sheetPart = freePartName(pkg, 'xl/worksheets', 'sheet');
  const tablePart = freePartName(pkg, 'xl/tables', 'table');
  const sheetXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">` +
    `<dimension ref="${rangeRef(box)}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    `${columnsXml(step.columns, xfs)}<sheetData>${header}${body.join('')}</sheetData>` +
    validationsXml(step.columns, box.bottom + step.validationRows) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';
  const sheet = addWorksheet(pkg, step.sheetName, sheetPart, sheetXml);
  const id = Math.max(0, ...pkg.tables.map((t) => t.id)) + 1;
  const tableXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${ns.main}" id="${id}" name="${escapeXml(step.tableName)}" displayName="${escapeXml(step.tableName)}" ref="${rangeRef(box)}" totalsRowShown="0">` +
    `<autoFilter ref="${rangeRef(box)}"/><tableColumns count="${width}">${step.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  pkg.set(tablePart, tableXml);
  pkg.set(`${sheetPart.replace(/[^/]+$/, '')}_rels/${sheetPart.split('/').pop()}.rels`, addRelationship(null, { id: 'rId1', type: ns.relType('table'), target: `../tables/${tablePart.split('/').pop()}` }));
  pkg.set(CONTENT_TYPES, addOverride(pkg.text(CONTENT_TYPES), tablePart, TABLE_TYPE));
  pkg.tables.push({ name: step.tableName, part: tablePart, sheet, ref: box, headerRowCount: 1, totalsRowCount: 0, id });
}

async function addSheet(pkg: XlsxPackage, step: Extract<WriteStep, { kind: 'addSheet' }>): Promise<void> {
  if (pkg.sheets.some((s) => sameName(s.name, step.sheetName))) throw new Error(`a sheet named ${step.sheetName} exists already`);
  // Loaded when a form is drawn: ExcelJS (which renders it) costs ~170 ms to load, and
  // `kam kpi` never needs it.
  const { formSheetPart } = await import('./formSheet');
  const form = await formSheetPart(step.grid, step.sheetName, pkg.styles());
  addWorksheet(pkg, step.sheetName, freePartName(pkg, 'xl/worksheets', 'sheet'), form.sheetXml);
  addDefinedNames(pkg, pkg.sheets.length - 1, form.definedNames);
}

/** Writes back the styles part when a step appended to it. */
function flushStyles(pkg: XlsxPackage): void {
  const styles = pkg.styles();
  if (!styles.changed) return;
  const part = pkg.stylesPartName();
  if (part) pkg.set(part, styles.toXml());
  else throw new Error('the workbook has no styles part to add number formats to');
}

/** The WorkbookPort of a package; `apply` stages the edits in it (saved with savePackage). */
export function packagePort(pkg: XlsxPackage): WorkbookPort {
  return {
    async read(request: ReadRequest): Promise<ReadReply> {
      const snapshot = request.inputs ? readSnapshot(pkg) : { tables: {} };
      const owned: ReadReply['owned'] = {};
      for (const name of request.owned ?? []) {
        const t = findTable(pkg, name);
        owned[name] = t ? { sheetName: t.sheet.name, ...tableValues(pkg, t) } : null;
      }
      return { snapshot, owned, sheetNames: pkg.sheets.map((s) => s.name), tableNames: pkg.tables.map((t) => t.name) };
    },
    async apply(plan: WritePlan): Promise<void> {
      for (const step of plan.steps) {
        switch (step.kind) {
          case 'createTable':
            createTable(pkg, step);
            break;
          case 'appendRows':
            appendRows(pkg, step);
            break;
          case 'replaceRows':
            replaceRows(pkg, step);
            break;
          case 'updateCells':
            updateCells(pkg, step);
            break;
          case 'addSheet':
            await addSheet(pkg, step);
            break;
          case 'activate':
            activateSheet(pkg, step.sheetName);
            break;
        }
      }
      flushStyles(pkg);
    },
  };
}
