/** The arrows point inward (DESIGN.md): the engine sees plain tables, nothing of its hosts. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain must not import Office, ExcelJS, React, Node built-ins or any other layer',
      severity: 'error',
      from: { path: '^src/domain' },
      to: {
        pathNot: '^(src/domain|node_modules/zod)',
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'operations-not-adapters',
      comment: 'operations are written once against the port, never against an adapter',
      severity: 'error',
      from: { path: '^src/workbook/operations' },
      to: { path: '^src/(workbook/(excel|xlsx)|taskpane|cli|preview|commands)' },
    },
    {
      name: 'hosts-use-adapter-entries',
      comment:
        'hosts (the pane, the preview host, the ribbon, the CLI) reach an adapter only through its entries: ' +
        'workbook/excel/index.ts, and workbook/xlsx/index.ts (package layer), node.ts (files) or exceljs.ts (ExcelJS)',
      severity: 'error',
      from: { path: '^src/(taskpane|preview/host|commands|cli)' },
      to: {
        path: '^src/workbook/(excel|xlsx)/',
        pathNot: '^src/workbook/(excel/index|xlsx/(index|node|exceljs))\\.ts$',
      },
    },
    {
      name: 'simulator-implements-the-api-only',
      comment:
        'the Excel simulator is a stand-in for Excel: it implements the API subset the adapter is written against ' +
        '(workbook/excel/api.ts, types only) and shares no other code with what it checks',
      severity: 'error',
      from: { path: '^src/preview/simulator' },
      to: { path: '^src/workbook/', pathNot: '^src/workbook/excel/api\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
