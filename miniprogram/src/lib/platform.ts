import Taro from '@tarojs/taro';
import { z } from 'zod';
import { SandboxWxLoginResponse, type SandboxWxLoginRequest } from '@zhike/shared/demo';
import type { PaymentParamsResponse } from '@zhike/shared/orders';
import { ApiError, errorMessage, request } from './request';

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

export type PayParams = PaymentParamsResponse['payParams'];

/**
 * What the customer did in WeChat's pay sheet. `paid` only means the sheet closed happily: the order is
 * paid when the server has WeChat Pay's word for it, so callers confirm with the server.
 */
export type PaymentOutcome = { kind: 'paid' } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** The demo payer's choice in the imitation pay sheet (H5 only). */
export type DemoPayChoice = 'pay' | 'cancel';

// `requestPayment:fail cancel` is the customer closing the sheet; older clients say `requestPayment:cancel`.
export function paymentOutcome(errMsg: string): PaymentOutcome {
  if (errMsg === 'requestPayment:ok') return { kind: 'paid' };
  if (/^requestPayment:(fail )?cancel$/.test(errMsg)) return { kind: 'cancelled' };
  const reason = errMsg.replace(/^requestPayment:fail\s*/, '').trim();
  return { kind: 'failed', message: reason ? `支付未完成：${reason}` : '支付未完成，请稍后重试' };
}

function errMsgOf(error: unknown): string {
  const errMsg = (error as { errMsg?: unknown } | null)?.errMsg;
  return typeof errMsg === 'string' ? errMsg : 'requestPayment:fail';
}

const DemoPayAnswer = z.object({ errMsg: z.string() });

async function wechatRequestPayment(params: PayParams): Promise<PaymentOutcome> {
  // appId is not passed: WeChat pays with the mini-program's own appid (which signed the order).
  const { timeStamp, nonceStr, package: prepay, signType, paySign } = params;
  try {
    return paymentOutcome((await Taro.requestPayment({ timeStamp, nonceStr, package: prepay, signType, paySign })).errMsg);
  } catch (error) {
    return paymentOutcome(errMsgOf(error));
  }
}

async function demoRequestPayment(params: PayParams, askDemoPayer: () => Promise<DemoPayChoice>): Promise<PaymentOutcome> {
  const choice = await askDemoPayer();
  try {
    const answer = await request({
      method: 'POST',
      path: '/sandbox/demo/wechatpay/pay',
      data: choice === 'cancel' ? { ...params, cancel: true } : { ...params },
      schema: DemoPayAnswer,
    });
    return paymentOutcome(answer.errMsg);
  } catch (error) {
    return { kind: 'failed', message: errorMessage(error) };
  }
}

/**
 * Opens the pay sheet with the server-signed parameters. Taro.requestPayment is a stub in the H5 build,
 * so the demo asks `askDemoPayer` (a sheet labelled 演示支付) and lets the WeChat Pay sandbox play the
 * phone: it checks paySign and takes the money, answering the errMsg WeChat would. The choice is one
 * expression so the WeChat build drops the demo path.
 */
export function requestPayment(params: PayParams, askDemoPayer: () => Promise<DemoPayChoice>): Promise<PaymentOutcome> {
  return process.env.TARO_ENV === 'weapp' ? wechatRequestPayment(params) : demoRequestPayment(params, askDemoPayer);
}
