// One jest run over every workspace; each package keeps its own config beside its code.
// testTimeout is a global option (ignored inside projects), so it is set here for the whole run.
module.exports = {
  projects: ['<rootDir>/shared', '<rootDir>/server', '<rootDir>/sidebar', '<rootDir>/miniprogram', '<rootDir>/test'],
  testTimeout: 30000,
};
