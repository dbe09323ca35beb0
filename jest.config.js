/** Unit and contract tests: Node alone, no system programs. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/interop/', '/test/e2e/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }] },
  // office-addin-manifest pulls in strip-bom and uuid, which ship only ES modules.
  transformIgnorePatterns: ['/node_modules/(?!(.*/)?(strip-bom|uuid)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // One limit for every test and hook, generous for a loaded two-core machine (a whole-CLI tsc
  // build in a beforeAll, a demo workbook through the simulator); no file sets its own.
  testTimeout: 180000,
};
