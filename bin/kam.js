#!/usr/bin/env node
'use strict';
// The CLI is compiled and bundled into dist/cli/kam.js by `npm install` (the "prepare" script).
require('../dist/cli/kam.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
