import type { Problem } from '../../domain/book';
import { CellValue, isBlank, normalizeWord } from '../../domain/cells';
import { Serial, serialFromDate } from '../../domain/dates';
import { analyse } from '../../domain/engine';
import { Finding } from '../../domain/findings';
import type { Lang } from '../../domain/i18n/messages';
import { matchHeaders } from '../../domain/parse';
import { TableSnapshot } from '../../domain/snapshot';
import { ColumnDef, TABLES_BY_NAME, YES_NO_WORDS } from '../../domain/tables';
import type { WorkbookPort } from '../port';
import { detectLang } from './language';

/** A new row: cell values keyed by column key (`staffId`, `signedOn`…); absent keys are blank. */
export type RowRecord = Readonly<Record<string, CellValue>>;

export interface AppendOptions {
  /** Language of enum and yes/no words written; default: the workbook's. */
  lang?: Lang;
  /** The as-of date of the validation (a visit done after it is in the future…). */
  asOf: Serial;
}

export type AppendOutcome =
  /** Written: the Excel rows firstRow … firstRow + count − 1; `findings` are the new rows' warnings. */
  | { kind: 'appended'; table: string; sheetName: string; firstRow: number; count: number; findings: Finding[] }
  /** A new row has an error: nothing written. `findings` are every finding on the new rows. */
  | { kind: 'refused'; table: string; findings: Finding[] }
  /** The workbook cannot be checked (a missing table or column): nothing written. */
  | { kind: 'problems'; problems: Problem[] };

/**
 * Appends rows to an input table (SPEC §2) after validating them together with the whole
 * workbook (SPEC §4): a duplicate ID, a dangling reference or a bad value in any new row refuses
 * the lot, and nothing is written. Otherwise one write puts the rows just below the table's last
 * filled row, in the table's own column order, user columns left blank.
 *
 * Values are written as given, except: enum and yes/no words (and booleans) in the workbook's
 * language, and JS Dates in date columns as Excel serials (the column's format shows them as
 * dates). Text is text even when it starts with `=`, `+`, `-` or `@` (the adapters see to it).
 */
export async function appendRows(port: WorkbookPort, tableName: string, records: readonly RowRecord[], options: AppendOptions): Promise<AppendOutcome> {
  const def = TABLES_BY_NAME.get(tableName);
  if (!def) throw new RangeError(`appendRows: no input table named ${tableName}`);
  const columns = def.columns as readonly ColumnDef[];
  const byKey = new Map(columns.map((c) => [c.key, c]));
  for (const r of records) {
    for (const k of Object.keys(r)) if (!byKey.has(k)) throw new RangeError(`appendRows: table ${def.name} has no column ${k}`);
  }

  const reply = await port.read({ inputs: true });
  const snap = reply.snapshot.tables[def.name];
  if (!snap) return { kind: 'problems', problems: [{ code: 'missing_table', table: def.name, sheet: def.sheet }] };
  const lang = options.lang ?? detectLang(reply.snapshot);
  const { positions } = matchHeaders(def, snap.headers);

  // A value for a column the table does not have cannot be written: say which column.
  const absent = columns.filter((c) => positions[c.key] === undefined && records.some((r) => !isBlank(r[c.key])));
  if (absent.length > 0) {
    return {
      kind: 'problems',
      problems: absent.map((c) => ({ code: 'missing_column', table: def.name, column: { zh: c.zh, en: c.en }, sheetName: snap.sheetName })),
    };
  }

  const rows = records.map((r) => {
    const cells: CellValue[] = new Array(snap.headers.length).fill(null);
    for (const c of columns) {
      const at = positions[c.key];
      if (at !== undefined) cells[at] = cellFor(c, r[c.key] ?? null, lang);
    }
    return cells;
  });

  // The rows land below the last filled row (a new table's blank row is filled first).
  let filled = snap.rows.length;
  while (filled > 0 && snap.rows[filled - 1].every(isBlank)) filled--;
  const firstRow = snap.headerRow + 1 + filled;
  const trial: TableSnapshot = { ...snap, rows: [...snap.rows.slice(0, filled), ...rows] };
  const analysis = analyse({ tables: { ...reply.snapshot.tables, [def.name]: trial } }, { asOf: options.asOf });
  if (analysis.problems.length > 0) return { kind: 'problems', problems: analysis.problems };

  const findings = analysis.findings.filter((f) => f.table === def.name && f.row >= firstRow);
  if (findings.some((f) => f.severity === 'error')) return { kind: 'refused', table: def.name, findings };
  if (rows.length > 0) await port.apply({ steps: [{ kind: 'appendRows', tableName: snap.tableName ?? def.name, rows }] });
  return { kind: 'appended', table: def.name, sheetName: snap.sheetName, firstRow, count: rows.length, findings };
}

/** A record's value as it goes into the cell of column `c` of a workbook in `lang`. */
function cellFor(c: ColumnDef, v: CellValue, lang: Lang): CellValue {
  if (v === undefined || v === null) return null;
  if (c.type === 'enum' && typeof v === 'string') {
    const n = normalizeWord(v);
    const member = c.enum!.members.find((m) => normalizeWord(m.zh) === n || normalizeWord(m.en) === n);
    return member ? member[lang] : v;
  }
  if (c.type === 'yesno') {
    const words = YES_NO_WORDS[lang];
    if (typeof v === 'boolean') return v ? words.yes : words.no;
    if (typeof v === 'string') {
      const n = normalizeWord(v);
      if (n === normalizeWord(YES_NO_WORDS.zh.yes) || n === normalizeWord(YES_NO_WORDS.en.yes)) return words.yes;
      if (n === normalizeWord(YES_NO_WORDS.zh.no) || n === normalizeWord(YES_NO_WORDS.en.no)) return words.no;
    }
    return v;
  }
  if ((c.type === 'date' || c.type === 'datetime') && v instanceof Date) return serialFromDate(v);
  return v;
}

