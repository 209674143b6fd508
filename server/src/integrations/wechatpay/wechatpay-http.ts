import type { IPayRequest, Output } from 'wechatpay-node-v3/dist/define';
import type { Logger } from '../../platform/logging/logger';
import { upstreamBadResponse, upstreamUnavailable } from '../common/upstream-error';
import { SignedMessageRejected, verifySignedMessage } from './signed-message';
import type { WeChatPayVerificationKeys } from './verification-keys';
import { WECHATPAY_UPSTREAM, WeChatPayApiError, WeChatPayErrorBody } from './wechatpay-api-error';

/** wechatpay-node-v3 hard-codes this host and signs only what follows it, so another host keeps signatures valid. */
export const LIBRARY_API_BASE = 'https://api.mch.weixin.qq.com';

export interface WeChatPayHttpOptions {
  /** The real API (`https://api.mch.weixin.qq.com`), its backup host, or the sandbox. */
  apiBase: string;
  timeoutMs: number;
  keys: WeChatPayVerificationKeys;
  now: () => number;
  log?: Logger;
}

/** What the library hands back from one exchange; errors never get here — they are thrown. */
export interface PayHttpOutput extends Output {
  status: number;
  data?: unknown;
}

/**
 * The transport plugged into wechatpay-node-v3 (`pay.createHttp`) in place of its superagent one: fetch
 * to the configured base URL, the exact JSON the library signed, `Wechatpay-Serial` in public-key mode,
 * and every answer's signature verified before anything in it is believed. Failures are thrown as the
 * project's upstream errors instead of the library's `{status, error}` objects.
 */
export class WeChatPayHttp implements IPayRequest {
  constructor(private readonly options: WeChatPayHttpOptions) {}

  post(url: string, params: Record<string, unknown>, headers: Record<string, unknown>): Promise<PayHttpOutput> {
    // The library signed JSON.stringify of this very object, so the same call reproduces the signed bytes.
    return this.exchange('POST', url, JSON.stringify(params), headers);
  }

  get(url: string, headers: Record<string, unknown>): Promise<PayHttpOutput> {
    return this.exchange('GET', url, undefined, headers);
  }

  upload(): Promise<PayHttpOutput> {
    return Promise.reject(new Error('WeChat Pay uploads are not used'));
  }

  private async exchange(method: 'GET' | 'POST', libraryUrl: string, body: string | undefined, libraryHeaders: Record<string, unknown>): Promise<PayHttpOutput> {
    if (!libraryUrl.startsWith(LIBRARY_API_BASE + '/')) throw new Error(`unexpected WeChat Pay URL ${libraryUrl}`);
    const path = libraryUrl.slice(LIBRARY_API_BASE.length);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(libraryHeaders)) {
      // fetch negotiates compression itself.
      if (typeof value === 'string' && name.toLowerCase() !== 'accept-encoding') headers[name] = value;
    }
    if (this.options.keys.publicKeyId) headers['Wechatpay-Serial'] = this.options.keys.publicKeyId;

    let response: Response;
    let text: string;
    try {
      response = await fetch(this.options.apiBase + path, { method, headers, body, signal: AbortSignal.timeout(this.options.timeoutMs) });
      text = await response.text();
    } catch (error) {
      const why = (error as Error).name === 'TimeoutError' ? `timed out after ${this.options.timeoutMs} ms` : (error as Error).message;
      this.options.log?.warn({ upstream: WECHATPAY_UPSTREAM, method, path, why }, 'upstream unreachable');
      throw upstreamUnavailable(WECHATPAY_UPSTREAM, why);
    }
    // A 5xx body is not used for anything (gateways answer those unsigned), so there is nothing to verify.
    if (response.status >= 500) {
      this.options.log?.warn({ upstream: WECHATPAY_UPSTREAM, method, path, status: response.status }, 'upstream error');
      throw upstreamUnavailable(WECHATPAY_UPSTREAM, `HTTP ${response.status}`);
    }
    try {
      verifySignedMessage(this.options.keys, Object.fromEntries(response.headers), text, this.options.now());
    } catch (error) {
      if (!(error instanceof SignedMessageRejected)) throw error;
      this.options.log?.warn({ upstream: WECHATPAY_UPSTREAM, method, path, status: response.status, reason: error.reason }, 'unverifiable WeChat Pay answer');
      throw upstreamBadResponse(WECHATPAY_UPSTREAM, `${method} ${path}: ${error.message}`);
    }
    const json = text === '' ? undefined : parseJson(text);
    if (response.status >= 200 && response.status < 300) {
      if (text !== '' && json === undefined) throw upstreamBadResponse(WECHATPAY_UPSTREAM, `${method} ${path}: HTTP ${response.status}, body is not JSON`);
      return { status: response.status, data: json };
    }
    const failure = WeChatPayErrorBody.safeParse(json);
    if (!failure.success) throw upstreamBadResponse(WECHATPAY_UPSTREAM, `${method} ${path}: HTTP ${response.status} without an error code`);
    this.options.log?.warn({ upstream: WECHATPAY_UPSTREAM, method, path, status: response.status, code: failure.data.code, message: failure.data.message }, 'upstream error');
    throw new WeChatPayApiError(response.status, failure.data.code, failure.data.message, failure.data.detail);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
