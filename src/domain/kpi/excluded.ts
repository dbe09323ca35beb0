import { ParsedRow, hasBad } from '../parse';
import { INPUT_TABLES, TableName } from '../tables';

/**
 * Field-level exclusion (SPEC §3): a row is left out of a KPI when a field that KPI reads has an
 * error. The KPIs ask here before using a row; the report counts, per table, the distinct rows
 * left out of at least one KPI.
 *
 * Only rows that could belong to the KPI are asked about: a row whose readable fields already
 * put it outside (another period, a void contract, a closed opportunity) is skipped first, so
 * an error on a 2023 contract is not counted against the figures of 2025Q4.
 */
export class Exclusions {
  private readonly rows = new Map<TableName, Set<ParsedRow>>();

  /** True when the row must be left out because one of `keys` has an error; remembers the row. */
  leaveOut(table: TableName, row: ParsedRow, keys: readonly string[]): boolean {
    if (!row.bad || row.bad.size === 0 || !hasBad(row, ...keys)) return false;
    let set = this.rows.get(table);
    if (!set) this.rows.set(table, (set = new Set()));
    set.add(row);
    return true;
  }

  /** Rows left out per table, in workbook table order; tables with none are omitted. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const def of INPUT_TABLES) {
      const n = this.rows.get(def.name)?.size ?? 0;
      if (n > 0) out[def.name] = n;
    }
    return out;
  }
}
