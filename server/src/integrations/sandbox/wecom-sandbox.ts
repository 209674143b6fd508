import Router from '@koa/router';
import type { Context } from 'koa';
import { SANDBOX_MEMBER_COOKIE } from '@zhike/shared/demo';
import { signJsApi } from '../wecom/jssdk-signature';
import { ExpiringStore } from './expiring-store';
import { FaultInjector } from './fault-injector';
import { RateLimiter } from './rate-limiter';
import { randomToken, sandboxGuard, type CallRecord } from './sandbox-guard';
import type { SandboxClock } from './sandbox-clock';
import { WeComContactsSandbox } from './wecom-contacts-sandbox';
import { WeComMediaSandbox } from './wecom-media-sandbox';
import type { SandboxWorld } from './world';

const TOKEN_TTL_S = 7200;
const OAUTH_CODE_TTL_MS = 5 * 60 * 1000;

/** errcode answers, worded as WeCom words them. */
const fail = (ctx: Context, errcode: number, errmsg: string) => void (ctx.body = { errcode, errmsg });

/**
 * A local WeCom: the server API (qyapi.weixin.qq.com) and the OAuth page (open.weixin.qq.com), with
 * tokens that expire, single-use OAuth codes, rate limits and injectable faults.
 */
export class WeComSandbox {
  readonly faults = new FaultInjector();
  readonly limiter: RateLimiter;
  readonly calls: CallRecord[] = [];
  /** Customer contact (客户联系): customers, follows, corp tags, and their change hook. */
  readonly contacts: WeComContactsSandbox;
  /** Temporary media (素材管理): uploads that lapse after three days on the sandbox clock. */
  readonly media: WeComMediaSandbox;
  private readonly tokens: ExpiringStore<true>;
  private readonly oauthCodes: ExpiringStore<string>;
  private readonly agentTickets: ExpiringStore<true>;

  constructor(
    readonly world: SandboxWorld,
    private readonly clock: SandboxClock,
    /** Host names the OAuth page may redirect to (WeCom's 可信域名), e.g. "127.0.0.1:3000". */
    private readonly trustedHosts: () => string[],
  ) {
    const now = () => clock.now();
    this.limiter = new RateLimiter(now);
    this.tokens = new ExpiringStore(now);
    this.oauthCodes = new ExpiringStore(now);
    this.agentTickets = new ExpiringStore(now);
    this.contacts = new WeComContactsSandbox(world, clock);
    this.media = new WeComMediaSandbox(clock);
  }

  /** Every token issued so far lapses now: the next call answers 42001, as WeCom does on early expiry. */
  expireAllTokens(): void {
    this.tokens.expireAll();
  }

  callsTo(path: string): number {
    return this.calls.filter((call) => call.path === path).length;
  }

  router(prefix: string): Router {
    const router = new Router({ prefix });
    router.use(sandboxGuard({ prefix, faults: this.faults, limiter: this.limiter, calls: this.calls, now: () => this.clock.now() }));
    router.get('/cgi-bin/gettoken', (ctx) => this.getToken(ctx));
    router.get('/connect/oauth2/authorize', (ctx) => this.authorize(ctx));
    router.get('/cgi-bin/auth/getuserinfo', (ctx) => this.withToken(ctx, () => this.getUserInfo(ctx)));
    router.get('/cgi-bin/user/get', (ctx) => this.withToken(ctx, () => this.getMember(ctx)));
    router.get('/cgi-bin/user/list', (ctx) => this.withToken(ctx, () => this.listMembers(ctx)));
    router.get('/cgi-bin/department/list', (ctx) => this.withToken(ctx, () => (ctx.body = { errcode: 0, errmsg: 'ok', department: this.world.departments })));
    router.get('/cgi-bin/get_jsapi_ticket', (ctx) => this.withToken(ctx, () => this.issueTicket(ctx)));
    router.get('/cgi-bin/ticket/get', (ctx) =>
      this.withToken(ctx, () => (ctx.query.type === 'agent_config' ? this.issueTicket(ctx, this.agentTickets) : fail(ctx, 40058, 'invalid type'))),
    );
    this.contacts.mount(router, (ctx, answer) => this.withToken(ctx, answer));
    this.media.mount(router, (ctx) => {
      let valid = false;
      this.withToken(ctx, () => (valid = true));
      return valid;
    });
    return router;
  }

