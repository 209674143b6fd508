import { fireEvent, render, screen } from '@testing-library/react';
import { customerSession, fail, ok, serveApi } from '../../test/api';
import { myInvitations } from '../../test/catalog-fixtures';
import { loggedIn } from '../../test/session';
import taro, { firePageHook, resetTaro } from '../../test/taro';
import MinePage from './index';

const WX_LOGIN = 'POST /sandbox/demo/wx-login';
const LOGIN = 'POST /api/auth/miniprogram/login';

describe('MinePage', () => {
  beforeEach(resetTaro);

  it('logs in and shows the profile, 我的订单 and 我的邀请 with counts and invitees', async () => {
    serveApi({ [WX_LOGIN]: () => ok({ code: 'code-1' }), [LOGIN]: () => ok(customerSession()), 'GET /api/referrals/mine': () => ok(myInvitations) });

    render(<MinePage />);

    expect(await screen.findByText('王小明')).toBeTruthy();
    expect(screen.getByText('2026-11-01 加入知客优选')).toBeTruthy();
    expect(screen.getByText('全部订单 ›')).toBeTruthy();
    expect(screen.getByText('联系我的专属顾问')).toBeTruthy();
    expect(await screen.findByText('赵小云')).toBeTruthy();
    expect(screen.getByText('钱多多')).toBeTruthy();
    const counts = Array.from(document.querySelectorAll('.invite-count')).map((el) => el.textContent);
    expect(counts).toEqual(['2已邀请', '1已登录', '0已下单']);
    expect(screen.getAllByText('已登录').map((el) => el.className)).toContain('invite-status invite-status-activated');
  });

  it('shares the home page with the customer invite code once it is known', async () => {
    loggedIn();
    serveApi({ 'GET /api/customers/me': () => ok({ customer: customerSession().customer }), 'GET /api/referrals/mine': () => ok(myInvitations) });

    render(<MinePage />);
    await screen.findByText('赵小云');

    expect(firePageHook('shareAppMessage', { from: 'button' })).toEqual(expect.objectContaining({ path: '/pages/index/index?inviter=WANG2026' }));
  });

  it('invites friends warmly when nobody has been invited yet', async () => {
    loggedIn();
    serveApi({
      'GET /api/customers/me': () => ok({ customer: customerSession().customer }),
      'GET /api/referrals/mine': () => ok({ ...myInvitations, invited: [], counts: { invited: 0, activated: 0, converted: 0 } }),
    });
    render(<MinePage />);
    expect(await screen.findByText('还没有邀请到好友，把喜欢的好物分享给朋友吧')).toBeTruthy();
  });

  it('says invitations are coming when the server has no referral routes yet', async () => {
    loggedIn();
    serveApi({ 'GET /api/customers/me': () => ok({ customer: customerSession().customer }), 'GET /api/referrals/mine': () => fail(404, 'NOT_FOUND', '没有这个接口') });
    render(<MinePage />);
    expect(await screen.findByText('邀请功能即将开放')).toBeTruthy();
    expect(screen.getByText('王小明')).toBeTruthy();
  });

  it('opens 我的订单, at a status tab or in full, and the cart', async () => {
    loggedIn();
    serveApi({ 'GET /api/customers/me': () => ok({ customer: customerSession().customer }), 'GET /api/referrals/mine': () => ok(myInvitations) });
    render(<MinePage />);
    await screen.findByText('王小明');

    fireEvent.click(screen.getByText('待支付'));
    fireEvent.click(screen.getByText('全部订单 ›'));
    fireEvent.click(screen.getByText('购物车'));

    expect(taro.navigateTo.mock.calls.map(([options]) => options.url)).toEqual(['/pages/orders/index?status=pending', '/pages/orders/index', '/pages/cart/index']);
  });
});
