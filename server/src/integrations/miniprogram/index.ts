export { MiniProgramClient, type MiniProgramClientOptions, type MiniProgramSession } from './miniprogram-client';
