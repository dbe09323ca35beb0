/**
 * How the add-in formats the columns of an input table it creates: number format, width and
 * dropdown (SPEC §2 types; the same rules `kam init` writes in src/workbook/xlsx/init.ts).
 */
import type { Lang } from '../../domain/i18n/messages';
import { ColumnDef, EXPENSE_CATEGORIES, InputTableDef, YES_NO_WORDS } from '../../domain/tables';
import type { ColumnFormat } from '../port';

/** Rows below the data that get the formats and dropdowns too, ready for the next entries. */
export const VALIDATION_ROOM = 2000;

/** Excel's column width counts characters of the default font; a CJK character takes two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * A column's width: its definition's, else room for the header, at least 8. Never exactly 9:
 * ExcelJS takes 9 for its default width and drops such a column's width on saving
 * (Column.isCustomWidth), so a 9 would come back as Excel's default 8.43 after any save.
 */
export function columnWidth(c: ColumnDef, header: string): number {
  const width = Math.max(c.width ?? 0, Math.min(40, displayWidth(header) + 3), 8);
  return width === 9 ? 10 : width;
}

/**
 * Number format of a column: ColumnDef.numFmt; text columns get Text (`@`), so that Excel keeps
 * what people type there as typed (a credit code of digits, a phone number, an ID like 0012).
 */
export function numFmtOf(c: ColumnDef): string {
  return c.numFmt ?? (c.type === 'text' ? '@' : 'General');
}

/** The words a column's dropdown offers, in the workbook's language; null for no dropdown. */
export function dropdownOf(table: InputTableDef, c: ColumnDef, lang: Lang): { words: string[]; strict: boolean } | null {
  if (c.type === 'enum') return { words: c.enum!.members.map((m) => m[lang]), strict: true };
  if (c.type === 'yesno') return { words: [YES_NO_WORDS[lang].yes, YES_NO_WORDS[lang].no], strict: true };
  // Expense categories are free text (SPEC §2 Expenses): the list suggests, any text is kept.
  if (table.name === 'Expenses' && c.key === 'category') return { words: [...EXPENSE_CATEGORIES[lang]], strict: false };
  return null;
}

/** The port's column formats of an input table, in column order. */
export function inputColumnFormats(def: InputTableDef, lang: Lang): ColumnFormat[] {
  return (def.columns as readonly ColumnDef[]).map((c) => {
    const dropdown = dropdownOf(def, c, lang);
    return { numFmt: numFmtOf(c), width: columnWidth(c, c[lang]), ...(dropdown ? { list: dropdown.words } : {}) };
  });
}
