import { z } from 'zod';
import { ColumnDef, rowSchema } from './columns';

export interface TableDef<C extends readonly ColumnDef[] = readonly ColumnDef[]> {
  /** The fixed ASCII table (ListObject) name. */
  name: string;
  /** Sheet names: Chinese workbook, English workbook (= the table name). */
  sheet: { zh: string; en: string };
  columns: C;
  schema: z.ZodType;
  /** Key of the unique ID column, when the table has one. */
  idKey?: C[number]['key'];
}

export function defineTable<const C extends readonly ColumnDef[]>(
  name: string,
  sheetZh: string,
  columns: C,
  idKey?: C[number]['key'],
): TableDef<C> & { schema: ReturnType<typeof rowSchema<C>> } {
  return { name, sheet: { zh: sheetZh, en: name }, columns, schema: rowSchema(columns), idKey };
}

/** The typed row of a table definition (blank or unreadable cells are null). */
export type RowOf<T extends { schema: z.ZodType }> = z.infer<T['schema']>;
