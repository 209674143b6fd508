import request from 'supertest';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, TEST_PUBLIC_URL, type TestApp } from '../../testing/test-app';

describe('staff login (WeCom OAuth snsapi_base)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp('stafflogin');
  });
  afterAll(() => app.close());

  it('logs a salesperson in end to end and binds the session to corp and userid', async () => {
    const { wecomPage, back, callback } = await completeStaffOAuth(app, 'lilei', '/sidebar/?from=chat');
    expect(wecomPage.searchParams.get('appid')).toBe(app.config.wecom.corpId);
    expect(wecomPage.searchParams.get('scope')).toBe('snsapi_base');
    expect(wecomPage.searchParams.get('agentid')).toBe(String(app.config.wecom.agentId));
    expect(wecomPage.searchParams.get('redirect_uri')).toBe(`${TEST_PUBLIC_URL}/api/auth/wecom/callback`);
    expect(wecomPage.hash).toBe('#wechat_redirect');
    expect(back.searchParams.get('state')).toBe(wecomPage.searchParams.get('state'));

    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/sidebar/?from=chat');
    const cookie = sessionCookie(callback);
    expect(String(callback.headers['set-cookie'])).toMatch(/httponly/i);

    const me = await request(app.callback).get('/api/auth/me').set('cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.staff).toEqual({
      id: expect.any(String),
      corpId: 'wwzhikedemo000001',
      userid: 'lilei',
      name: '李雷',
      avatar: '/sandbox/demo/avatar/lilei.svg',
      role: 'salesperson',
      departmentIds: [2],
    });
  });

  it('derives the manager role from department leadership and admin from configuration', async () => {
    const manager = await completeStaffOAuth(app, 'zhangwei');
    const admin = await completeStaffOAuth(app, 'chenjing');
    const roleOf = async (cookie: string) => (await request(app.callback).get('/api/auth/me').set('cookie', cookie)).body.staff.role;
    expect(await roleOf(sessionCookie(manager.callback))).toBe('manager');
    expect(await roleOf(sessionCookie(admin.callback))).toBe('admin');
  });

  it('refuses a replayed callback (state already used) and changes nothing', async () => {
    const { back } = await completeStaffOAuth(app, 'lilei');
    const replay = await request(app.callback).get(back.pathname + back.search);
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('OAUTH_STATE_INVALID');
    expect(replay.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a forged code and a reused code with 401 OAUTH_CODE_INVALID', async () => {
    const forged = await request(app.callback).post('/api/auth/wecom/login').send({ code: 'forged-code-123' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('OAUTH_CODE_INVALID');

    const start = await request(app.callback).get('/api/auth/wecom/authorize');
    const atWeCom = await fetch(start.headers.location!.replace(/#.*$/, ''), { redirect: 'manual' });
    const code = new URL(atWeCom.headers.get('location')!).searchParams.get('code')!;
    const first = await request(app.callback).post('/api/auth/wecom/login').send({ code });
    expect(first.status).toBe(200);
    expect(first.body.staff.userid).toBe('lilei');
    const reused = await request(app.callback).post('/api/auth/wecom/login').send({ code });
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe('OAUTH_CODE_INVALID');
  });

  it('refreshes an access token that expires mid-session exactly once', async () => {
    await completeStaffOAuth(app, 'lilei'); // a token is cached now
    const tokensBefore = app.sandbox.wecom.callsTo('/cgi-bin/gettoken');
    const exchangesBefore = app.sandbox.wecom.callsTo('/cgi-bin/auth/getuserinfo');
    app.sandbox.wecom.expireAllTokens();

    const { callback } = await completeStaffOAuth(app, 'hanmeimei');
    expect(callback.status).toBe(302);
    const me = await request(app.callback).get('/api/auth/me').set('cookie', sessionCookie(callback));
    expect(me.body.staff.name).toBe('韩梅梅');
    expect(app.sandbox.wecom.callsTo('/cgi-bin/gettoken') - tokensBefore).toBe(1);
    // The code exchange answered 42001 once, then succeeded with the new token.
    expect(app.sandbox.wecom.callsTo('/cgi-bin/auth/getuserinfo') - exchangesBefore).toBe(2);
  });

  it('rejects missing, tampered and logged-out session tokens', async () => {
    const { callback } = await completeStaffOAuth(app, 'lilei');
    const cookie = sessionCookie(callback);
    const token = cookie.split('=')[1]!;

    const tampered = await request(app.callback).get('/api/auth/me').set('authorization', `Bearer ${token.slice(0, -2)}xx`);
    expect(tampered.status).toBe(401);
    expect(tampered.body.error.code).toBe('UNAUTHENTICATED');

    const malformed = await request(app.callback).get('/api/auth/me').set('authorization', 'Basic abc');
    expect(malformed.status).toBe(401);

    const bearer = await request(app.callback).get('/api/auth/me').set('authorization', `Bearer ${token}`);
    expect(bearer.status).toBe(200);

    const logout = await request(app.callback).post('/api/auth/logout').set('cookie', cookie);
    expect(logout.body).toEqual({ loggedOut: true });
    const after = await request(app.callback).get('/api/auth/me').set('cookie', cookie);
    expect(after.status).toBe(401);
  });

  it('refuses a session used from another corp (the WeCom client switched corps)', async () => {
    const { callback } = await completeStaffOAuth(app, 'lilei');
    const res = await request(app.callback).get('/api/auth/me').set('cookie', sessionCookie(callback)).set('x-wecom-corp-id', 'wwanothercorp');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SESSION_CORP_MISMATCH');
  });

  it('forbids a customer token on staff routes and a staff token on customer routes', async () => {
    const { callback } = await completeStaffOAuth(app, 'lilei');
    const asStaff = await request(app.callback).get('/api/customers/me').set('cookie', sessionCookie(callback));
    expect(asStaff.status).toBe(403);
    expect(asStaff.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses a redirect that leaves the site', async () => {
    const res = await request(app.callback).get('/api/auth/wecom/authorize').query({ redirect: '//evil.example.com/' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'query.redirect', issue: '必须是以 / 开头的站内路径' }]);
  });
});
