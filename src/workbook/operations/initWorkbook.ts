import { CellValue } from '../../domain/cells';
import { DemoRow, schemeRows, settingsRows } from '../../domain/demo';
import type { Lang } from '../../domain/i18n/messages';
import { ColumnDef, INPUT_TABLES, InputTableDef } from '../../domain/tables';
import type { WorkbookPort, WriteStep } from '../port';
import { VALIDATION_ROOM, inputColumnFormats } from './columnFormats';
import { detectLang } from './language';
import { uniqueSheetName } from './sheetNames';

export interface InitOptions {
  /** Language of new sheet names, headers and dropdown words; default: the workbook's (zh when it has no tables). */
  lang?: Lang;
}

export interface InitResult {
  lang: Lang;
  /** The tables created, in workbook order, with the sheet each landed on. */
  created: { table: string; sheetName: string }[];
  /** The tables that were there already (by table name or by sheet name) and were left alone. */
  existing: string[];
}

/** A record keyed by column key → the table's cells in column order. */
export function rowCells(def: InputTableDef, record: DemoRow): CellValue[] {
  return (def.columns as readonly ColumnDef[]).map((c) => record[c.key] ?? null);
}

/** Default rows of a new table: Settings and ScoringScheme are filled (SPEC §2), the rest empty. */
function defaultRows(def: InputTableDef, lang: Lang): CellValue[][] {
  if (def.name === 'Settings') return settingsRows(lang).map((r) => rowCells(def, r));
  if (def.name === 'ScoringScheme') return schemeRows(lang).map((r) => rowCells(def, r));
  return [];
}

/**
 * Creates every input table of SPEC §2 the workbook lacks: a sheet each, the headers in the
 * workbook's language, number formats, widths, dropdowns; Settings and ScoringScheme with their
 * defaults. A table found by its table name or its sheet name is never touched. A sheet name
 * in use by something else gets Excel's ` (2)` suffix (the reader finds the table by its name).
 * One read, one write.
 */
export async function initWorkbook(port: WorkbookPort, options: InitOptions = {}): Promise<InitResult> {
  const reply = await port.read({ inputs: true });
  const lang = options.lang ?? detectLang(reply.snapshot);
  const taken = new Set(reply.sheetNames);
  const steps: WriteStep[] = [];
  const created: InitResult['created'] = [];
  const existing: string[] = [];
  for (const def of INPUT_TABLES) {
    if (reply.snapshot.tables[def.name] || reply.tableNames.some((n) => n.toLowerCase() === def.name.toLowerCase())) {
      existing.push(def.name);
      continue;
    }
    const sheetName = uniqueSheetName(def.sheet[lang], taken);
    steps.push({
      kind: 'createTable',
      sheetName,
      tableName: def.name,
      headers: (def.columns as readonly ColumnDef[]).map((c) => c[lang]),
      rows: defaultRows(def, lang),
      columns: inputColumnFormats(def, lang),
      validationRows: VALIDATION_ROOM,
    });
    created.push({ table: def.name, sheetName });
  }
  if (created.length > 0) {
    steps.push({ kind: 'activate', sheetName: created[0].sheetName });
    await port.apply({ steps });
  }
  return { lang, created, existing };
}
