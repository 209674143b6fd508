import request from 'supertest';
import { createTestApp, type TestApp } from '../../testing/test-app';

describe('customer login (mini-program code2session)', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A short timeout, so the slow-upstream case below is quick.
    app = await createTestApp('customerlogin', { UPSTREAM_TIMEOUT_MS: '1000' });
  });
  afterAll(() => app.close());

  const wxLogin = (openid?: string) => app.sandbox.miniProgram.issueLoginCode(app.config.miniProgram.appId, openid)!;

  it('turns a wx.login code into a customer session, and session_key never leaves the server', async () => {
    const res = await request(app.callback).post('/api/auth/miniprogram/login').send({ code: wxLogin('o_demo_liu') });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      customer: { id: expect.any(String), displayName: '微信用户', hasUnionId: true, firstSeenAt: expect.any(String) },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/session_key|sessionKey|openid|unionid/);
    const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(30);

    const me = await request(app.callback).get('/api/customers/me').set('authorization', `Bearer ${res.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body.customer).toEqual(res.body.customer);
  });

  it('finds the same customer on the next login', async () => {
    const first = await request(app.callback).post('/api/auth/miniprogram/login').send({ code: wxLogin('o_demo_sun') });
    const second = await request(app.callback).post('/api/auth/miniprogram/login').send({ code: wxLogin('o_demo_sun') });
    expect(second.body.customer.id).toBe(first.body.customer.id);
    expect(second.body.token).not.toBe(first.body.token);
  });

  it('refuses a forged or reused code with 401 LOGIN_CODE_INVALID', async () => {
    const code = wxLogin('o_demo_zhao');
    expect((await request(app.callback).post('/api/auth/miniprogram/login').send({ code })).status).toBe(200);
    const reused = await request(app.callback).post('/api/auth/miniprogram/login').send({ code });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('LOGIN_CODE_INVALID');
    const forged = await request(app.callback).post('/api/auth/miniprogram/login').send({ code: 'not-a-real-code' });
    expect(forged.status).toBe(401);
  });

  it('ends concurrent first logins of one person as one customer', async () => {
    const codes = Array.from({ length: 8 }, () => wxLogin('o_demo_wang'));
    const answers = await Promise.all(codes.map((code) => request(app.callback).post('/api/auth/miniprogram/login').send({ code })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.body.customer.id)).size).toBe(1);
    expect(await app.connection.collection('customers').countDocuments({ 'identifiers.openid': 'o_demo_wang' })).toBe(1);
  });

  it('answers 502 with our error shape when WeChat answers garbage, and 502 when it times out', async () => {
    app.sandbox.miniProgram.faults.inject('/sns/jscode2session', { kind: 'garbage' });
    const garbage = await request(app.callback).post('/api/auth/miniprogram/login').send({ code: wxLogin() });
    expect(garbage.status).toBe(502);
    expect(garbage.body.error.code).toBe('UPSTREAM_BAD_RESPONSE');

    app.sandbox.miniProgram.faults.inject('/sns/jscode2session', { kind: 'delay', ms: 1_500 });
    const slow = await request(app.callback).post('/api/auth/miniprogram/login').send({ code: wxLogin() });
    expect(slow.status).toBe(502);
    expect(slow.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
