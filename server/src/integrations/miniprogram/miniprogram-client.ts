import { z } from 'zod';
import type { Logger } from '../../platform/logging/logger';
import { ErrcodeApi } from '../common/errcode-api';
import type { RetryPolicy } from '../common/retry-policy';
import type { SingleFlightCache } from '../common/single-flight-cache';
import { parseUpstreamAnswer } from '../common/upstream-error';
import { assertValidWxaCodeRequest, type UnlimitedWxaCodeRequest } from './wxa-code';

export interface MiniProgramClientOptions {
  apiBase: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
  retry?: RetryPolicy;
  log?: Logger;
  now?: () => number;
}

const SessionAnswer = z.object({ openid: z.string().min(1), session_key: z.string().min(1), unionid: z.string().min(1).optional() });

export type MiniProgramSession = z.infer<typeof SessionAnswer>;

/** In the WeChat server API, 40001 also means "access_token invalid or not the latest". */
const TOKEN_ERRCODES = [40001, 40014, 42001];
const TRANSIENT_ERRCODES = [-1, 45009];

/** The one client of the WeChat server API for the mini-program (api.weixin.qq.com, or the sandbox). */
export class MiniProgramClient {
  readonly appId: string;
  private readonly api: ErrcodeApi;
  /** Used by later features (mini-program codes, phone numbers); stable_token never invalidates other holders. */
  readonly accessToken: SingleFlightCache<string>;

  constructor(private readonly options: MiniProgramClientOptions) {
    this.appId = options.appId;
    this.api = new ErrcodeApi({
      upstream: 'WeChat',
      baseUrl: options.apiBase,
      timeoutMs: options.timeoutMs,
      tokenErrcodes: TOKEN_ERRCODES,
      transientErrcodes: TRANSIENT_ERRCODES,
      retry: options.retry,
      log: options.log,
    });
    this.accessToken = this.api.accessTokenCache(
      { method: 'POST', path: '/cgi-bin/stable_token', body: { grant_type: 'client_credential', appid: options.appId, secret: options.appSecret, force_refresh: false } },
      options.now,
    );
  }

  /** wx.login code → openid, unionid (when bound to an open-platform account) and session_key. The code is single use. */
  async code2Session(code: string): Promise<MiniProgramSession> {
    return parseUpstreamAnswer('WeChat', SessionAnswer, await this.api.call({
      method: 'GET',
      path: '/sns/jscode2session',
      query: { appid: this.options.appId, secret: this.options.appSecret, js_code: code, grant_type: 'authorization_code' },
    }));
  }

  /**
   * A mini-program code (小程序码) for `page` carrying `scene`, without WeChat's quota on codes.
   * Success is the image itself; a failure is JSON `{errcode, errmsg}` and is thrown like any other.
   */
  async getUnlimitedWxaCode(input: UnlimitedWxaCodeRequest): Promise<{ contentType: string; bytes: Buffer }> {
    assertValidWxaCodeRequest(input);
    return this.api.callForImage({
      method: 'POST',
      path: '/wxa/getwxacodeunlimit',
      token: this.accessToken,
      body: { scene: input.scene, page: input.page, width: input.width, check_path: input.checkPath, env_version: input.envVersion },
    });
  }
}
