import Taro from '@tarojs/taro';
import { SandboxWxLoginResponse, type SandboxWxLoginRequest } from '@zhike/shared/demo';
import { ApiError, request } from './request';

/**
 * A wx.login code for the server's code2session. Taro.login is a stub in the H5 build, so the demo
 * (the phone frame of the demo console) asks the sandbox upstream for a code instead.
 */
export async function getLoginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const { code } = await Taro.login();
      if (code) return code;
    } catch {
      // Fall through: the customer sees one plain message whatever WeChat said.
    }
    throw new ApiError('WX_LOGIN_FAILED', '微信登录失败，请稍后重试');
  }
  const openid = demoWeChatUser();
  const body: SandboxWxLoginRequest = openid ? { appid: ZHIKE_APPID, openid } : { appid: ZHIKE_APPID };
  const { code } = await request({
    method: 'POST',
    path: '/sandbox/demo/wx-login',
    data: body,
    schema: SandboxWxLoginResponse,
  });
  return code;
}

/** The simulated WeChat user holding the demo phone: `?wxUser=` on the page URL (H5 only). */
export function demoWeChatUser(): string | undefined {
  if (process.env.TARO_ENV === 'weapp' || typeof window === 'undefined') return undefined;
  return new URLSearchParams(window.location.search).get('wxUser') || undefined;
}

/**
 * A storage key of the WeChat user holding the phone. WeChat keeps storage per user already; the demo
 * console swaps simulated users inside one browser, so there each user gets keys of their own.
 */
export function userScopedKey(key: string): string {
  const user = demoWeChatUser();
  return user ? `${key}:${user}` : key;
}
