import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED_Q4, FIXTURE, STACK_LINE, expectReportMatches, sha, tempDir } from './helpers';

/**
 * `kam` as a user runs it: the compiled and bundled CLI (tsc -p tsconfig.cli.json and
 * scripts/bundle-cli.js, built into a temp folder so that the shared dist/ is left alone)
 * started by bin/kam.js in a child process.
 */
const ROOT = join(__dirname, '..', '..', '..');
const { dir, cleanup } = tempDir();
const BIN = join(dir, 'bin', 'kam.js');

beforeAll(() => {
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.cli.json'), '--outDir', join(dir, 'dist')], {
    encoding: 'utf8',
  });
  if (!existsSync(join(dir, 'dist', 'cli', 'main.js'))) throw new Error(`tsc did not build the CLI:\n${tsc.stdout}${tsc.stderr}`);
  // The one file bin/kam.js runs (scripts/bundle-cli.js), from the same sources.
  const bundle = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle-cli.js'), join(dir, 'dist', 'cli', 'kam.js')], { encoding: 'utf8' });
  if (!existsSync(join(dir, 'dist', 'cli', 'kam.js'))) throw new Error(`esbuild did not bundle the CLI:\n${bundle.stdout}${bundle.stderr}`);
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'kam.js'), BIN);
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
});
afterAll(cleanup);

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kam end to end (node bin/kam.js)', () => {
  it('prints the worked example as JSON, exit status 0', () => {
    const before = sha(FIXTURE);
    const r = run(['kpi', FIXTURE, '--period', '2025Q4', '--as-of', '2026-01-10', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectReportMatches(JSON.parse(r.stdout), JSON.parse(readFileSync(EXPECTED_Q4, 'utf8')));
    expect(sha(FIXTURE)).toBe(before);
  });

  it('sets exit status 1 when validate finds errors', () => {
    const r = run(['validate', FIXTURE, '--as-of', '2026-01-10'], { LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 error/);
  });

  it('turns a damaged file into one line and exit status 2, no stack trace', () => {
    const file = join(dir, 'half.xlsx');
    const data = readFileSync(FIXTURE);
    writeFileSync(file, data.subarray(0, 2000));
    const r = run(['kpi', file, '--period', '2025Q4'], { LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kam: .*half\.xlsx is damaged/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('turns a usage error into exit status 2', () => {
    const r = run(['kpi', FIXTURE, '--period', 'someday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--period：“someday”不是有效的期间');
  });

  it('prints the version of package.json', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(run(['--version']).stdout).toBe(`kam ${version}\n`);
  });

  it('reports resource use when KAM_BENCH_STATS=1 (bench/run.js)', () => {
    const r = run(['kpi', FIXTURE, '--period', '2025Q4', '--as-of', '2026-01-10', '--json'], { KAM_BENCH_STATS: '1' });
    expect(r.code).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.startsWith('kam-stats '))!;
    const stats = JSON.parse(line.slice('kam-stats '.length));
    expect(stats.maxRssKb).toBeGreaterThan(1000);
    expect(stats.load).toBeGreaterThan(0);
    expect(stats.engine).toBeGreaterThan(0);
  });
});
