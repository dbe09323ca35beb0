import { join } from 'node:path';
import { analyse, excludedTotal, kpiReport } from '../../../src/domain/engine';
import { serialFromUtc } from '../../../src/domain/dates';
import { parsePeriod } from '../../../src/domain/periods';
import { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { readXlsxSnapshot } from '../../../src/workbook/xlsx/read';
import { FIXTURE, tempDir, writeVariant } from './helpers';

const asOf = serialFromUtc(2026, 1, 10);
const q4 = parsePeriod('2025Q4')!;

describe('engine façade', () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await readXlsxSnapshot(FIXTURE);
  });

  it('analyse: reads and validates, findings sorted, no problems', () => {
    const a = analyse(snapshot, { asOf });
    expect(a.problems).toEqual([]);
    expect(a.findings.some((f) => f.code === 'phone' && f.row === 9)).toBe(true);
    expect(a.read.book.Staff.rows.length).toBeGreaterThan(0);
  });

  it('analyse: a missing table is a problem and no row rules run', () => {
    const partial: WorkbookSnapshot = { tables: { ...snapshot.tables, Staff: undefined } };
    const a = analyse(partial, { asOf });
    expect(a.problems).toEqual([expect.objectContaining({ code: 'missing_table', table: 'Staff' })]);
    expect(a.findings).toEqual([]);
  });

  it('kpiReport: the report, or the problems', () => {
    const ok = kpiReport(snapshot, q4, asOf);
    expect(ok.kind).toBe('report');
    if (ok.kind === 'report') expect(ok.report.period).toBe('2025Q4');
    const partial: WorkbookSnapshot = { tables: { ...snapshot.tables, Contracts: undefined } };
    expect(kpiReport(partial, q4, asOf).kind).toBe('problems');
  });

  it('kpiReport --strict: refuses with the excluded counts and the errors when rows are left out', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'bad-ref.xlsx');
      await writeVariant(file, { lang: 'zh', tables: true, edit: (t, k, r, v) => (t === 'Contracts' && k === 'staffId' && r === 1 ? 'S99' : v) });
      const snap = await readXlsxSnapshot(file);
      const lenient = kpiReport(snap, q4, asOf);
      expect(lenient.kind).toBe('report');
      if (lenient.kind !== 'report') return;
      expect(excludedTotal(lenient.report.excluded)).toBe(1);
      const strict = kpiReport(snap, q4, asOf, { strict: true });
      expect(strict.kind).toBe('refused');
      if (strict.kind !== 'refused') return;
      expect(strict.excluded).toEqual({ Contracts: 1 });
      expect(strict.errors.some((f) => f.table === 'Contracts' && f.code === 'ref')).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('kpiReport --strict: computes when nothing is left out', () => {
    expect(kpiReport(snapshot, q4, asOf, { strict: true }).kind).toBe('report');
  });
});
