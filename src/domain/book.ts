import { Finding } from './findings';
import { ParsedTable, parseTable } from './parse';
import { DEFAULT_SCHEME, SchemeItem } from './scheme';
import { SettingsValues, readSettings } from './settings';
import { WorkbookSnapshot } from './snapshot';
import {
  Assessments,
  ColumnDef,
  Complaints,
  Contracts,
  Customers,
  Expenses,
  Feedback,
  INPUT_TABLES,
  Opportunities,
  Plans,
  Role,
  RowOf,
  ScoringScheme,
  Settings,
  Staff,
  Surveys,
  Visits,
} from './tables';

/** The workbook as the engine sees it: every input table parsed, settings and scheme read. */
export interface Book {
  Staff: ParsedTable<RowOf<typeof Staff>>;
  Customers: ParsedTable<RowOf<typeof Customers>>;
  Visits: ParsedTable<RowOf<typeof Visits>>;
  Contracts: ParsedTable<RowOf<typeof Contracts>>;
  Plans: ParsedTable<RowOf<typeof Plans>>;
  Opportunities: ParsedTable<RowOf<typeof Opportunities>>;
  Complaints: ParsedTable<RowOf<typeof Complaints>>;
  Feedback: ParsedTable<RowOf<typeof Feedback>>;
  Expenses: ParsedTable<RowOf<typeof Expenses>>;
  Surveys: ParsedTable<RowOf<typeof Surveys>>;
  Assessments: ParsedTable<RowOf<typeof Assessments>>;
  Settings: ParsedTable<RowOf<typeof Settings>>;
  ScoringScheme: ParsedTable<RowOf<typeof ScoringScheme>>;
  settings: SettingsValues;
  scheme: SchemeItem[];
}

/** A workbook the engine cannot work on: a table or a needed column is missing. */
export type Problem =
  | { code: 'missing_table'; table: string; sheet: { zh: string; en: string } }
  | { code: 'missing_column'; table: string; column: { zh: string; en: string }; sheetName: string };

export interface ReadResult {
  book: Book;
  /** Cell-level findings and settings errors; validate() adds the row and cross-table rules. */
  findings: Finding[];
  problems: Problem[];
}

/** Parses every input table of a snapshot. Never throws on cell contents. */
export function readBook(snapshot: WorkbookSnapshot): ReadResult {
  const findings: Finding[] = [];
  const problems: Problem[] = [];
  const tables: Record<string, ParsedTable> = {};
  for (const def of INPUT_TABLES) {
    const parsed = parseTable(def, snapshot.tables[def.name], findings);
    tables[def.name] = parsed;
    if (!parsed.source) {
      problems.push({ code: 'missing_table', table: def.name, sheet: def.sheet });
      continue;
    }
    for (const c of parsed.missing as ColumnDef[]) {
      problems.push({ code: 'missing_column', table: def.name, column: { zh: c.zh, en: c.en }, sheetName: parsed.source.sheetName });
    }
  }
  const t = tables as unknown as Omit<Book, 'settings' | 'scheme'>;
  const settings = readSettings(t.Settings, findings);
  const book: Book = { ...t, settings, scheme: readScheme(t.ScoringScheme) };
  return { book, findings, problems };
}

/** Scheme rows that read cleanly; with no ScoringScheme table at all, the seeded defaults. */
function readScheme(table: Book['ScoringScheme']): SchemeItem[] {
  if (!table.source) return [...DEFAULT_SCHEME];
  const items: SchemeItem[] = [];
  for (const r of table.rows) {
    const { role, kpi, weight, target, direction } = r.v;
    if (r.bad || role === null || kpi === null || weight === null) continue;
    items.push({ role: role as Role, kpi: kpi.trim(), weight, target, direction: (direction ?? '越高越好') as SchemeItem['direction'] });
  }
  return items;
}
