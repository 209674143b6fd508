import Router from '@koa/router';
import type { Context } from 'koa';
import { ExpiringStore } from './expiring-store';
import { FaultInjector } from './fault-injector';
import { RateLimiter } from './rate-limiter';
import { randomToken, sandboxGuard, type CallRecord } from './sandbox-guard';
import type { SandboxClock } from './sandbox-clock';
import type { SandboxWeChatUser, SandboxWorld } from './world';

const LOGIN_CODE_TTL_MS = 5 * 60 * 1000;
const TOKEN_TTL_S = 7200;

const fail = (ctx: Context, errcode: number, errmsg: string) => void (ctx.body = { errcode, errmsg });

/**
 * A local WeChat server API (api.weixin.qq.com) for the mini-program: single-use login codes,
 * code2session with a fresh session_key, and stable access tokens.
 */
export class MiniProgramSandbox {
  readonly faults = new FaultInjector();
  readonly limiter: RateLimiter;
  readonly calls: CallRecord[] = [];
  private readonly loginCodes: ExpiringStore<SandboxWeChatUser>;
  private stableToken: { token: string; expiresAt: number } | undefined;

  constructor(
    readonly world: SandboxWorld,
    private readonly clock: SandboxClock,
  ) {
    this.limiter = new RateLimiter(() => clock.now());
    this.loginCodes = new ExpiringStore(() => clock.now());
  }

  /** What wx.login does on a phone: a code for this user, valid five minutes, redeemable once. */
  issueLoginCode(appid: string, openid?: string): string | undefined {
    if (appid !== this.world.miniProgramAppId) return undefined;
    const user = openid ? this.world.wechatUsers.find((u) => u.openid === openid) : this.world.wechatUsers[0];
    if (!user) return undefined;
    const code = randomToken(24);
    this.loginCodes.put(code, user, LOGIN_CODE_TTL_MS);
    return code;
  }

  router(prefix: string): Router {
    const router = new Router({ prefix });
    router.use(sandboxGuard({ prefix, faults: this.faults, limiter: this.limiter, calls: this.calls, now: () => this.clock.now() }));
    router.get('/sns/jscode2session', (ctx) => this.code2Session(ctx));
    router.post('/cgi-bin/stable_token', (ctx) => this.issueStableToken(ctx));
    return router;
  }

  private credentialsValid(ctx: Context, appid: unknown, secret: unknown): boolean {
    if (appid !== this.world.miniProgramAppId) return void fail(ctx, 40013, 'invalid appid'), false;
    if (secret !== this.world.miniProgramSecret) return void fail(ctx, 40125, 'invalid appsecret'), false;
    return true;
  }

  private code2Session(ctx: Context): void {
    const { appid, secret, js_code: code, grant_type: grantType } = ctx.query;
    if (!this.credentialsValid(ctx, appid, secret)) return;
    if (grantType !== 'authorization_code') return fail(ctx, 40002, 'invalid grant_type');
    const user = this.loginCodes.take(String(code ?? ''));
    if (!user) return fail(ctx, 40029, 'invalid code');
    ctx.body = { openid: user.openid, unionid: user.unionid, session_key: randomToken(16) };
  }

  private issueStableToken(ctx: Context): void {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    if (body.grant_type !== 'client_credential') return fail(ctx, 40002, 'invalid grant_type');
    if (!this.credentialsValid(ctx, body.appid, body.secret)) return;
    const now = this.clock.now();
    if (!this.stableToken || this.stableToken.expiresAt <= now || body.force_refresh === true) {
      this.stableToken = { token: randomToken(48), expiresAt: now + TOKEN_TTL_S * 1000 };
    }
    ctx.body = { access_token: this.stableToken.token, expires_in: Math.round((this.stableToken.expiresAt - now) / 1000) };
  }
}
