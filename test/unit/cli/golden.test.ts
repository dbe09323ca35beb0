/**
 * What `kam` prints and writes, recorded before the code was reorganised (issue 9) and compared
 * byte for byte since: `kpi --json`, `validate --json`, both as tables in zh and en, and the
 * output tables `kpi --write` leaves, on the worked example and on a demo workbook.
 *
 * The recordings are in test/fixtures/golden. A change that means to change an output records
 * them again (`KAM_RECORD_GOLDEN=1 npx jest test/unit/cli/golden.test.ts`) and the diff of the
 * recordings shows, in review, exactly what changed for users.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxPackage } from '../../../src/workbook/xlsx/package/package';
import { findTable, tableValues } from '../../../src/workbook/xlsx/package/readTables';
import { FIXTURE, kam, tempDir } from './helpers';

const GOLDEN = join(__dirname, '..', '..', 'fixtures', 'golden');
const RECORD = process.env.KAM_RECORD_GOLDEN === '1';
const { dir, cleanup } = tempDir();
const DEMO = join(dir, 'demo.xlsx');

beforeAll(async () => {
  const r = await kam(['init', DEMO, '--demo', '--seed', '1', '--as-of', '2026-10-10']);
  if (r.code !== 0) throw new Error(r.stderr);
});
afterAll(cleanup);

/** Compares with the recording (or records it): file paths shown as <dir>/name. */
function expectGolden(name: string, actual: string): void {
  const text = actual.split(dir).join('<dir>').split(FIXTURE).join('<fixture>');
  const file = join(GOLDEN, name);
  if (RECORD) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`no recording ${name}: record with KAM_RECORD_GOLDEN=1`);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

const EXAMPLE = ['--period', '2025Q4', '--as-of', '2026-01-10'];
const DEMO_ARGS = ['--period', '2026Q3', '--as-of', '2026-10-10'];

const CASES: [string, () => string, string[], Record<string, string>][] = [
  ['example-kpi.json', () => FIXTURE, ['kpi', ...EXAMPLE, '--json'], {}],
  ['example-kpi.zh.txt', () => FIXTURE, ['kpi', ...EXAMPLE], {}],
  ['example-kpi.en.txt', () => FIXTURE, ['kpi', ...EXAMPLE, '--lang', 'en'], {}],
  ['example-validate.json', () => FIXTURE, ['validate', '--as-of', '2026-01-10', '--json'], {}],
  ['example-validate.zh.txt', () => FIXTURE, ['validate', '--as-of', '2026-01-10'], {}],
  ['demo-kpi.json', () => DEMO, ['kpi', ...DEMO_ARGS, '--json'], {}],
  ['demo-kpi.zh.txt', () => DEMO, ['kpi', ...DEMO_ARGS], {}],
  ['demo-kpi.en.txt', () => DEMO, ['kpi', ...DEMO_ARGS, '--lang', 'en'], {}],
  ['demo-validate.json', () => DEMO, ['validate', '--as-of', '2026-10-10', '--json'], {}],
  ['demo-validate.en.txt', () => DEMO, ['validate', '--as-of', '2026-10-10', '--lang', 'en'], {}],
];

describe('kam prints what it printed before', () => {
  it.each(CASES)('%s', async (name, file, args, env) => {
    const [command, ...rest] = args;
    const r = await kam([command, file(), ...rest], env);
    expectGolden(name, `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`);
  });
});

describe('kam kpi --write writes what it wrote before', () => {
  it.each([
    ['example-write.json', () => FIXTURE, EXAMPLE],
    ['demo-write.json', () => DEMO, DEMO_ARGS],
  ])('%s', async (name, source, args) => {
    const file = join(dir, `write-${name}.xlsx`);
    copyFileSync(source(), file);
    const r = await kam(['kpi', file, ...args, '--write']);
    expect(r.code).toBe(0);
    const pkg = XlsxPackage.open(readFileSync(file));
    const tables = Object.fromEntries(
      ['KpiResults', 'Scorecards', 'Pipeline'].map((t) => {
        const table = findTable(pkg, t)!;
        return [t, { sheet: table.sheet.name, ...tableValues(pkg, table) }];
      }),
    );
    expectGolden(name, `${JSON.stringify({ stdout: r.stdout, tables }, null, 1)}\n`);
  });
});
