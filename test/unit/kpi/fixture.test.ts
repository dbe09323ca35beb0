/**
 * The worked example (test/fixtures/README.md) end to end: the xlsx reader, readBook,
 * validate and computeKpis must give exactly the expected `kam kpi --json` objects.
 */
import * as path from 'node:path';
import { readBook } from '../../../src/domain/book';
import { serialFromUtc } from '../../../src/domain/dates';
import { computeKpis } from '../../../src/domain/kpi';
import { parsePeriod } from '../../../src/domain/periods';
import { validate } from '../../../src/domain/validate';
import { readXlsxSnapshot } from '../../../src/workbook/xlsx/read';
import expectedQ4 from '../../fixtures/example-2025Q4.expected.json';
import expectedYear from '../../fixtures/example-2025.expected.json';

const FIXTURE = path.join(__dirname, '../../fixtures/example-2025Q4.xlsx');
const AS_OF = serialFromUtc(2026, 1, 10);

/**
 * Every field of `expected` must be in `actual` with the same value (numbers within a
 * relative 1e-6); extra fields are ignored, key order does not matter, array order does.
 * Returns the differences as `path: expected … got …` lines.
 */
function differences(actual: unknown, expected: unknown, at = '$'): string[] {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return [`${at}: expected ${expected}, got ${JSON.stringify(actual)}`];
    const tolerance = 1e-6 * Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= tolerance ? [] : [`${at}: expected ${expected}, got ${actual}`];
  }
  if (expected === null || typeof expected !== 'object') {
    return actual === expected ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array, got ${JSON.stringify(actual)}`];
    const out = actual.length === expected.length ? [] : [`${at}: expected ${expected.length} items, got ${actual.length}`];
    expected.forEach((e, i) => out.push(...differences(actual[i], e, `${at}[${i}]`)));
    return out;
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
  const a = actual as Record<string, unknown>;
  const out: string[] = [];
  for (const [k, e] of Object.entries(expected)) {
    if (!(k in a)) out.push(`${at}.${k}: missing`);
    else out.push(...differences(a[k], e, `${at}.${k}`));
  }
  // `excluded` is a map: a table the expected object does not name must not be there either.
  if (at.endsWith('.excluded')) for (const k of Object.keys(a)) if (!(k in expected)) out.push(`${at}.${k}: unexpected ${JSON.stringify(a[k])}`);
  return out;
}

async function kpiJson(label: string): Promise<unknown> {
  const read = readBook(await readXlsxSnapshot(FIXTURE));
  expect(read.problems).toEqual([]);
  validate(read, { asOf: AS_OF });
  const report = computeKpis(read.book, parsePeriod(label)!, AS_OF);
  // What `kam kpi --json` prints: a JSON round trip.
  return JSON.parse(JSON.stringify(report));
}

describe('worked example example-2025Q4.xlsx', () => {
  it('gives the expected 2025Q4 report', async () => {
    expect(differences(await kpiJson('2025Q4'), expectedQ4)).toEqual([]);
  });

  it('gives the expected 2025 report', async () => {
    expect(differences(await kpiJson('2025'), expectedYear)).toEqual([]);
  });

  it('the comparison itself notices a wrong value, a missing key and an unexpected exclusion', () => {
    expect(differences({ a: 1.0000001, b: [1, null] }, { a: 1, b: [1, null] })).toEqual([]);
    expect(differences({ a: 1.01 }, { a: 1 })).toHaveLength(1);
    expect(differences({}, { a: null })).toHaveLength(1);
    expect(differences({ excluded: { Visits: 1 } }, { excluded: {} })).toHaveLength(1);
    expect(differences({ b: [1] }, { b: [1, 2] })).toHaveLength(2);
  });
});
