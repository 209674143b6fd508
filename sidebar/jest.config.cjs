// Component tests run in jsdom; entry files (*.main.tsx) are the only ones importing CSS, so no style mapper.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'sidebar',
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { url: 'http://localhost/sidebar/' },
  roots: ['<rootDir>/src'],
};
