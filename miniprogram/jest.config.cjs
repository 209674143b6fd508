module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'miniprogram',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/src/test/taro.ts',
    '^@tarojs/components$': '<rootDir>/src/test/taro-components.tsx',
    '\\.css$': '<rootDir>/src/test/style-stub.ts',
  },
  // What config/index.ts injects through defineConstants in a real build.
  globals: { ZHIKE_API_BASE_URL: 'https://api.test', ZHIKE_APPID: 'wxtestappid' },
};
