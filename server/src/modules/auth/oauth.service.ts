import crypto from 'node:crypto';
import { AppError } from '../../platform/http/app-error';
import type { SessionRepository } from './session.repository';

const STATE_TTL_MS = 10 * 60 * 1000;

export interface OAuthSettings {
  corpId: string;
  agentId: number;
  oauthBase: string;
  /** Where WeCom sends the browser back: our callback route on the public origin. */
  callbackUrl: string;
  now?: () => Date;
}

/** WeCom OAuth2 (snsapi_base) for staff: a single-use state per attempt, so a replayed callback is refused. */
export class StaffOAuthService {
  private readonly now: () => Date;

  constructor(
    private readonly repository: SessionRepository,
    private readonly settings: OAuthSettings,
  ) {
    this.now = settings.now ?? (() => new Date());
  }

  async authorizeUrl(redirect: string): Promise<string> {
    const state = crypto.randomBytes(16).toString('hex');
    await this.repository.insertOAuthState({ state, redirect, expiresAt: new Date(this.now().getTime() + STATE_TTL_MS) });
    const url = new URL(`${this.settings.oauthBase}/connect/oauth2/authorize`);
    url.search = new URLSearchParams({
      appid: this.settings.corpId,
      redirect_uri: this.settings.callbackUrl,
      response_type: 'code',
      scope: 'snsapi_base',
      state,
      agentid: String(this.settings.agentId),
    }).toString();
    url.hash = 'wechat_redirect';
    return url.toString();
  }

  /** Where to send the browser after login; fails if the state is unknown, expired or already used. */
  async consumeState(state: string): Promise<string> {
    const found = await this.repository.consumeOAuthState(state, this.now());
    if (!found) throw new AppError('OAUTH_STATE_INVALID', '登录请求已失效或已被使用，请重新打开页面', [{ field: 'query.state', issue: '未知、过期或已使用' }]);
    return found.redirect;
  }
}
