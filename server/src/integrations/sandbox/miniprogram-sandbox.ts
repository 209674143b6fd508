import Router from '@koa/router';
import type { Context } from 'koa';
import QRCode from 'qrcode';
import { WXA_SCENE_PATTERN } from '../miniprogram/wxa-code';
import { ExpiringStore } from './expiring-store';
import { FaultInjector } from './fault-injector';
import { RateLimiter } from './rate-limiter';
import { randomToken, sandboxGuard, type CallRecord } from './sandbox-guard';
import type { SandboxClock } from './sandbox-clock';
import { miniProgramPages } from './miniprogram-pages';
import type { SandboxWeChatUser, SandboxWorld } from './world';

const LOGIN_CODE_TTL_MS = 5 * 60 * 1000;
const TOKEN_TTL_S = 7200;
const WXA_CODE_WIDTH = { min: 280, max: 1280, default: 430 };
const ENV_VERSIONS = ['release', 'trial', 'develop'];

export interface MiniProgramSandboxOptions {
  /**
   * The public origin serving the H5 build at `/mp/`, which a scanned code opens. Without it, the origin
   * the request came in on (fine on one machine, not for a phone).
   */
  publicUrl?: () => string;
  /** The published pages (check_path); defaults to the mini-program's routes table. */
  pages?: readonly string[];
}

/** Where a scanned code lands in the demo: the H5 build, on `page`, with the scene as WeChat passes it. */
export function wxaCodeLandingUrl(publicUrl: string, page: string, scene: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/mp/#/${page}?scene=${encodeURIComponent(scene)}`;
}

const fail = (ctx: Context, errcode: number, errmsg: string) => void (ctx.body = { errcode, errmsg });

/**
 * A local WeChat server API (api.weixin.qq.com) for the mini-program: single-use login codes,
 * code2session with a fresh session_key, stable access tokens, and mini-program codes that a phone
 * can scan into the H5 build.
 */
export class MiniProgramSandbox {
  readonly faults = new FaultInjector();
  readonly limiter: RateLimiter;
  readonly calls: CallRecord[] = [];
  private readonly loginCodes: ExpiringStore<SandboxWeChatUser>;
  private stableToken: { token: string; expiresAt: number } | undefined;
  private readonly pages: readonly string[];

  constructor(
    readonly world: SandboxWorld,
    private readonly clock: SandboxClock,
    private readonly options: MiniProgramSandboxOptions = {},
  ) {
    this.limiter = new RateLimiter(() => clock.now());
    this.loginCodes = new ExpiringStore(() => clock.now());
    this.pages = options.pages ?? miniProgramPages();
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
    router.post('/wxa/getwxacodeunlimit', async (ctx) => {
      if (this.tokenValid(ctx)) await this.wxaCodeUnlimited(ctx);
    });
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

  /** Only the current stable token is good; WeChat answers 40001 to an old one ("not latest"). */
  private tokenValid(ctx: Context): boolean {
    const token = ctx.query.access_token;
    if (typeof token !== 'string' || !token) return void fail(ctx, 41001, 'access_token missing'), false;
    if (!this.stableToken || this.stableToken.token !== token || this.stableToken.expiresAt <= this.clock.now()) {
      return void fail(ctx, 40001, 'invalid credential, access_token is invalid or not latest'), false;
    }
    return true;
  }

  private async wxaCodeUnlimited(ctx: Context): Promise<void> {
    // WeChat takes JSON only; a form post is a data format error.
    if (!ctx.is('application/json')) return fail(ctx, 47001, 'data format error');
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const { scene, check_path: checkPath, env_version: envVersion, width } = body;
    if (typeof scene !== 'string' || !WXA_SCENE_PATTERN.test(scene)) return fail(ctx, 40169, 'invalid length for scene, or the data is not json string');
    const page = body.page === undefined || body.page === '' ? this.pages[0]! : body.page;
    if (typeof page !== 'string' || page.startsWith('/') || /[?#]/.test(page)) return fail(ctx, 41030, 'invalid page rid');
    if (checkPath !== false && !this.pages.includes(page)) return fail(ctx, 41030, 'invalid page rid');
    if (envVersion !== undefined && !ENV_VERSIONS.includes(String(envVersion))) return fail(ctx, 40097, 'invalid args');
    // WeChat clamps the width into its range rather than failing.
    const size = typeof width === 'number' ? Math.min(WXA_CODE_WIDTH.max, Math.max(WXA_CODE_WIDTH.min, Math.round(width))) : WXA_CODE_WIDTH.default;

    const publicUrl = this.options.publicUrl?.() ?? `${ctx.protocol}://${ctx.host}`;
    ctx.type = 'image/png';
    ctx.body = await QRCode.toBuffer(wxaCodeLandingUrl(publicUrl, page, scene), { type: 'png', width: size, margin: 2, errorCorrectionLevel: 'M' });
  }
}
