export { MiniProgramClient, type MiniProgramClientOptions, type MiniProgramSession } from './miniprogram-client';
export { assertValidWxaCodeRequest, WXA_SCENE_MAX_LENGTH, WXA_SCENE_PATTERN, type UnlimitedWxaCodeRequest } from './wxa-code';
