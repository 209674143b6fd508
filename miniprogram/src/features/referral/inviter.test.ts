import { customerSession, fail, ok, serveApi } from '../../test/api';
import { loggedIn } from '../../test/session';
import taro, { resetTaro, sentRequests, stored } from '../../test/taro';
import { login } from '../../lib/auth';
import { captureInviter, claimPendingReferral, readInviter, resetReferralClaimForTests } from './inviter';

const CLAIMS = 'POST /api/referrals/claims';
const WX_LOGIN = 'POST /sandbox/demo/wx-login';
const LOGIN = 'POST /api/auth/miniprogram/login';

describe('referral capture', () => {
  beforeEach(resetTaro);

  it('reads a well-formed inviter from a query, decoding it', () => {
    expect(readInviter({ inviter: 'WANG2026' })).toBe('WANG2026');
    expect(readInviter({ inviter: 'WANG%32026' })).toBe('WANG2026');
    expect(readInviter({ inviter: 'x' })).toBeUndefined();
    expect(readInviter({ inviter: '<script>' })).toBeUndefined();
    expect(readInviter(undefined)).toBeUndefined();
  });

  it('keeps the inviter until login and then claims it once, as a share', async () => {
    serveApi({ [WX_LOGIN]: () => ok({ code: 'c' }), [LOGIN]: () => ok(customerSession()), [CLAIMS]: () => ok({ recorded: true, inviterName: '王小明' }) });

    captureInviter({ inviter: 'WANG2026' });
    expect(sentRequests()).toEqual([]);
    expect(stored('zhike.pendingInviter')).toBe('WANG2026');

    await login();
    await expect(claimPendingReferral()).resolves.toEqual({ recorded: true, inviterName: '王小明' });
    await expect(claimPendingReferral()).resolves.toBeUndefined();
    captureInviter({ inviter: 'LI2026XX' }); // a second share in the same launch: not claimed again

    expect(sentRequests().filter((key) => key === CLAIMS)).toHaveLength(1);
    const claim = taro.request.mock.calls.find(([req]: [{ url: string }]) => req.url.endsWith('/api/referrals/claims'))![0];
    expect(claim.data).toEqual({ inviteCode: 'WANG2026', channel: 'share' });
    expect(claim.header).toEqual({ Authorization: 'Bearer token-wang-1' });
    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已接受 王小明 的邀请' }));
  });

  it('claims at once when the customer is already logged in, and says nothing when it is not recorded', async () => {
    loggedIn();
    serveApi({ [CLAIMS]: () => ok({ recorded: false, reason: 'self' }) });

    captureInviter({ inviter: 'WANG2026' });
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(sentRequests()).toEqual([CLAIMS]);
    expect(taro.showToast).not.toHaveBeenCalled();
    expect(stored('zhike.pendingInviter')).toBeUndefined();
  });

  it('keeps the inviter for the next launch when the server is unavailable', async () => {
    loggedIn();
    serveApi({ [CLAIMS]: [() => fail(503, 'UPSTREAM_UNAVAILABLE', '稍后重试'), () => ok({ recorded: true })] });
    captureInviter({ inviter: 'WANG2026' }); // logged in: claims at once
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stored('zhike.pendingInviter')).toBe('WANG2026');

    resetReferralClaimForTests(); // the next launch
    await expect(claimPendingReferral()).resolves.toEqual({ recorded: true });
    expect(stored('zhike.pendingInviter')).toBeUndefined();
  });

  it('forgets an inviter the server refuses outright', async () => {
    loggedIn();
    serveApi({ [CLAIMS]: () => fail(400, 'VALIDATION_FAILED', '邀请码格式不正确') });
    captureInviter({ inviter: 'WANG2026' }); // logged in: claims at once
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sentRequests()).toEqual([CLAIMS]);
    expect(stored('zhike.pendingInviter')).toBeUndefined();
  });
});
