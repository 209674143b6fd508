import { render, screen } from '@testing-library/react';
import { navigateTo } from '../lib/navigation';
import { STAFF_LI, apiError, fakeApi, ok } from '../test-support/fake-api';
import { ConsolePage } from './ConsolePage';

jest.mock('../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));
const navigate = jest.mocked(navigateTo);

beforeEach(() => {
  jest.clearAllMocks();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/console/');
});

describe('ConsolePage', () => {
  it('shows the shell to the signed-in staff member, with the coming sections disabled', async () => {
    fakeApi({ '/api/auth/me': ok({ staff: { ...STAFF_LI, name: '王主管', role: 'manager' } }) });
    render(<ConsolePage />);

    expect((await screen.findByTestId('staff-name')).textContent).toBe('王主管');
    screen.getByText('知客 · 管理后台');
    screen.getByText('销售主管');
    for (const item of ['数据概览', '销售', '内容', '渠道', '客户分群']) {
      expect((screen.getByRole('button', { name: item }) as HTMLButtonElement).disabled).toBe(true);
    }
  });

  it('sends a visitor without a session through WeCom OAuth back to the console', async () => {
    fakeApi({ '/api/auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录') });
    render(<ConsolePage />);

    await screen.findByText('正在通过企业微信确认你的身份…');
    expect(navigate).toHaveBeenCalledWith('/api/auth/wecom/authorize?redirect=%2Fconsole%2F');
  });
});
