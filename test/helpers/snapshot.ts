/**
 * Builds WorkbookSnapshots for tests from rows keyed by column key, with the Chinese or the
 * English headers of the table definitions.
 */
import { CellValue } from '../../src/domain/cells';
import { TableSnapshot, WorkbookSnapshot } from '../../src/domain/snapshot';
import { ColumnDef, INPUT_TABLES, TableDef, TableName } from '../../src/domain/tables';

export type Lang = 'zh' | 'en';
export type RowInput = Record<string, CellValue>;

export interface TableSnapshotOptions {
  /** Header language (and default sheet name): zh (default) or en. */
  lang?: Lang;
  /** Column keys to write, in this order (default: every column of the definition). */
  columns?: readonly string[];
  /** Extra user columns appended after the table's own (values come from rows by the same name). */
  extraHeaders?: readonly string[];
  /** Header text to use instead of the definition's, per column key (e.g. `合同金额(万元)`). */
  headerOverrides?: Readonly<Record<string, string>>;
  /** ListObject name; null for a plain range found by sheet name. Default: the table name. */
  tableName?: string | null;
  sheetName?: string;
  /** Excel row number of the header row (default 1: the first data row is Excel row 2). */
  headerRow?: number;
  firstColumn?: number;
}

/**
 * One table: headers from the column definitions, one data row per record. A record key that
 * is neither a column key nor an extra header throws (a typo in a test).
 */
export function tableSnapshot(def: TableDef, rows: readonly RowInput[], options: TableSnapshotOptions = {}): TableSnapshot {
  const lang = options.lang ?? 'zh';
  const all = def.columns as readonly ColumnDef[];
  const byKey = new Map(all.map((c) => [c.key, c]));
  const keys = options.columns ?? all.map((c) => c.key);
  for (const k of keys) if (!byKey.has(k)) throw new Error(`tableSnapshot: ${def.name} has no column ${k}`);
  const extra = options.extraHeaders ?? [];
  const headers: CellValue[] = [
    ...keys.map((k) => options.headerOverrides?.[k] ?? byKey.get(k)![lang]),
    ...extra,
  ];
  const known = new Set<string>([...byKey.keys(), ...extra]);
  const data = rows.map((r) => {
    for (const k of Object.keys(r)) if (!known.has(k)) throw new Error(`tableSnapshot: ${def.name} has no column ${k}`);
    return [...keys.map((k) => r[k] ?? null), ...extra.map((h) => r[h] ?? null)];
  });
  return {
    tableName: options.tableName === undefined ? def.name : options.tableName,
    sheetName: options.sheetName ?? def.sheet[lang],
    headerRow: options.headerRow ?? 1,
    firstColumn: options.firstColumn ?? 1,
    headers,
    rows: data,
  };
}

export type BookInput = Partial<Record<TableName, TableSnapshot | readonly RowInput[]>>;

export interface BookSnapshotOptions {
  lang?: Lang;
  /** Tables to leave out of the workbook entirely (a missing table). */
  omit?: readonly TableName[];
}

/**
 * A whole workbook: every input table of INPUT_TABLES, empty (headers only) unless given as
 * rows (built with tableSnapshot in `lang`) or as a ready TableSnapshot.
 */
export function bookSnapshot(partial: BookInput = {}, options: BookSnapshotOptions = {}): WorkbookSnapshot {
  const tables: Record<string, TableSnapshot> = {};
  for (const def of INPUT_TABLES) {
    if (options.omit?.includes(def.name as TableName)) continue;
    const given = partial[def.name as TableName];
    tables[def.name] =
      given && !Array.isArray(given)
        ? (given as TableSnapshot)
        : tableSnapshot(def, (given as readonly RowInput[] | undefined) ?? [], { lang: options.lang });
  }
  return { tables };
}
