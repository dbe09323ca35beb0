/** Browser tests (`npm run test:e2e`, after `npm run build`): the built add-in in Chromium
    (playwright-core, /usr/bin/chromium), served on a free localhost port. Not part of `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 120000,
  maxWorkers: 1,
};
