import { isBlank, normalizeWord } from '../../domain/cells';
import type { Lang } from '../../domain/i18n/messages';
import { WorkbookSnapshot } from '../../domain/snapshot';
import { ColumnDef, INPUT_TABLES } from '../../domain/tables';

/**
 * The workbook's language (SPEC §2: sheet names and headers are created in it): a vote of the
 * input tables' sheet names and headers, Chinese or English. A tie, or a workbook without
 * tables, is Chinese (the default).
 */
export function detectLang(snapshot: WorkbookSnapshot): Lang {
  let zh = 0;
  let en = 0;
  for (const def of INPUT_TABLES) {
    const t = snapshot.tables[def.name];
    if (!t) continue;
    const sheet = normalizeWord(t.sheetName);
    if (sheet === normalizeWord(def.sheet.zh)) zh++;
    else if (sheet === normalizeWord(def.sheet.en)) en++;
    const columns = def.columns as readonly ColumnDef[];
    for (const h of t.headers) {
      if (isBlank(h)) continue;
      const n = normalizeWord(String(h));
      if (columns.some((c) => normalizeWord(c.zh) === n)) zh++;
      else if (columns.some((c) => normalizeWord(c.en) === n)) en++;
    }
  }
  return en > zh ? 'en' : 'zh';
}
