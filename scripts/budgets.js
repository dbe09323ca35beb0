#!/usr/bin/env node
/* Size budgets of the add-in build (dist/addin), printed after `npm run build`:
   - the task pane's JavaScript at first load inside Excel (the scripts taskpane.html loads,
     office.js excluded: it is Microsoft's and Excel loads it anyway) under 300 KB gzipped;
   - the ribbon's function file (commands.html) under 80 KB gzipped.
   The preview's chunks load only outside Office and are listed for information.
   Exits 1 when a budget is exceeded. */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const DIST = path.resolve(__dirname, '../dist/addin');
const KB = 1024;
const BUDGETS = [
  { page: 'taskpane.html', label: 'task pane, first load', limit: 300 * KB },
  { page: 'commands.html', label: 'ribbon commands', limit: 80 * KB },
];

const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

/** The scripts a page loads, office.js excepted. */
function scriptsOf(page) {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((src) => !src.startsWith('office-js/') && !/^https?:/.test(src));
}

if (!fs.existsSync(DIST)) {
  console.error(`budgets: ${DIST} does not exist; run webpack first`);
  process.exit(1);
}

let failed = false;
const rows = [];
for (const b of BUDGETS) {
  const files = scriptsOf(b.page);
  const raw = files.reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
  const gz = files.reduce((n, f) => n + gzipSize(path.join(DIST, f)), 0);
  const ok = gz <= b.limit;
  if (!ok) failed = true;
  rows.push([b.label, files.join(' + '), kb(raw), kb(gz), `≤ ${kb(b.limit)}`, ok ? 'ok' : 'OVER BUDGET']);
}
const initial = new Set(BUDGETS.flatMap((b) => scriptsOf(b.page)));
for (const f of fs.readdirSync(DIST).filter((f) => f.endsWith('.js') && !initial.has(f)).sort()) {
  rows.push(['lazy chunk (preview only)', f, kb(fs.statSync(path.join(DIST, f)).size), kb(gzipSize(path.join(DIST, f))), '', '']);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log('\nBundle budgets (gzip -9):');
for (const r of rows) console.log('  ' + r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
console.log('');
if (failed) {
  console.error('budgets: a bundle is over its budget');
  process.exit(1);
}
