import { AppError } from '../../platform/http/app-error';

/** getwxacodeunlimit's `scene`: at most 32 visible characters from this set (no `%`, so no URL-encoding tricks). */
export const WXA_SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
export const WXA_SCENE_MAX_LENGTH = 32;

export interface UnlimitedWxaCodeRequest {
  /** What the opened page reads back from `query.scene` (URL-encoded by WeChat). */
  scene: string;
  /** A page of the published mini-program, e.g. `pages/index/index`: no leading `/`, no query. */
  page: string;
  /** Image width in px, 280–1280 (WeChat's default 430). */
  width?: number;
  /** false allows pages not yet published. */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

/** Rejects what WeChat would reject (40169, 41030), with a message that says what to change. */
export function assertValidWxaCodeRequest(input: UnlimitedWxaCodeRequest): void {
  if (!WXA_SCENE_PATTERN.test(input.scene)) {
    const why =
      input.scene.length === 0 ? '不能为空' : input.scene.length > WXA_SCENE_MAX_LENGTH ? `超过 ${WXA_SCENE_MAX_LENGTH} 个字符` : "含有不允许的字符（只允许字母、数字和 !#$&'()*+,/:;=?@-._~）";
    throw new AppError('VALIDATION_FAILED', `小程序码的 scene ${why}`, [{ field: 'scene', issue: why }]);
  }
  if (!input.page || input.page.startsWith('/') || /[?#]/.test(input.page)) {
    throw new AppError('VALIDATION_FAILED', '小程序码的页面路径格式不正确', [{ field: 'page', issue: '形如 pages/index/index：不以 / 开头，不带参数' }]);
  }
  if (input.width !== undefined && !(Number.isInteger(input.width) && input.width >= 280 && input.width <= 1280)) {
    throw new AppError('VALIDATION_FAILED', '小程序码宽度须为 280–1280 的整数', [{ field: 'width', issue: '280–1280' }]);
  }
}
