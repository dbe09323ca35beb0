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