  private getToken(ctx: Context): void {
    if (ctx.query.corpid !== this.world.corpId) return fail(ctx, 40013, 'invalid corpid');
    if (ctx.query.corpsecret !== this.world.agentSecret) return fail(ctx, 40001, 'invalid credential');
    const token = randomToken(48);
    this.tokens.put(token, true, TOKEN_TTL_S * 1000);
    ctx.body = { errcode: 0, errmsg: 'ok', access_token: token, expires_in: TOKEN_TTL_S };
  }

  private withToken(ctx: Context, answer: () => void): void {
    const token = ctx.query.access_token;
    if (typeof token !== 'string' || !token) return fail(ctx, 41001, 'access_token missing');
    const found = this.tokens.lookup(token);
    if (found.status === 'missing') return fail(ctx, 40014, 'invalid access_token');
    if (found.status === 'expired') return fail(ctx, 42001, 'access_token expired');
    answer();
  }

  /** The OAuth page: the "signed-in member" is whoever the demo console (or a test) put in the cookie. */
  private authorize(ctx: Context): void {
    const { appid, redirect_uri: redirectUri, response_type: responseType, scope, state } = ctx.query;
    if (appid !== this.world.corpId) return this.oauthError(ctx, 'appid 参数错误');
    if (responseType !== 'code' || (scope !== 'snsapi_base' && scope !== 'snsapi_privateinfo')) return this.oauthError(ctx, 'scope 或 response_type 参数错误');
    let target: URL;
    try {
      target = new URL(String(redirectUri));
    } catch {
      return this.oauthError(ctx, 'redirect_uri 参数错误');
    }
    if (!this.trustedHosts().includes(target.host)) return this.oauthError(ctx, 'redirect_uri 需与可信域名一致 (50001)');
    const userid = ctx.cookies.get(SANDBOX_MEMBER_COOKIE) ?? this.world.members[0]!.userid;
    if (!this.world.members.some((m) => m.userid === userid)) return this.oauthError(ctx, `成员 ${userid} 不存在`);
    const code = randomToken(24);
    this.oauthCodes.put(code, userid, OAUTH_CODE_TTL_MS);
    target.searchParams.set('code', code);
    if (typeof state === 'string') target.searchParams.set('state', state);
    ctx.redirect(target.toString());
  }

  private oauthError(ctx: Context, message: string): void {
    ctx.status = 400;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = `<!doctype html><meta charset="utf-8"><p>企业微信授权失败：${message}</p>`;
  }

  private getUserInfo(ctx: Context): void {
    const userid = this.oauthCodes.take(String(ctx.query.code ?? ''));
    if (!userid) return fail(ctx, 40029, 'invalid code');
    ctx.body = { errcode: 0, errmsg: 'ok', userid };
  }

  private getMember(ctx: Context): void {
    const member = this.world.members.find((m) => m.userid === ctx.query.userid);
    if (!member) return fail(ctx, 60111, 'userid not found');
    ctx.body = { errcode: 0, errmsg: 'ok', ...this.memberJson(member) };
  }

  private listMembers(ctx: Context): void {
    const departmentId = Number(ctx.query.department_id);
    if (!this.world.departments.some((d) => d.id === departmentId)) return fail(ctx, 60123, 'invalid party id');
    const userlist = this.world.members.filter((m) => m.department.includes(departmentId)).map((m) => this.memberJson(m));
    ctx.body = { errcode: 0, errmsg: 'ok', userlist };
  }

  private memberJson(member: SandboxWorld['members'][number]) {
    return {
      userid: member.userid,
      name: member.name,
      department: member.department,
      is_leader_in_dept: member.isLeaderInDept,
      position: member.position,
      avatar: member.avatar,
      status: 1,
    };
  }

  private issueTicket(ctx: Context, remember?: ExpiringStore<true>): void {
    const ticket = randomToken(48);
    remember?.put(ticket, true, TOKEN_TTL_S * 1000);
    ctx.body = { errcode: 0, errmsg: 'ok', ticket, expires_in: TOKEN_TTL_S };
  }

  /** What the WeCom client checks on agentConfig: this corp and app, signed with an app ticket it issued. */
  verifyAgentConfig(check: { corpid: string; agentid: string | number; timestamp: string | number; nonceStr: string; signature: string; url: string }): { ok: boolean; errmsg?: string } {
    if (check.corpid !== this.world.corpId || Number(check.agentid) !== this.world.agentId) return { ok: false, errmsg: 'invalid corpid or agentid' };
    const signed = this.agentTickets
      .validKeys()
      .some((ticket) => signJsApi({ ticket, nonceStr: check.nonceStr, timestamp: Number(check.timestamp), url: check.url }) === check.signature);
    return signed ? { ok: true } : { ok: false, errmsg: 'invalid signature' };
  }
}
