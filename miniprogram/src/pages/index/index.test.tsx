import { fireEvent, render, screen } from '@testing-library/react';
import { customerSession, fail, ok, serveApi } from '../../test/api';
import { resetTaro, sentRequests } from '../../test/taro';
import HomePage from './index';

const WX_LOGIN = 'POST /sandbox/demo/wx-login';
const LOGIN = 'POST /api/auth/miniprogram/login';

describe('HomePage', () => {
  beforeEach(resetTaro);

  it('shows the brand and greets the customer by name once logged in', async () => {
    serveApi({ [WX_LOGIN]: () => ok({ code: 'code-1' }), [LOGIN]: () => ok(customerSession()) });

    render(<HomePage />);

    expect(screen.getByText('知客优选')).toBeTruthy();
    expect(screen.getByText('正在登录…')).toBeTruthy();
    expect(await screen.findByText('你好，王小明')).toBeTruthy();
    expect(screen.queryByText('正在登录…')).toBeNull();
  });

  it('shows why login failed and logs in again on 重试', async () => {
    serveApi({
      [WX_LOGIN]: () => ok({ code: 'code-1' }),
      [LOGIN]: [() => fail(503, 'UPSTREAM_UNAVAILABLE', '微信服务暂时不可用，请稍后重试'), () => ok(customerSession())],
    });

    render(<HomePage />);

    const error = await screen.findByText('微信服务暂时不可用，请稍后重试');
    expect(error.className).toBe('home-error');
    expect(screen.queryByText(/你好/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    expect(await screen.findByText('你好，王小明')).toBeTruthy();
    expect(screen.queryByText('微信服务暂时不可用，请稍后重试')).toBeNull();
    expect(sentRequests()).toEqual([WX_LOGIN, LOGIN, WX_LOGIN, LOGIN]);
  });
});
