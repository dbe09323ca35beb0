/**
 * A row being typed in the Entry panel, checked with the engine's own rules as it is typed: the
 * draft goes into a copy of the workbook's snapshot just below the table's last row (where
 * appendRows will put it) and the whole workbook is analysed, so duplicates and references are
 * checked exactly as they will be on saving. Pure: no React, no Office.
 */
import type { Problem, ReadResult } from '../domain/book';
import { CellValue, isBlank, normalizeWord } from '../domain/cells';
import { Serial, isoDate } from '../domain/dates';
import { analyse } from '../domain/engine';
import type { Finding } from '../domain/findings';
import { findingMessage, type Lang } from '../domain/i18n/messages';
import { matchHeaders } from '../domain/parse';
import type { TableSnapshot, WorkbookSnapshot } from '../domain/snapshot';
import { ColumnDef, InputTableDef, TABLES_BY_NAME } from '../domain/tables';
import { columnLettersOfIndex as columnLetter } from '../domain/columnLetters';
import type { RowRecord } from '../workbook/operations';

/** What the fields hold: the text of each input, keyed by column key. */
export type Draft = Readonly<Record<string, string>>;

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

/** `1,234.5` → 1234.5; anything else stays text (the engine then says what is wrong with it). */
function numberOrText(t: string): CellValue {
  const s = t.trim();
  if (s !== '' && /\d/.test(s) && NUMBER_TEXT.test(s)) return Number(s.replace(/,/g, ''));
  return s;
}

/** `2026-07-01` (an <input type=date>) → the UTC Date appendRows writes as a serial. */
function dateOrText(t: string, withTime: boolean): CellValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(t.trim());
  if (!m) return t.trim();
  const [, y, mo, d, h, mi] = m;
  return new Date(Date.UTC(+y, +mo - 1, +d, withTime && h ? +h : 0, withTime && mi ? +mi : 0));
}

/** The draft's values as appendRows takes them (blank fields left out). */
export function recordOf(def: InputTableDef, draft: Draft): RowRecord {
  const out: Record<string, CellValue> = {};
  for (const c of def.columns as readonly ColumnDef[]) {
    const text = draft[c.key];
    if (text === undefined || text.trim() === '') continue;
    switch (c.type) {
      case 'number':
      case 'integer':
        out[c.key] = numberOrText(text);
        break;
      case 'percent': {
        const s = text.trim();
        const n = numberOrText(s.replace(/%$/, ''));
        out[c.key] = typeof n === 'number' ? (s.endsWith('%') || n > 1 ? n / 100 : n) : s;
        break;
      }
      case 'date':
        out[c.key] = dateOrText(text, false);
        break;
      case 'datetime':
        out[c.key] = dateOrText(text, true);
        break;
      case 'yesno':
        out[c.key] = text === 'yes' ? true : text === 'no' ? false : text;
        break;
      default:
        out[c.key] = text.trim();
    }
  }
  return out;
}

export interface DraftCheck {
  /** The Excel row the draft would land on. */
  row: number;
  /** Findings on the draft row (errors and warnings). */
  findings: Finding[];
  /** The workbook cannot be checked: a missing table or column. */
  problems: Problem[];
}

/** The draft's findings, as appendRows would find them on saving. */
export function checkDraft(snapshot: WorkbookSnapshot, tableName: string, record: RowRecord, asOf: Serial): DraftCheck {
  const def = TABLES_BY_NAME.get(tableName);
  if (!def) throw new RangeError(`checkDraft: no input table named ${tableName}`);
  const snap = snapshot.tables[def.name];
  if (!snap) return { row: 0, findings: [], problems: [{ code: 'missing_table', table: def.name, sheet: def.sheet }] };
  const { positions } = matchHeaders(def, snap.headers);
  const cells: CellValue[] = new Array(snap.headers.length).fill(null);
  for (const c of def.columns as readonly ColumnDef[]) {
    const at = positions[c.key];
    if (at !== undefined && record[c.key] !== undefined) cells[at] = record[c.key];
  }
  let filled = snap.rows.length;
  while (filled > 0 && snap.rows[filled - 1].every(isBlank)) filled--;
  const row = snap.headerRow + 1 + filled;
  const trial: TableSnapshot = { ...snap, rows: [...snap.rows.slice(0, filled), cells] };
  const analysis = analyse({ tables: { ...snapshot.tables, [def.name]: trial } }, { asOf });
  if (analysis.problems.length > 0) return { row, findings: [], problems: analysis.problems };
  return { row, findings: analysis.findings.filter((f) => f.table === def.name && f.row === row), problems: [] };
}

