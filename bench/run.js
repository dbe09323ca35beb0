'use strict';
/* global require, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS on the compiled dist/ */
/**
 * Engine and CLI speed on demo workbooks of growing size (`npm run bench` builds dist/ first).
 *
 *   (a) engine: readBook + validate + computeKpis on a snapshot already in memory, median of 5
 *       runs after one warm-up run;
 *   (b) `kam kpi FILE --period 2026Q3 --json` end to end in a child process: wall time, and the
 *       child's peak memory (maxRSS) as printed by the hidden KAM_BENCH_STATS=1 switch.
 *
 * The demo workbooks are written once to .bench/ (seed 1, as of 2026-10-10) and reused.
 * Usage: node bench/run.js [SCALE…]   (default 1 10 100)
 */
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const { writeNewWorkbook } = require(join(DIST, 'workbook/xlsx/init.js'));
const { readXlsxSnapshot } = require(join(DIST, 'workbook/xlsx/read.js'));
const { readBook } = require(join(DIST, 'domain/book.js'));
const { validate } = require(join(DIST, 'domain/validate.js'));
const { computeKpis } = require(join(DIST, 'domain/kpi/index.js'));
const { parsePeriod } = require(join(DIST, 'domain/periods.js'));
const { serialFromUtc, serialFromDate } = require(join(DIST, 'domain/dates.js'));
const { Simulator, SimWorkbook } = require(join(DIST, 'preview/simulator/index.js'));
const { officePort } = require(join(DIST, 'workbook/excel/index.js'));
const { recalculate } = require(join(DIST, 'workbook/operations/index.js'));
const { copyFileSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');

const AS_OF_TEXT = '2026-10-10';
const AS_OF = serialFromUtc(2026, 10, 10);
const PERIOD_TEXT = '2026Q3';
const PERIOD = parsePeriod(PERIOD_TEXT);
const RUNS = 5;
const TARGET_MS = 500;
const SCALES = process.argv.slice(2).length > 0 ? process.argv.slice(2).map(Number) : [1, 10, 100];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

function dataRows(snapshot) {
  let n = 0;
  for (const t of Object.values(snapshot.tables)) {
    if (!t) continue;
    for (const row of t.rows) if (row.some((v) => v !== null && v !== undefined && String(v).trim() !== '')) n++;
  }
  return n;
}

function engineOnce(snapshot) {
  const t0 = process.hrtime.bigint();
  const read = readBook(snapshot);
  const t1 = process.hrtime.bigint();
  validate(read, { asOf: AS_OF, period: PERIOD });
  const t2 = process.hrtime.bigint();
  computeKpis(read.book, PERIOD, AS_OF);
  const t3 = process.hrtime.bigint();
  const d = (a, b) => Number(b - a) / 1e6;
  return { total: d(t0, t3), read: d(t0, t1), validate: d(t1, t2), kpi: d(t2, t3) };
}

function endToEnd(file) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/kam.js'), 'kpi', file, '--period', PERIOD_TEXT, '--as-of', AS_OF_TEXT, '--json'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, KAM_BENCH_STATS: '1' },
  });
  const wall = ms(start);
  if (r.status !== 0) throw new Error(`kam kpi exited ${r.status}: ${r.stderr}`);
  const line = r.stderr.split('\n').find((l) => l.startsWith('kam-stats '));
  const stats = line ? JSON.parse(line.slice('kam-stats '.length)) : {};
  return { wall, ...stats };
}

/** Office.js gives dates as serials: the simulator holds what Excel would. */
function asExcelHolds(snapshot) {
  const cell = (v) => (v instanceof Date ? serialFromDate(v) : v);
  const tables = {};
  for (const [name, t] of Object.entries(snapshot.tables)) {
    if (t) tables[name] = { ...t, headers: t.headers.map(cell), rows: t.rows.map((r) => r.map(cell)) };
  }
  return { tables };
}

/**
 * Recalculate KPIs through the Office.js adapter on the Excel simulator: the first run creates
 * the three output tables, the second replaces the period's rows. Syncs, largest request or
 * reply, and time of each.
 */
