import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

const DEFAULT_APPID = 'wxzhikedemo00001';
const DEFAULT_API_BASE_URL = 'https://zhike.example.com';

export default defineConfig<'webpack5'>(() => {
  const appid = process.env.TARO_APP_APPID || DEFAULT_APPID;
  // Taro writes the appid of dist/weapp/project.config.json from TARO_APP_ID.
  process.env.TARO_APP_ID = appid;
  // The H5 build is served by the API server itself (demo console), so it calls the same origin.
  const apiBaseUrl =
    process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE_URL || DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  // The `shared` workspace ships TypeScript source; Taro compiles outside src/ only when told to.
  const compile = { include: [path.resolve(__dirname, '../../shared')] };

  const config: UserConfigExport<'webpack5'> = {
    projectName: 'zhike-miniprogram',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    defineConstants: {
      ZHIKE_API_BASE_URL: JSON.stringify(apiBaseUrl),
      ZHIKE_APPID: JSON.stringify(appid),
    },
    framework: 'react',
    compiler: 'webpack5',
    // app.config.ts is a cache dependency already, but webpack cannot follow its TypeScript import of the
    // routes table: without this, a page added to routes.ts stayed out of a cached H5 build.
    cache: { enable: true, buildDependencies: { routes: [path.resolve(__dirname, '../src/routes.ts')] } },
    mini: {
      compile,
      postcss: { pxtransform: { enable: true, config: {} } },
    },
    h5: {
      compile,
      publicPath: '/mp/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: { autoprefixer: { enable: true, config: {} } },
      webpackChain(chain) {
        // The H5 build carries Taro's DOM runtime and react-dom (~430 KB before gzip); warn only past that.
        chain.performance.maxAssetSize(512 * 1024).maxEntrypointSize(512 * 1024);
      },
    },
  };
  return config;
});
