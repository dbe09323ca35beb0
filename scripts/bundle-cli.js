'use strict';
/* global require, process, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- a build script in plain CommonJS */
/**
 * The CLI as one file, dist/cli/kam.js, which bin/kam.js runs (`node scripts/bundle-cli.js
 * [OUTFILE]`; beside main.js, so that it finds package.json where main.js does). Every `kam` command starts a Node
 * process, and loading ~190 small CommonJS modules (zod's CommonJS build with all its locales
 * among them) cost ~90 ms of each run; the bundle, built from zod's ES modules so that unused
 * locales are left out, loads in about a third of that (`npm run bench`). tsc's dist/ tree stays
 * for the tests and the benchmark, which load single modules. ExcelJS stays outside: only
 * `kam init` and `kam form --out` load it, on demand.
 */
const { buildSync } = require('esbuild');
const { join, resolve } = require('node:path');

buildSync({
  entryPoints: [join(__dirname, '..', 'src/cli/main.ts')],
  outfile: process.argv[2] ? resolve(process.argv[2]) : join(__dirname, '..', 'dist/cli/kam.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs', 'jszip'],
  tsconfig: join(__dirname, '..', 'tsconfig.cli.json'),
  logLevel: 'warning',
  legalComments: 'none',
});
