import type { Logger } from '../../platform/logging/logger';
import { requestUpstream, type ImageResponse, type JsonResponse, type RawBody } from './http-json';
import { backoffDelay, DEFAULT_RETRY, sleep, type RetryPolicy } from './retry-policy';
import { z } from 'zod';
import { SingleFlightCache } from './single-flight-cache';
import { parseUpstreamAnswer, upstreamBadResponse, UpstreamApiError, upstreamUnavailable } from './upstream-error';

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

export interface ErrcodeApiOptions {
  upstream: string;
  baseUrl: string;
  timeoutMs: number;
  /** errcodes meaning "your token is no good": refresh it and retry once. */
  tokenErrcodes: number[];
  /** errcodes meaning "busy / throttled": back off and retry. */
  transientErrcodes: number[];
  retry?: RetryPolicy;
  log?: Logger;
}

export interface ErrcodeCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Sent as is instead of `body` (multipart uploads). */
  rawBody?: RawBody;
  /** When set, `access_token` is added to the query from this cache. */
  token?: SingleFlightCache<string>;
}

/**
 * The calling convention WeCom and the WeChat server API share: JSON answers carrying `errcode`
 * (0 or absent = success), tokens in the query string, busy codes worth retrying.
 */
export class ErrcodeApi {
  private readonly retry: RetryPolicy;

  constructor(private readonly options: ErrcodeApiOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  async call<T extends Record<string, unknown>>(call: ErrcodeCall): Promise<T> {
    const answer = await this.exchange(call, false);
    if ('json' in answer) return answer.json as T;
    throw upstreamBadResponse(this.options.upstream, `unexpected ${answer.contentType} from ${call.path}`);
  }

  /**
   * For the APIs that answer raw image bytes on success and JSON `{errcode, errmsg}` on failure
   * (getwxacodeunlimit): the same token refresh, retries and errcode mapping as `call`.
   */
  async callForImage(call: ErrcodeCall): Promise<{ contentType: string; bytes: Buffer }> {
    const answer = await this.exchange(call, true);
    if ('bytes' in answer) return { contentType: answer.contentType, bytes: answer.bytes };
    throw upstreamBadResponse(this.options.upstream, `${call.path} answered JSON without an errcode instead of an image`);
  }

  private async exchange(call: ErrcodeCall, acceptImage: boolean): Promise<JsonResponse | ImageResponse> {
    let tokenRefreshed = false;
    for (let attempt = 1; ; attempt++) {
      const token = call.token ? await call.token.get() : undefined;
      const url = this.url(call, token);
      const answer = await requestUpstream({
        upstream: this.options.upstream,
        method: call.method,
        url,
        body: call.body,
        rawBody: call.rawBody,
        acceptImage,
        timeoutMs: this.options.timeoutMs,
        log: this.options.log,
      });
      if (!('json' in answer)) return answer;
      const { status, json } = answer;
      const errcode = typeof json.errcode === 'number' ? json.errcode : 0;
      if (status < 500 && errcode === 0) return answer;

      if (call.token && token && this.options.tokenErrcodes.includes(errcode) && !tokenRefreshed) {
        call.token.invalidate(token);
        tokenRefreshed = true;
        attempt--; // a token refresh is not a failed attempt
        continue;
      }
      const transient = status >= 500 || this.options.transientErrcodes.includes(errcode);
      if (transient && attempt < this.retry.attempts) {
        await sleep(backoffDelay(this.retry, attempt));
        continue;
      }
      this.options.log?.warn({ upstream: this.options.upstream, path: call.path, status, errcode, errmsg: json.errmsg }, 'upstream error');
      if (status >= 500) throw upstreamUnavailable(this.options.upstream, `HTTP ${status} after ${attempt} attempts`);
      if (transient) throw upstreamUnavailable(this.options.upstream, `errcode ${errcode} after ${attempt} attempts`);
      throw new UpstreamApiError(this.options.upstream, errcode, String(json.errmsg ?? ''));
    }
  }

  /** An access-token cache filled by one call of this API (WeCom gettoken, WeChat stable_token). */
  accessTokenCache(fetchToken: Omit<ErrcodeCall, 'token'>, now?: () => number): SingleFlightCache<string> {
    return new SingleFlightCache(async () => {
      const answer = parseUpstreamAnswer(this.options.upstream, TokenAnswer, await this.call(fetchToken));
      return { data: answer.access_token, ttlSeconds: answer.expires_in };
    }, now);
  }

  private url(call: ErrcodeCall, token: string | undefined): string {
    const url = new URL(this.options.baseUrl + call.path);
    if (token) url.searchParams.set('access_token', token);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }
}
