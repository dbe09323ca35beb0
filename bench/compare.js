'use strict';
/* global require, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS on the compiled dist/ */
/**
 * `kam kpi --json` side by side with what else could read the same rows, in one run (issue 8):
 *   - kam on the demo workbook `kam init` writes, and on a copy openpyxl wrote;
 *   - LibreOffice opening that copy with a first sheet of 400 COUNTIFS/SUMIFS over the visits and
 *     contracts (no cached values, so it must compute them) and exporting the sheet as CSV;
 *   - a bare pass (bench/bare.js): unzip with Node's zlib, decode, find each cell — the floor.
 * Wall time and peak memory of each child process (GNU time when present), median of 3 runs.
 * Needs python3 with openpyxl and soffice; `node bench/compare.js [SCALE]` (default 10).
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const BENCH = join(ROOT, '.bench');
const SCALE = Number(process.argv[2] ?? 10);
const RUNS = 5;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
// Debian's python3 has python3-openpyxl; a python3 earlier on PATH (pyenv) may not.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function run(cmd, args) {
  const stats = join(BENCH, 'time.txt');
  const argv = TIME ? [TIME, ['-v', '-o', stats, cmd, ...args]] : [cmd, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv[1], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const kb = TIME ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(stats, 'utf8'))?.[1]) : NaN;
  return { wall, rssMb: kb / 1024 };
}

function median(cmd, args) {
  const runs = Array.from({ length: RUNS }, () => run(cmd, args)).sort((a, b) => a.wall - b.wall);
  return runs[Math.floor(RUNS / 2)];
}

function main() {
  mkdirSync(BENCH, { recursive: true });
  const demo = join(BENCH, `demo-scale-${SCALE}.xlsx`);
  const kam = join(ROOT, 'bin/kam.js');
  if (!existsSync(demo)) run(process.execPath, [kam, 'init', demo, '--demo', '--scale', String(SCALE), '--seed', '1', '--as-of', '2026-10-10']);
  const openpyxl = join(BENCH, `openpyxl-scale-${SCALE}.xlsx`);
  const formulas = join(BENCH, `formulas-scale-${SCALE}.xlsx`);
  if (!existsSync(openpyxl)) run(PYTHON, [join(__dirname, 'openpyxl_copy.py'), demo, openpyxl]);
  if (!existsSync(formulas)) run(PYTHON, [join(__dirname, 'openpyxl_copy.py'), demo, formulas, '--formulas']);
  const kpi = (file) => [kam, 'kpi', file, '--period', '2026Q3', '--as-of', '2026-10-10', '--json'];
  const out = join(BENCH, 'lo-out');
  rmSync(out, { recursive: true, force: true });
  const lo = ['--headless', '-env:UserInstallation=file:///tmp/kam-bench-lo', '--convert-to', 'csv', '--outdir', out, formulas];
  run('soffice', lo); // first start of a profile costs seconds: not measured
  const rows = [
    ['what', 'file', 'wall ms', 'peak MB'],
    ['kam kpi --json', 'kam init demo', median(process.execPath, kpi(demo))],
    ['kam kpi --json', 'openpyxl copy', median(process.execPath, kpi(openpyxl))],
    ['LibreOffice: open + 400 COUNTIFS/SUMIFS + CSV', 'openpyxl copy + formulas', median('soffice', lo)],
    ['bare pass: zlib + indexOf (bench/bare.js)', 'openpyxl copy', median(process.execPath, [join(__dirname, 'bare.js'), openpyxl])],
  ].map((r) => (r.length === 4 ? r : [r[0], r[1], r[2].wall.toFixed(0), r[2].rssMb.toFixed(0)]));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  process.stdout.write(`scale ${SCALE}, median of ${RUNS} runs, Node ${process.version}\n`);
  process.stdout.write(`${rows.map((r) => r.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n')}\n`);
}

main();
