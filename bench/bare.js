'use strict';
/* global require, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS on the compiled dist/ */
/**
 * The floor for reading a workbook (bench/compare.js): unzip every worksheet part and the shared
 * strings with Node's native zlib, decode them and find each cell with indexOf — no values, no
 * tables, no engine, no limits. `node bench/bare.js FILE` prints the number of cells.
 */
const { readFileSync } = require('node:fs');
const { inflateRawSync } = require('node:zlib');
const { join } = require('node:path');
const DIST = join(__dirname, '..', 'dist');
const { readZip } = require(join(DIST, 'workbook/xlsx/package/zip.js'));
const { DEFAULT_LIMITS } = require(join(DIST, 'workbook/xlsx/package/limits.js'));

const entries = readZip(readFileSync(process.argv[2]), DEFAULT_LIMITS);
let cells = 0;
for (const e of entries) {
  if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(e.name)) continue;
  const text = new TextDecoder().decode(e.method === 8 ? inflateRawSync(e.raw) : e.raw);
  for (let at = text.indexOf('<c '); at >= 0; at = text.indexOf('<c ', at + 3)) cells++;
}
process.stdout.write(`${cells}\n`);
