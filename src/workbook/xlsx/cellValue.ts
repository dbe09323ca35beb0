import type { CellValue as ExcelJsValue } from 'exceljs';
import type { CellValue } from '../../domain/cells';

/**
 * What a person sees in an ExcelJS cell, as the engine's plain value: a formula's cached
 * result, rich text joined, a hyperlink's text, an error as its code (`#N/A`).
 */
export function plainValue(v: ExcelJsValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result && typeof result === 'object' && 'error' in result) return String((result as { error: unknown }).error);
      return plainValue(result as ExcelJsValue);
    }
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('hyperlink' in v) return plainValue((v as { text: ExcelJsValue }).text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}
