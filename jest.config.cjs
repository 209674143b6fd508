// One jest run over every workspace; each package keeps its own config beside its code.
module.exports = {
  projects: ['<rootDir>/shared', '<rootDir>/server', '<rootDir>/sidebar', '<rootDir>/miniprogram', '<rootDir>/test'],
};