async function officeRecalc(snapshot) {
  const sim = new Simulator(SimWorkbook.fromSnapshot(asExcelHolds(snapshot)));
  const port = officePort(sim.run);
  const runs = [];
  for (let i = 0; i < 2; i++) {
    sim.resetStats();
    const t = process.hrtime.bigint();
    const outcome = await recalculate(port, { period: PERIOD_TEXT, asOf: AS_OF });
    if (outcome.kind !== 'written') throw new Error(`recalculate: ${outcome.kind}`);
    runs.push({ ms: ms(t), syncs: sim.stats.syncs, maxBytes: sim.stats.maxRequestBytes });
  }
  return runs;
}

/** `kam kpi FILE --write` end to end on a copy of the demo workbook. */
function writeEndToEnd(file) {
  const dir = mkdtempSync(join(tmpdir(), 'kam-bench-'));
  const copy = join(dir, 'book.xlsx');
  copyFileSync(file, copy);
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/kam.js'), 'kpi', copy, '--period', PERIOD_TEXT, '--as-of', AS_OF_TEXT, '--json', '--write'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wall = ms(start);
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`kam kpi --write exited ${r.status}: ${r.stderr}`);
  return wall;
}

function pad(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
}

async function main() {
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const table = [['scale', 'rows', 'file MB', 'engine ms', '(read', 'validate', 'kpi)', 'rows/s', 'e2e ms', '(load', 'engine)', 'rows/s', 'maxRSS MB']];
  const office = [['scale', 'create: syncs', 'max bytes', 'ms', 'replace: syncs', 'max bytes', 'ms', 'kpi --write ms']];
  let atTarget = null;
  for (const scale of SCALES) {
    const file = join(dir, `demo-scale-${scale}.xlsx`);
    if (!existsSync(file)) {
      const t = process.hrtime.bigint();
      await writeNewWorkbook(file, { lang: 'zh', demo: true, seed: 1, scale, asOf: AS_OF });
      process.stderr.write(`wrote ${file} in ${(ms(t) / 1000).toFixed(1)} s\n`);
    }
    const snapshot = await readXlsxSnapshot(file);
    const rows = dataRows(snapshot);
    engineOnce(snapshot); // warm-up
    const runs = Array.from({ length: RUNS }, () => engineOnce(snapshot));
    const total = median(runs.map((r) => r.total));
    const e2e = endToEnd(file);
    if (scale === 100) atTarget = total;
    const [create, replace] = await officeRecalc(snapshot);
    office.push([scale, create.syncs, create.maxBytes, create.ms.toFixed(0), replace.syncs, replace.maxBytes, replace.ms.toFixed(0), writeEndToEnd(file).toFixed(0)]);
    table.push([
      scale,
      rows,
      (statSync(file).size / 1e6).toFixed(1),
      total.toFixed(0),
      median(runs.map((r) => r.read)).toFixed(0),
      median(runs.map((r) => r.validate)).toFixed(0),
      median(runs.map((r) => r.kpi)).toFixed(0),
      Math.round(rows / (total / 1000)),
      e2e.wall.toFixed(0),
      (e2e.load ?? NaN).toFixed(0),
      (e2e.engine ?? NaN).toFixed(0),
      Math.round(rows / (e2e.wall / 1000)),
      e2e.maxRssKb ? (e2e.maxRssKb / 1024).toFixed(0) : '?',
    ]);
  }
  process.stdout.write(`${pad(table)}\n`);
  process.stdout.write(`engine: median of ${RUNS} runs on a snapshot in memory; e2e: kam kpi --json in a child process (Node ${process.version})\n\n`);
  process.stdout.write(`${pad(office)}\n`);
  process.stdout.write('Recalculate KPIs through the Office.js adapter on the Excel simulator (create the outputs, then replace the period); kam kpi --write end to end\n');
  if (atTarget !== null) {
    process.stdout.write(`target: engine under ${TARGET_MS} ms at scale 100: ${atTarget < TARGET_MS ? 'met' : 'MISSED'} (${atTarget.toFixed(0)} ms)\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
