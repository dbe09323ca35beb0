import fc from 'fast-check';
import { readBook } from '../../src/domain/book';
import { CellValue } from '../../src/domain/cells';
import { FindingCode } from '../../src/domain/findings';
import { findingMessage } from '../../src/domain/i18n/messages';
import { ParsedTable } from '../../src/domain/parse';
import { parsePeriod } from '../../src/domain/periods';
import { ColumnDef, INPUT_TABLES, InputTableDef } from '../../src/domain/tables';
import { validate } from '../../src/domain/validate';
import { RowInput, bookSnapshot, tableSnapshot } from '../helpers/snapshot';
import { TableSnapshot } from '../../src/domain/snapshot';

/** Every code, at run time (a Record: the compiler checks the list is complete). */
const CODES: Record<FindingCode, true> = {
  required: true,
  cell_error: true,
  type: true,
  enum: true,
  range: true,
  negative: true,
  too_large: true,
  phone: true,
  email: true,
  credit_code: true,
  credit_code_check: true,
  period: true,
  lost_fields: true,
  developed_required: true,
  lost_before_developed: true,
  date_order: true,
  visit_date: true,
  future_visit: true,
  stage_gate: true,
  below_threshold: true,
  duplicate_id: true,
  duplicate_name: true,
  duplicate_plan: true,
  ref: true,
  missing_plan: true,
};
const TABLE_NAMES = new Set<string>(INPUT_TABLES.map((t) => t.name));

/** Anything a cell can hold, including what Excel and adapters should never give. */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '=HYPERLINK("x")', '-', '%', '1,234.5', '40%', ' ', '\t', '１２３', 'ＡＢＣ', '２０２６年７月１日', '2026-02-30', '2026Q5', '13812345678', 'a@b.co'),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, -1, 0, 1, 1e308, 2_958_466),
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Date(Number.NaN)),
  fc.constant(null),
  fc.constant(undefined),
);

/** Values that make the rules fire: IDs that resolve or not, enum words, dates, periods. */
function plausible(c: ColumnDef): fc.Arbitrary<CellValue> {
  const ids = fc.constantFrom('S01', 'S02', 'C01', 'C02', 'X', ' S01 ', 'K1', 'V1', 'O1');
  switch (c.type) {
    case 'enum':
      return fc.constantFrom(...c.enum!.members.flatMap((m) => [m.zh, m.en]));
    case 'date':
    case 'datetime':
      return fc.oneof(fc.integer({ min: 45_000, max: 47_000 }), fc.constantFrom('2026-07-01', '2026/7/1', '2026年7月1日', '2026-07-01 09:30'));
    case 'period':
      return fc.constantFrom('2026', '2026Q3', '2026-07', '2026q4', 2026, '2025Q1');
    case 'yesno':
      return fc.constantFrom('是', '否', 'Yes', 'No', true, false, 1, 0);
    case 'number':
    case 'integer':
    case 'percent':
      return fc.oneof(fc.integer({ min: -10, max: 500 }), fc.constantFrom('40%', '1,000', 0.5));
    default:
      if (c.ref || c.unique) return ids;
      if (c.format === 'creditCode') return fc.constantFrom('91350100M000100Y43', '91350100M000100Y44', 'bad');
      return fc.constantFrom('福州某某', 'abc', 'ABC', '13812345678', '010-62345678', 'x@y.com');
  }
}

function rowArb(def: InputTableDef): fc.Arbitrary<RowInput> {
  const shape: Record<string, fc.Arbitrary<CellValue>> = {};
  for (const c of def.columns as readonly ColumnDef[]) shape[c.key] = fc.oneof(anyCell, plausible(c), fc.constant(null));
  return fc.record(shape, { requiredKeys: [] }) as fc.Arbitrary<RowInput>;
}

/** Column order: the definition's (most runs), shuffled, or some columns left out. */
function columnsArb(def: InputTableDef): fc.Arbitrary<string[] | undefined> {
  const keys = (def.columns as readonly ColumnDef[]).map((c) => c.key);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.shuffledSubarray(keys, { minLength: keys.length }) },
    { weight: 1, arbitrary: fc.shuffledSubarray(keys) },
  );
}

/** Each table: absent, or present with Chinese or English headers, some column order, and 0–6 rows. */
const workbook = fc.record(
  Object.fromEntries(
    INPUT_TABLES.map((def) => [
      def.name,
      fc.option(
        fc.record({
          lang: fc.constantFrom<'zh' | 'en'>('zh', 'en'),
          rows: fc.array(rowArb(def), { maxLength: 6 }),
          headerRow: fc.integer({ min: 1, max: 5 }),
          columns: columnsArb(def),
        }),
        { freq: 8 },
      ),
    ]),
  ),
);

describe('validate (property)', () => {
  it('never throws, and every finding is well placed with a message in both languages', () => {
    fc.assert(
      fc.property(
        workbook,
        fc.oneof(fc.integer({ min: 1, max: 2_958_465 }), fc.constant(Number.NaN)),
        fc.option(fc.constantFrom('2026', '2026Q3', '2026-07')),
        (tables, asOf, period) => {
          const partial: Record<string, TableSnapshot> = {};
          const omit: string[] = [];
          for (const def of INPUT_TABLES) {
            const t = tables[def.name];
            if (t === null) omit.push(def.name);
            else partial[def.name] = tableSnapshot(def, t.rows, { lang: t.lang, headerRow: t.headerRow, columns: t.columns });
          }
          const read = readBook(bookSnapshot(partial, { omit }));
          const findings = validate(read, { asOf, period: period ? parsePeriod(period)! : undefined });
          const parsed = read.book as unknown as Record<string, ParsedTable>;
          // Plain checks: jest's expect costs too much per call for thousands of findings.
          const fail = (f: unknown, what: string) => {
            throw new Error(`${what}: ${JSON.stringify(f)}`);
          };
          for (const f of findings) {
            if (!TABLE_NAMES.has(f.table)) fail(f, 'unknown table');
            const snap = partial[f.table];
            if (!snap) fail(f, 'finding on a table the workbook lacks');
            if (!Number.isInteger(f.row) || f.row <= snap.headerRow || f.row > snap.headerRow + snap.rows.length) fail(f, 'row outside the table');
            if (typeof f.column !== 'string' || f.column.length === 0) fail(f, 'no column');
            if (CODES[f.code] !== true) fail(f, 'unknown code');
            if (f.severity !== 'error' && f.severity !== 'warning') fail(f, 'unknown severity');
            if (!findingMessage(f, 'zh') || !findingMessage(f, 'en')) fail(f, 'empty message');
            if (f.severity === 'error') {
              // Errors mark their field, so a KPI reading it leaves the row out.
              const row = parsed[f.table].rows.find((r) => r.row === f.row);
              if (!row?.bad?.has(f.key)) fail(f, 'error not marked on its row');
            }
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
