module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testTimeout: 120000,
};
