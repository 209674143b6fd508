module.exports = { ...require('../jest.preset.cjs'), displayName: 'shared', testEnvironment: 'node', roots: ['<rootDir>/src'] };