/**
 * What is wrong, without the "table row N, column:" that the field already shows
 * (findingMessage's own prefix, src/domain/i18n/messages.ts).
 */
export function findingDetail(f: Finding, lang: Lang): string {
  const full = findingMessage(f, lang);
  const column = f.column || f.key;
  const marker = lang === 'zh' ? `「${column}」：` : `"${column}": `;
  const at = full.indexOf(marker);
  return at >= 0 ? full.slice(at + marker.length) : full;
}

/**
 * The next free ID in the table's own pattern: `C0120` after `C0119`. Null when the IDs follow
 * no pattern (the field is left for the user).
 */
export function nextId(snap: TableSnapshot | undefined, def: InputTableDef): string | null {
  if (!snap || !def.idKey) return null;
  const at = matchHeaders(def, snap.headers).positions[def.idKey];
  if (at === undefined) return null;
  const counts = new Map<string, { max: number; width: number; n: number }>();
  for (const r of snap.rows) {
    const v = r[at];
    if (isBlank(v)) continue;
    const m = /^(.*?)(\d+)$/.exec(String(v).trim());
    if (!m) continue;
    const e = counts.get(m[1]) ?? { max: 0, width: 0, n: 0 };
    e.max = Math.max(e.max, Number(m[2]));
    e.width = Math.max(e.width, m[2].length);
    e.n++;
    counts.set(m[1], e);
  }
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  if (!best) return null;
  const [prefix, { max, width }] = best;
  return `${prefix}${String(max + 1).padStart(width, '0')}`;
}

export interface PickOption {
  id: string;
  label: string;
}

/** Staff or customers to pick from: `S01 张三`. */
export function pickOptions(snapshot: WorkbookSnapshot, tableName: 'Staff' | 'Customers'): PickOption[] {
  const def = TABLES_BY_NAME.get(tableName)!;
  const snap = snapshot.tables[tableName];
  if (!snap) return [];
  const { positions } = matchHeaders(def, snap.headers);
  const idAt = positions[tableName === 'Staff' ? 'staffId' : 'customerId'];
  const nameAt = positions.name;
  if (idAt === undefined) return [];
  const seen = new Set<string>();
  const out: PickOption[] = [];
  for (const r of snap.rows) {
    if (isBlank(r[idAt])) continue;
    const id = String(r[idAt]).trim();
    if (seen.has(normalizeWord(id))) continue;
    seen.add(normalizeWord(id));
    const name = nameAt === undefined || isBlank(r[nameAt]) ? '' : String(r[nameAt]).trim();
    out.push({ id, label: name ? `${id} ${name}` : id });
  }
  return out;
}

/** Where a finding's cell is: its sheet and A1 address; null when the column is not in the sheet. */
export function findingCell(read: ReadResult, f: Finding): { sheet: string; address: string } | null {
  const table = (read.book as unknown as Record<string, { source: { sheetName: string; firstColumn: number } | null; positions: Record<string, number> } | undefined>)[f.table];
  const source = table?.source;
  const at = table?.positions[f.key];
  if (!source || at === undefined) return null;
  return { sheet: source.sheetName, address: `${columnLetter(source.firstColumn - 1 + at)}${f.row}` };
}

/** A serial as the value of an <input type=date>. */
export function dateInputValue(serial: Serial): string {
  return isoDate(serial);
}
