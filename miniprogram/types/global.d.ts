/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';

/** Injected by config/index.ts through defineConstants; jest.config.cjs defines them as globals. */
declare const ZHIKE_API_BASE_URL: string;
declare const ZHIKE_APPID: string;
