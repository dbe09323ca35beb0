/** Tests that need LibreOffice (soffice) to open what we write. */
const base = require('./jest.config.js');
module.exports = { ...base, testMatch: ['**/test/interop/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/'] };
