import type { ReadResult } from './book';
import { normalizeWord } from './cells';
import { isEmail, isPhone } from './contact';
import { checkCreditCode } from './creditCode';
import { Serial, isoDate, ymdFromSerial } from './dates';
import { Finding, FindingCode, Severity } from './findings';
import { ParsedRow, ParsedTable, markBad } from './parse';
import { Period, quarterPeriod } from './periods';
import { ColumnDef, INPUT_TABLES, STAGE, STAGE_KEY_NODES, TABLES_BY_NAME } from './tables';

export interface ValidateOptions {
  /** The as-of date (today, or `--as-of`): visits after it are in the future. */
  asOf: Serial;
  /** The period checked for missing plans; default: the quarter that contains asOf. */
  period?: Period;
}

type Row = ParsedRow;
type Table = ParsedTable;
type Params = Record<string, string | number>;

// Module-level aliases of the builtins used per row: under jest's vm sandbox every global
// lookup is slow, and the hot loops run 100,000s of times.
const { floor, round } = Math;
const finite = Number.isFinite;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * `2026-07-01` for a day serial, by integer arithmetic (days → civil date, H. Hinnant's
 * algorithm): validation may format tens of thousands of dates, and Date objects are slow.
 * Serials before 1900-03-01 carry Excel's leap-year quirk: dates.ts handles those.
 */
function dayText(day: number): string {
  if (day < 61) return isoDate(day);
  const z = day - 25569 + 719468; // days since 0000-03-01
  const era = floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const d = doy - floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y < 1000 ? `${y}`.padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;
}

