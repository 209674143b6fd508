import { startSandboxServer } from '../../testing/test-app';
import { SANDBOX_PATHS } from '../sandbox/sandbox';
import { UpstreamApiError } from '../common/upstream-error';
import { WeComClient } from './wecom-client';

describe('WeComClient against the WeCom sandbox', () => {
  let upstream: Awaited<ReturnType<typeof startSandboxServer>>;
  const client = (overrides: Partial<ConstructorParameters<typeof WeComClient>[0]> = {}) =>
    new WeComClient({
      apiBase: upstream.url + SANDBOX_PATHS.wecom,
      corpId: 'wwzhikedemo000001',
      agentId: 1000002,
      agentSecret: upstream.sandbox.world.agentSecret,
      timeoutMs: 500,
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      ...overrides,
    });

  beforeEach(async () => {
    upstream = await startSandboxServer([]);
  });
  afterEach(() => upstream.close());

  it('fetches one token for a burst of concurrent calls (single flight)', async () => {
    const wecom = client();
    const members = await Promise.all(Array.from({ length: 10 }, () => wecom.getMember('lilei')));
    expect(members.map((m) => m.name)).toEqual(Array(10).fill('李雷'));
    expect(upstream.sandbox.wecom.callsTo('/cgi-bin/gettoken')).toBe(1);
  });

  it('refreshes and retries once on 40014, and does not loop when the new token fails too', async () => {
    const wecom = client();
    await wecom.getMember('lilei');
    upstream.sandbox.wecom.faults.inject('/cgi-bin/user/get', { kind: 'errcode', errcode: 40014 });
    expect((await wecom.getMember('lilei')).userid).toBe('lilei');
    expect(upstream.sandbox.wecom.callsTo('/cgi-bin/gettoken')).toBe(2);

    upstream.sandbox.wecom.faults.inject('/cgi-bin/user/get', { kind: 'errcode', errcode: 42001 }, 2);
    await expect(wecom.getMember('lilei')).rejects.toMatchObject({ errcode: 42001 });
    expect(upstream.sandbox.wecom.callsTo('/cgi-bin/gettoken')).toBe(3);
  });

  it('backs off and retries on -1 and 45009, then gives up as UPSTREAM_UNAVAILABLE', async () => {
    const wecom = client();
    upstream.sandbox.wecom.faults.inject('/cgi-bin/department/list', { kind: 'errcode', errcode: -1 });
    upstream.sandbox.wecom.faults.inject('/cgi-bin/department/list', { kind: 'errcode', errcode: 45009 });
    expect((await wecom.listDepartments()).map((d) => d.name)).toEqual(['知客演示企业', '销售一部', '销售二部', '运营部']);
    expect(upstream.sandbox.wecom.callsTo('/cgi-bin/department/list')).toBe(3);

    upstream.sandbox.wecom.limiter.setLimit('/cgi-bin/department/list', 0);
    await expect(wecom.listDepartments()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 502 });
    expect(upstream.sandbox.wecom.callsTo('/cgi-bin/department/list')).toBe(6);
  });

  it('retries a 5xx, and maps garbage and timeouts to 502 errors', async () => {
    const wecom = client();
    upstream.sandbox.wecom.faults.inject('/cgi-bin/user/list', { kind: 'http-status', status: 503 });
    expect((await wecom.listMembers(2)).map((m) => m.userid)).toEqual(['lilei', 'zhangwei']);

    upstream.sandbox.wecom.faults.inject('/cgi-bin/user/list', { kind: 'garbage' });
    await expect(wecom.listMembers(2)).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', status: 502 });

    upstream.sandbox.wecom.faults.inject('/cgi-bin/user/list', { kind: 'delay', ms: 800 }, 3);
    await expect(wecom.listMembers(2)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 502 });
  });

  it('reports a wrong secret as the upstream error it is, without retrying', async () => {
    const wecom = client({ agentSecret: 'wrong' });
    const error = await wecom.getMember('lilei').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamApiError);
    expect(error).toMatchObject({ errcode: 40001, code: 'UPSTREAM_REJECTED' });
    expect(upstream.sandbox.wecom.callsTo('/cgi-bin/gettoken')).toBe(1);
  });
});
