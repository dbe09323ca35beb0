/** A validation finding (SPEC §4): where, what, how bad. The message is made per language. */
export type Severity = 'error' | 'warning';

export type FindingCode =
  // cell level
  | 'required'
  /** The cell holds an Excel error value (#N/A, #REF!…): a broken formula, never data. */
  | 'cell_error'
  | 'type'
  | 'enum'
  | 'range'
  | 'negative'
  /** A number too large to compute with (|n| ≥ 10^15, past Excel's 15 digits): sums would overflow. */
  | 'too_large'
  | 'phone'
  | 'email'
  | 'credit_code'
  | 'credit_code_check'
  | 'period'
  // row level
  | 'lost_fields'
  | 'developed_required'
  | 'lost_before_developed'
  | 'date_order'
  | 'visit_date'
  | 'future_visit'
  | 'stage_gate'
  | 'below_threshold'
  // cross-row
  | 'duplicate_id'
  | 'duplicate_name'
  | 'duplicate_plan'
  | 'ref'
  | 'missing_plan';

export interface Finding {
  /** Table name (ASCII, e.g. `Customers`). */
  table: string;
  /** Excel row number of the row. */
  row: number;
  /** The column header as written in the workbook (or the canonical one in its language). */
  column: string;
  /** The column key inside the engine (e.g. `phone`). */
  key: string;
  code: FindingCode;
  severity: Severity;
  /** Values the message shows (the bad cell's text, the referenced ID…). */
  params?: Record<string, string | number>;
}
