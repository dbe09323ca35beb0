'use strict';
/* global require, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS on the compiled dist/ */
/**
 * The floor for reading a workbook (bench/compare.js): unzip and decode every worksheet part
 * and find each cell with indexOf — no values, no tables, no engine. `node bench/bare.js FILE`
 * prints the number of cells.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const DIST = join(__dirname, '..', 'dist');
const { readZip, inflateText, InflateBudget } = require(join(DIST, 'workbook/xlsx/package/zip.js'));
const { DEFAULT_LIMITS } = require(join(DIST, 'workbook/xlsx/package/limits.js'));

const entries = readZip(readFileSync(process.argv[2]), DEFAULT_LIMITS);
const budget = new InflateBudget(DEFAULT_LIMITS);
let cells = 0;
for (const e of entries) {
  if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(e.name)) continue;
  let carry = '';
  inflateText(e, budget, (text) => {
    const s = carry + text;
    let at = s.indexOf('<c ');
    let last = 0;
    while (at >= 0) {
      cells++;
      last = at + 3;
      at = s.indexOf('<c ', last);
    }
    carry = s.slice(Math.max(last, s.length - 2));
  });
}
process.stdout.write(`${cells}\n`);
