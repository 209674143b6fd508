import { customerSession, fail, ok, serveApi } from '../test/api';
import { lastRequest, resetTaro, sentRequests } from '../test/taro';
import { authedRequest, loadCurrentCustomer, login, readSession } from './auth';
import { CustomerMeResponse } from '@zhike/shared/auth';

const WX_LOGIN = 'POST /sandbox/demo/wx-login';
const LOGIN = 'POST /api/auth/miniprogram/login';
const ME = 'GET /api/customers/me';

describe('auth', () => {
  beforeEach(resetTaro);
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('logs in with a fresh code, stores the session and answers with the customer', async () => {
    serveApi({ [WX_LOGIN]: () => ok({ code: 'code-1' }), [LOGIN]: () => ok(customerSession()) });

    await expect(loadCurrentCustomer()).resolves.toMatchObject({ displayName: '王小明' });
    expect(sentRequests()).toEqual([WX_LOGIN, LOGIN]);
    expect(lastRequest().data).toEqual({ code: 'code-1' });
    expect(readSession()?.token).toBe('token-wang-1');
  });

  it('shares one login between concurrent callers', async () => {
    serveApi({ [WX_LOGIN]: () => ok({ code: 'code-1' }), [LOGIN]: () => ok(customerSession()) });

    await Promise.all([login(), login(), loadCurrentCustomer()]);
    expect(sentRequests()).toEqual([WX_LOGIN, LOGIN]);
  });

  it('reuses a stored session until it expires', async () => {
    serveApi({
      [WX_LOGIN]: () => ok({ code: 'code-1' }),
      [LOGIN]: [() => ok(customerSession({ expiresAt: new Date(Date.now() + 30_000).toISOString() })), () => ok(customerSession({ token: 'token-wang-2' }))],
      [ME]: () => ok({ customer: customerSession().customer }),
    });

    await login();
    // Expires within the safety margin: not reused.
    await loadCurrentCustomer();
    expect(sentRequests()).toEqual([WX_LOGIN, LOGIN, WX_LOGIN, LOGIN]);

    await loadCurrentCustomer();
    expect(sentRequests().slice(4)).toEqual([ME]);
    expect(lastRequest().header).toEqual({ Authorization: 'Bearer token-wang-2' });
  });

  it('logs in again once when the server answers 401, then repeats the call', async () => {
    serveApi({
      [WX_LOGIN]: () => ok({ code: 'code-1' }),
      [LOGIN]: [() => ok(customerSession()), () => ok(customerSession({ token: 'token-wang-2' }))],
      [ME]: [() => fail(401, 'SESSION_EXPIRED', '登录已过期，请重新登录'), () => ok({ customer: customerSession().customer })],
    });
    await login();

    await expect(authedRequest({ method: 'GET', path: '/api/customers/me', schema: CustomerMeResponse })).resolves.toMatchObject({
      customer: { displayName: '王小明' },
    });
    expect(sentRequests()).toEqual([WX_LOGIN, LOGIN, ME, WX_LOGIN, LOGIN, ME]);
    expect(lastRequest().header).toEqual({ Authorization: 'Bearer token-wang-2' });
  });

  it('gives up after the second 401 instead of looping', async () => {
    serveApi({
      [WX_LOGIN]: () => ok({ code: 'code-1' }),
      [LOGIN]: () => ok(customerSession()),
      [ME]: () => fail(401, 'UNAUTHENTICATED', '请先登录'),
    });

    await expect(authedRequest({ method: 'GET', path: '/api/customers/me', schema: CustomerMeResponse })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(sentRequests()).toEqual([WX_LOGIN, LOGIN, ME, WX_LOGIN, LOGIN, ME]);
  });

  it('keeps one session per simulated WeChat user in the demo', async () => {
    serveApi({
      [WX_LOGIN]: () => ok({ code: 'code-1' }),
      [LOGIN]: [() => ok(customerSession()), () => ok(customerSession({ token: 'token-zhao-1' }))],
    });
    window.history.replaceState(null, '', '/mp/?wxUser=o_demo_wang');
    await login();
    window.history.replaceState(null, '', '/mp/?wxUser=o_demo_zhao');

    expect(readSession()).toBeNull();
  });
});
