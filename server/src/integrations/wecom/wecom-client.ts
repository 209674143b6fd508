import { z } from 'zod';
import type { Logger } from '../../platform/logging/logger';
import { ErrcodeApi } from '../common/errcode-api';
import { encodeMultipart, type MultipartPart } from '../common/multipart';
import type { RetryPolicy } from '../common/retry-policy';
import { SingleFlightCache } from '../common/single-flight-cache';
import { parseUpstreamAnswer } from '../common/upstream-error';

export interface WeComClientOptions {
  apiBase: string;
  corpId: string;
  agentId: number;
  agentSecret: string;
  timeoutMs: number;
  retry?: RetryPolicy;
  log?: Logger;
  now?: () => number;
}

const TicketAnswer = z.object({ ticket: z.string().min(1), expires_in: z.number().int().positive() });
const UserInfoAnswer = z.object({ userid: z.string().optional(), openid: z.string().optional(), external_userid: z.string().optional() });
const MemberAnswer = z.object({
  userid: z.string(),
  name: z.string(),
  department: z.array(z.number().int()).default([]),
  is_leader_in_dept: z.array(z.number().int()).optional(),
  position: z.string().optional(),
  avatar: z.string().optional(),
  status: z.number().int().optional(),
});
const MemberListAnswer = z.object({ userlist: z.array(MemberAnswer) });
const DepartmentListAnswer = z.object({
  department: z.array(z.object({ id: z.number().int(), name: z.string(), parentid: z.number().int().optional() })),
});

export type WeComMember = z.infer<typeof MemberAnswer>;
export type WeComDepartment = z.infer<typeof DepartmentListAnswer>['department'][number];
export type WeComUserInfo = z.infer<typeof UserInfoAnswer>;

/** errcodes WeCom documents for an access token that is invalid or expired. */
const TOKEN_ERRCODES = [40014, 42001];
/** System busy and rate limited: worth a bounded retry with backoff. */
const TRANSIENT_ERRCODES = [-1, 45009, 45033];

/**
 * The one client of the WeCom server API (qyapi.weixin.qq.com, or the sandbox). It owns the app's
 * access token and JS-SDK tickets; no other code builds a WeCom URL.
 */
export class WeComClient {
  readonly corpId: string;
  readonly agentId: number;
  private readonly api: ErrcodeApi;
  private readonly accessToken: SingleFlightCache<string>;
  private readonly corpTicket: SingleFlightCache<string>;
  private readonly agentTicket: SingleFlightCache<string>;

  constructor(private readonly options: WeComClientOptions) {
    this.corpId = options.corpId;
    this.agentId = options.agentId;
    this.api = new ErrcodeApi({
      upstream: 'WeCom',
      baseUrl: options.apiBase,
      timeoutMs: options.timeoutMs,
      tokenErrcodes: TOKEN_ERRCODES,
      transientErrcodes: TRANSIENT_ERRCODES,
      retry: options.retry,
      log: options.log,
    });
    this.accessToken = this.api.accessTokenCache(
      { method: 'GET', path: '/cgi-bin/gettoken', query: { corpid: options.corpId, corpsecret: options.agentSecret } },
      options.now,
    );
    this.corpTicket = this.ticketCache('/cgi-bin/get_jsapi_ticket', {});
    this.agentTicket = this.ticketCache('/cgi-bin/ticket/get', { type: 'agent_config' });
  }

  /** OAuth2 code → member userid (or openid for non-members). The code is single use. */
  async getUserInfoByCode(code: string): Promise<WeComUserInfo> {
    return parseUpstreamAnswer('WeCom', UserInfoAnswer, await this.get('/cgi-bin/auth/getuserinfo', { code }));
  }

  async getMember(userid: string): Promise<WeComMember> {
    return parseUpstreamAnswer('WeCom', MemberAnswer, await this.get('/cgi-bin/user/get', { userid }));
  }

  async listDepartments(): Promise<WeComDepartment[]> {
    return parseUpstreamAnswer('WeCom', DepartmentListAnswer, await this.get('/cgi-bin/department/list', {})).department;
  }

  /** Members of one department (not its children); the directory sync walks every department. */
  async listMembers(departmentId: number): Promise<WeComMember[]> {
    return parseUpstreamAnswer('WeCom', MemberListAnswer, await this.get('/cgi-bin/user/list', { department_id: departmentId })).userlist;
  }

  /**
   * An authenticated call for the area clients (customer contact, …): the access token, its refresh on
   * 40014/42001 and the retries on busy codes all happen here. Callers parse the answer with zod.
   */
  call(method: 'GET' | 'POST', path: string, request: { query?: Record<string, string | number | undefined>; body?: unknown } = {}): Promise<Record<string, unknown>> {
    return this.api.call({ method, path, query: request.query, body: request.body, token: this.accessToken });
  }

  /**
   * A multipart/form-data POST (media upload) with the same token, retries and errcode mapping as
   * `call`. The body is encoded once, so a retry resends the same bytes.
   */
  postMultipart(path: string, query: Record<string, string | number | undefined>, parts: MultipartPart[]): Promise<Record<string, unknown>> {
    return this.api.call({ method: 'POST', path, query, rawBody: encodeMultipart(parts), token: this.accessToken });
  }

  getCorpJsApiTicket(): Promise<string> {
    return this.corpTicket.get();
  }

  getAgentJsApiTicket(): Promise<string> {
    return this.agentTicket.get();
  }

  private get(path: string, query: Record<string, string | number>) {
    return this.api.call({ method: 'GET', path, query, token: this.accessToken });
  }

  private ticketCache(path: string, query: Record<string, string>): SingleFlightCache<string> {
    return new SingleFlightCache(async () => {
      const answer = parseUpstreamAnswer('WeCom', TicketAnswer, await this.get(path, query));
      return { data: answer.ticket, ttlSeconds: answer.expires_in };
    }, this.options.now);
  }
}