/** A date or date-time serial as a person reads it: `2026-07-01` or `2026-07-01 14:30`. */
export function serialText(s: Serial): string {
  if (!finite(s)) return `${s}`;
  const day = floor(s);
  const minutes = round((s - day) * 1440);
  if (minutes <= 0 || minutes >= 1440) return dayText(minutes >= 1440 ? day + 1 : day);
  return `${dayText(day)} ${pad2(floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

class Findings {
  readonly list: Finding[] = [];

  /** Errors mark the field bad (KPIs reading it leave the row out); warnings do not. */
  add(table: Table, row: Row, key: string, code: FindingCode, severity: Severity, params?: Params): void {
    if (severity === 'error') markBad(row, key);
    const f: Finding = { table: table.def.name, row: row.row, column: table.headers[key] || key, key, code, severity };
    if (params) f.params = params;
    this.list.push(f);
  }
}

const isBadField = (row: Row, key: string) => row.bad !== null && row.bad.has(key);

/**
 * A blank value the row rules may call missing: not an unreadable cell (parse already said
 * so), and not a column the table lacks when a Problem already names that column.
 */
function isMissing(table: Table, row: Row, key: string): boolean {
  if (row.v[key] !== null && row.v[key] !== undefined) return false;
  if (isBadField(row, key)) return false;
  return !(table.positions[key] === undefined && table.missing.some((c) => c.key === key));
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && finite(v) ? v : null);

// ---------------------------------------------------------------------------------------
// Cross-row rules: duplicates and references (SPEC §4: the first row stands).

function duplicateIds(table: Table, out: Findings): void {
  for (const c of table.def.columns as readonly ColumnDef[]) {
    if (!c.unique) continue;
    const first = new Map<string, number>();
    for (const row of table.rows) {
      const id = text(row.v[c.key]);
      if (id === null) continue;
      const at = first.get(id);
      if (at === undefined) first.set(id, row.row);
      else out.add(table, row, c.key, 'duplicate_id', 'error', { value: id, firstRow: at });
    }
  }
}

function references(tables: Record<string, Table>, table: Table, out: Findings, idSets: Map<string, Set<string>>): void {
  for (const c of table.def.columns as readonly ColumnDef[]) {
    if (!c.ref) continue;
    const target = tables[c.ref];
    const targetDef = TABLES_BY_NAME.get(c.ref);
    // A missing target table is a Problem of its own; every row would dangle.
    if (!target || !target.source || !targetDef?.idKey) continue;
    let ids = idSets.get(c.ref);
    if (!ids) {
      ids = new Set();
      // Every row's ID resolves, a duplicated one too: the duplicate is its own error.
      for (const r of target.rows) {
        const id = text(r.v[targetDef.idKey]);
        if (id !== null) ids.add(id);
      }
      idSets.set(c.ref, ids);
    }
    for (const row of table.rows) {
      const id = text(row.v[c.key]);
      if (id !== null && !ids.has(id)) out.add(table, row, c.key, 'ref', 'error', { value: id, target: c.ref });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Customers (SPEC §2 Customers).

function customers(table: Table, kaThreshold: number, out: Findings): void {
  const names = new Map<string, number>();
  for (const row of table.rows) {
    const v = row.v;
    const status = text(v.status);

    const name = text(v.name);
    if (name !== null) {
      const n = normalizeWord(name);
      const at = names.get(n);
      if (at === undefined) names.set(n, row.row);
      else out.add(table, row, 'name', 'duplicate_name', 'warning', { value: name, firstRow: at });
    }

    // 流失日期 and 流失原因 are required iff 流失. A date on an account that is not lost is
    // reported with the same code as a missing one: it is the same rule read the other way,
    // and it matters (a Lost On on an active account would take it out of churn figures).
    let lostOnFlagged = false;
    if (status !== null) {
      for (const key of ['lostOn', 'lostReason'] as const) {
        if (status === '流失' && isMissing(table, row, key)) {
          out.add(table, row, key, 'lost_fields', 'error', { kind: 'missing', status });
          if (key === 'lostOn') lostOnFlagged = true;
        } else if (status !== '流失' && v[key] !== null && v[key] !== undefined) {
          const value = key === 'lostOn' ? serialText(v[key] as number) : String(v[key]);
          out.add(table, row, key, 'lost_fields', 'error', { kind: 'unexpected', status, value });
          if (key === 'lostOn') lostOnFlagged = true;
        }
      }
      if ((status === '合作中' || status === '流失') && isMissing(table, row, 'developedOn')) {
        out.add(table, row, 'developedOn', 'developed_required', 'error', { status });
      }
    }

    const developedOn = num(v.developedOn);
    const lostOn = num(v.lostOn);
    if (!lostOnFlagged && developedOn !== null && lostOn !== null && lostOn < developedOn) {
      out.add(table, row, 'lostOn', 'lost_before_developed', 'error', { value: serialText(lostOn), developedOn: serialText(developedOn) });
    }

    const annualValue = num(v.annualValue);
    if (status === '合作中' && annualValue !== null && annualValue < kaThreshold) {
      out.add(table, row, 'annualValue', 'below_threshold', 'warning', { value: annualValue, threshold: kaThreshold });
    }

    const creditCode = text(v.creditCode);
    if (creditCode !== null) {
      const check = checkCreditCode(creditCode);
      if (check.status === 'malformed') out.add(table, row, 'creditCode', 'credit_code', 'error', { value: creditCode });
      else if (check.status === 'check') {
        out.add(table, row, 'creditCode', 'credit_code_check', 'warning', { value: creditCode, expected: check.expected });
      }
    }

    const phone = text(v.phone);
    if (phone !== null && !isPhone(phone)) out.add(table, row, 'phone', 'phone', 'error', { value: phone });
    const email = text(v.email);
    if (email !== null && !isEmail(email)) out.add(table, row, 'email', 'email', 'error', { value: email });
  }
}

// ---------------------------------------------------------------------------------------
// Visits, complaints, feedback, opportunities.

function visits(table: Table, asOf: Serial, out: Findings): void {
  const today = finite(asOf) ? floor(asOf) : Infinity;
  for (const row of table.rows) {
    if (row.v.status !== '已完成') continue;
    const visitedOn = num(row.v.visitedOn);
    if (visitedOn === null) {
      if (isMissing(table, row, 'visitedOn')) out.add(table, row, 'visitedOn', 'visit_date', 'error');
    } else if (floor(visitedOn) > today) {
      out.add(table, row, 'visitedOn', 'future_visit', 'warning', { value: serialText(visitedOn), asOf: serialText(today) });
    }
  }
}

/** A later date must not come before an earlier one (结案日期 ≥ 投诉日期, 答复时间 ≥ 收到时间). */
function dateOrder(table: Table, earlierKey: string, laterKey: string, out: Findings): void {
  for (const row of table.rows) {
    const earlier = num(row.v[earlierKey]);
    const later = num(row.v[laterKey]);
    if (earlier !== null && later !== null && later < earlier) {
      out.add(table, row, laterKey, 'date_order', 'error', {
        value: serialText(later),
        other: serialText(earlier),
        otherColumn: table.headers[earlierKey] || earlierKey,
      });
    }
  }
}

const STAGE_INDEX = new Map<string, number>(STAGE.members.map((m, i) => [m.zh, i]));
const OPEN_STAGE_COUNT = STAGE_KEY_NODES.length;

/**
 * Stage gate (SPEC §2 Opportunities): a row at open stage k needs the key-node dates of
 * stages 0…k-1; 已结项 needs all six; 已丢单 none.
 */
function stageGate(table: Table, out: Findings): void {
  for (const row of table.rows) {
    const stage = text(row.v.stage);
    if (stage === null) continue;
    const k = STAGE_INDEX.get(stage);
    if (k === undefined || stage === '已丢单') continue;
    const needed = Math.min(k, OPEN_STAGE_COUNT);
    for (let i = 0; i < needed; i++) {
      const key = STAGE_KEY_NODES[i];
      if (isMissing(table, row, key)) out.add(table, row, key, 'stage_gate', 'error', { stage, node: STAGE.members[i].zh });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Plans: (Period, Staff ID) unique; a plan for every active specialist.

function duplicatePlans(table: Table, out: Findings): void {
  const first = new Map<string, number>();
  for (const row of table.rows) {
    const period = row.v.period as Period | null;
    if (!period) continue;
    const staffId = text(row.v.staffId) ?? '';
    const k = `${period.label}\u0000${staffId}`;
    const at = first.get(k);
    if (at === undefined) first.set(k, row.row);
    // Marked on 期间: the later row is left out of the plans, so a period never counts twice.
    else out.add(table, row, 'period', 'duplicate_plan', 'error', { value: period.label, staffId, firstRow: at });
  }
}

export function quarterOf(serial: Serial): Period {
  const { year, month } = ymdFromSerial(serial);
  return quarterPeriod(year, floor((month - 1) / 3) + 1);
}

function missingPlans(staff: Table, plans: Table, options: ValidateOptions, out: Findings): void {
  // Without a Plans table the workbook has a Problem already.
  if (!staff.source || !plans.source) return;
  let period = options.period;
  if (!period) {
    if (!finite(options.asOf)) return;
    period = quarterOf(options.asOf);
  }
  const planned = new Set<string>();
  for (const row of plans.rows) {
    const p = row.v.period as Period | null;
    const staffId = text(row.v.staffId);
    if (p && staffId !== null && p.start <= period.end && p.end >= period.start) planned.add(staffId);
  }
  const seen = new Set<string>();
  for (const row of staff.rows) {
    const staffId = text(row.v.staffId);
    if (staffId === null || seen.has(staffId)) continue;
    seen.add(staffId);
    if (row.v.role !== '专员' || row.v.active !== true || planned.has(staffId)) continue;
    out.add(staff, row, 'staffId', 'missing_plan', 'warning', { value: staffId, name: text(row.v.name) ?? '', period: period.label });
  }
}

// ---------------------------------------------------------------------------------------

const TABLE_ORDER = new Map<string, number>(INPUT_TABLES.map((t, i) => [t.name, i]));

/**
 * Every row-level and cross-table rule of SPEC §4 that parsing does not cover. Marks the
 * field of every error bad on its row; returns the read's findings and these, sorted by
 * table (workbook order), Excel row, then column position. Never throws on cell contents.
 */
export function validate(read: ReadResult, options: ValidateOptions): Finding[] {
  const tables = read.book as unknown as Record<string, Table>;
  const out = new Findings();
  const idSets = new Map<string, Set<string>>();
  for (const def of INPUT_TABLES) {
    const table = tables[def.name];
    if (!table || !table.source) continue;
    duplicateIds(table, out);
    references(tables, table, out, idSets);
  }
  if (tables.Customers?.source) customers(tables.Customers, read.book.settings.kaThreshold, out);
  if (tables.Visits?.source) visits(tables.Visits, options.asOf, out);
  if (tables.Complaints?.source) dateOrder(tables.Complaints, 'receivedOn', 'closedOn', out);
  if (tables.Feedback?.source) dateOrder(tables.Feedback, 'receivedAt', 'repliedAt', out);
  if (tables.Opportunities?.source) stageGate(tables.Opportunities, out);
  if (tables.Plans?.source) duplicatePlans(tables.Plans, out);
  if (tables.Staff && tables.Plans) missingPlans(tables.Staff, tables.Plans, options, out);

  return sortFindings([...read.findings, ...out.list], tables);
}

/** Table order, Excel row, column position (a column the table lacks goes last); stable. */
export function sortFindings(findings: Finding[], tables: Record<string, Table>): Finding[] {
  const columnOrder = new Map<string, Map<string, number>>();
  const position = (f: Finding): number => {
    let order = columnOrder.get(f.table);
    if (!order) {
      order = new Map();
      const table = tables[f.table];
      const def = TABLES_BY_NAME.get(f.table);
      const columns = (def?.columns ?? []) as readonly ColumnDef[];
      columns.forEach((c, i) => order!.set(c.key, table?.positions[c.key] ?? 100_000 + i));
      columnOrder.set(f.table, order);
    }
    return order.get(f.key) ?? 1_000_000;
  };
  const keyed = findings.map((f, i) => ({ f, i, t: TABLE_ORDER.get(f.table) ?? INPUT_TABLES.length, c: position(f) }));
  keyed.sort((a, b) => a.t - b.t || a.f.row - b.f.row || a.c - b.c || a.i - b.i);
  return keyed.map((k) => k.f);
}
