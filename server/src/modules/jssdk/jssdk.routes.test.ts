import request from 'supertest';
import { signJsApi } from '../../integrations/wecom';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../../testing/test-app';

describe('JS-SDK signature routes', () => {
  let app: TestApp;
  let cookie: string;
  beforeAll(async () => {
    app = await createTestApp('jssdk');
    cookie = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
  });
  afterAll(() => app.close());

  it('signs the sidebar URL with the agent ticket, ignoring the #fragment', async () => {
    const url = `${TEST_PUBLIC_URL}/sidebar/?entry=chat#/customer`;
    const res = await request(app.callback).get('/api/wecom/jssdk/agent-config-signature').query({ url }).set('cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ corpId: 'wwzhikedemo000001', agentId: 1000002, timestamp: expect.any(Number), nonceStr: expect.any(String), signature: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const ticket = await app.clients.wecom.getAgentJsApiTicket(); // cached: the same ticket the route used
    expect(res.body.signature).toBe(signJsApi({ ticket, nonceStr: res.body.nonceStr, timestamp: res.body.timestamp, url: `${TEST_PUBLIC_URL}/sidebar/?entry=chat` }));
  });

  it('signs with the corp ticket for config, a different ticket', async () => {
    const url = `${TEST_PUBLIC_URL}/sidebar/`;
    const res = await request(app.callback).get('/api/wecom/jssdk/config-signature').query({ url }).set('cookie', cookie);
    const corpTicket = await app.clients.wecom.getCorpJsApiTicket();
    expect(corpTicket).not.toBe(await app.clients.wecom.getAgentJsApiTicket());
    expect(res.body.signature).toBe(signJsApi({ ticket: corpTicket, nonceStr: res.body.nonceStr, timestamp: res.body.timestamp, url }));
  });

  it('fetches each ticket once for many signatures', async () => {
    const before = app.sandbox.wecom.callsTo('/cgi-bin/ticket/get');
    await Promise.all(
      Array.from({ length: 10 }, () => request(app.callback).get('/api/wecom/jssdk/agent-config-signature').query({ url: `${TEST_PUBLIC_URL}/sidebar/` }).set('cookie', cookie)),
    );
    expect(app.sandbox.wecom.callsTo('/cgi-bin/ticket/get') - before).toBe(0);
  });

  it('refuses to sign another site or a malformed URL', async () => {
    const other = await request(app.callback).get('/api/wecom/jssdk/agent-config-signature').query({ url: 'https://evil.example.com/' }).set('cookie', cookie);
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('URL_NOT_ALLOWED');
    const malformed = await request(app.callback).get('/api/wecom/jssdk/agent-config-signature').query({ url: 'not a url' }).set('cookie', cookie);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].field).toBe('query.url');
  });
});

describe('the sandbox WeCom client check of agentConfig', () => {
  let app: TestApp;
  let cookie: string;
  beforeAll(async () => {
    app = await createTestApp('jssdkverify');
    cookie = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
  });
  afterAll(() => app.close());

  it('accepts the signature the server issued for that page, and nothing else', async () => {
    const url = `${TEST_PUBLIC_URL}/sidebar/`;
    const res = await request(app.callback).get('/api/wecom/jssdk/agent-config-signature').query({ url }).set('cookie', cookie);
    const check = { corpid: res.body.corpId, agentid: String(res.body.agentId), timestamp: String(res.body.timestamp), nonceStr: res.body.nonceStr, signature: res.body.signature, url };
    expect(app.sandbox.wecom.verifyAgentConfig(check)).toEqual({ ok: true });
    expect(app.sandbox.wecom.verifyAgentConfig({ ...check, url: `${TEST_PUBLIC_URL}/console/` })).toEqual({ ok: false, errmsg: 'invalid signature' });
    expect(app.sandbox.wecom.verifyAgentConfig({ ...check, agentid: '1000003' })).toEqual({ ok: false, errmsg: 'invalid corpid or agentid' });
  });
});
