import { act, fireEvent, render, screen, within } from '@testing-library/react';
import * as ww from '@wecom/jssdk';
import { DEFAULT_STAGE_PIPELINE } from '@zhike/shared/stages';
import { navigateTo } from '../lib/navigation';
import { POSTER_SPRING, SCRIPT_HELLO, SEND_ID, outcomePath, preparedText } from '../test-support/content-fixtures';
import { CLIENT_CONFIG, STAFF_LI, apiError, fakeApi, ok, requestedUrls } from '../test-support/fake-api';
import { OUTSIDE_WECOM_MESSAGE, SidebarPage, WRONG_ENTRY_MESSAGE } from './SidebarPage';

// The SDK as the page sees it inside (or outside) WeCom; each test decides what the client answers.
jest.mock('@wecom/jssdk', () => ({
  __esModule: true,
  env: { isWeCom: true, isWeChat: false },
  register: jest.fn(),
  getContext: jest.fn(),
  getCurExternalContact: jest.fn(),
  sendChatMessage: jest.fn(),
}));
jest.mock('../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));

const sdk = jest.mocked(ww);
const env = ww.env as { isWeCom: boolean };
const navigate = jest.mocked(navigateTo);

const SIGNATURE = { corpId: CLIENT_CONFIG.corpId, agentId: CLIENT_CONFIG.agentId, timestamp: 1_700_000_000, nonceStr: 'n0nce', signature: 'a'.repeat(40) };

const CUSTOMER_360 = {
  customer: { id: '6660000000000000000000aa', externalUserId: 'wmEXT0001', displayName: '张伟', firstSeenAt: '2026-03-01T02:00:00.000Z', lastActiveAt: '2026-05-21T02:00:00.000Z', usesMiniProgram: false },
  followers: [{ userid: STAFF_LI.userid, name: STAFF_LI.name, addWayLabel: '扫描二维码', since: '2026-03-01T02:00:00.000Z', active: true, departed: false }],
  tags: [],
  tagChanges: [],
  stage: 'new',
  stages: DEFAULT_STAGE_PIPELINE,
  customFields: [],
  timeline: [],
  firstTouch: { userid: STAFF_LI.userid, since: '2026-03-01T02:00:00.000Z', channel: '扫描二维码' },
};

function signedInApi(routes: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    '/api/public/client-config': ok(CLIENT_CONFIG),
    '/api/auth/me': ok({ staff: STAFF_LI }),
    '/api/wecom/jssdk/agent-config-signature': ok(SIGNATURE),
    '/api/customers/by-external-userid/wmEXT0001': ok(CUSTOMER_360),
    ...routes,
  });
}

function openFromChatToolbar(externalUserId = 'wmEXT0001') {
  sdk.getContext.mockResolvedValue({ errMsg: 'getContext:ok', errCode: 0, entry: 'single_chat_tools' } as Awaited<ReturnType<typeof ww.getContext>>);
  sdk.getCurExternalContact.mockResolvedValue({ errMsg: 'getCurExternalContact:ok', errCode: 0, userId: externalUserId });
}

beforeEach(() => {
  jest.clearAllMocks();
  env.isWeCom = true;
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/sidebar/');
});

describe('SidebarPage', () => {
  it('shows the signed-in salesperson and the open chat’s external userid', async () => {
    signedInApi();
    openFromChatToolbar('wmEXT0001');
    render(<SidebarPage />);

    expect((await screen.findByTestId('staff-name')).textContent).toContain('李娜');
    expect(screen.getByTestId('staff-role').textContent).toContain('销售');
    expect(screen.getByTestId('external-userid').textContent).toContain('wmEXT0001');
    expect(sdk.register).toHaveBeenCalledWith(
      expect.objectContaining({ corpId: 'wwdemo0001', agentId: 1000002, jsApiList: ['getContext', 'getCurExternalContact', 'sendChatMessage'] }),
    );
  });

  it('shows the open chat’s customer 360 in the 客户 tab, asked for by the encoded external userid', async () => {
    const api = signedInApi({ '/api/customers/by-external-userid/wm%2FEXT%200002': ok({ ...CUSTOMER_360, customer: { ...CUSTOMER_360.customer, displayName: '周敏' } }) });
    openFromChatToolbar('wm/EXT 0002');
    render(<SidebarPage />);

    expect((await screen.findByTestId('customer-name')).textContent).toBe('周敏');
    expect(screen.getByRole('tab', { name: '客户' }).getAttribute('aria-selected')).toBe('true');
    expect(requestedUrls(api)).toContain('/api/customers/by-external-userid/wm%2FEXT%200002');
    expect(screen.getByTestId('tab-orders').hasAttribute('disabled')).toBe(false);
  });

  it('registers a signature factory that asks the server to sign the exact page URL', async () => {
    const api = signedInApi();
    openFromChatToolbar();
    render(<SidebarPage />);
    await screen.findByTestId('staff-name');

    const options = sdk.register.mock.calls[0]![0];
    const signature = await options.getAgentConfigSignature!('http://localhost/sidebar/?a=1&b=二');
    expect(signature).toEqual(SIGNATURE);
    expect(requestedUrls(api)).toContain(`/api/wecom/jssdk/agent-config-signature?url=${encodeURIComponent('http://localhost/sidebar/?a=1&b=二')}`);
  });

  it('outside WeCom says where to open it, and never touches the SDK or the login', async () => {
    env.isWeCom = false;
    const api = signedInApi();
    render(<SidebarPage />);

    screen.getByText(OUTSIDE_WECOM_MESSAGE);
    expect((await screen.findByRole('link', { name: '演示台' })).getAttribute('href')).toBe('/demo/');
    expect(requestedUrls(api)).toEqual(['/api/public/client-config']);
    expect(sdk.register).not.toHaveBeenCalled();
    expect(sdk.getContext).not.toHaveBeenCalled();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('opened from anywhere but a customer chat, asks to use the chat toolbar', async () => {
    signedInApi();
    sdk.getContext.mockResolvedValue({ errMsg: 'getContext:ok', errCode: 0, entry: 'normal' } as Awaited<ReturnType<typeof ww.getContext>>);
    render(<SidebarPage />);

    await screen.findByText(WRONG_ENTRY_MESSAGE);
    screen.getByText('当前入口：normal');
    expect(sdk.getCurExternalContact).not.toHaveBeenCalled();
  });

  it('treats WeCom’s “without context of external contact” as the wrong entry too', async () => {
    signedInApi();
    openFromChatToolbar();
    sdk.getCurExternalContact.mockRejectedValue({ errMsg: 'getCurExternalContact:fail without context of external contact', errCode: -1 });
    render(<SidebarPage />);

    await screen.findByText(WRONG_ENTRY_MESSAGE);
  });

  it('without a session, goes through WeCom OAuth and back to this exact page', async () => {
    fakeApi({ '/api/public/client-config': ok(CLIENT_CONFIG), '/api/auth/me': apiError(401, 'UNAUTHENTICATED', '请先登录') });
    window.history.replaceState(null, '', '/sidebar/?from=toolbar');
    render(<SidebarPage />);

    await screen.findByText('正在通过企业微信确认你的身份…');
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith('/api/auth/wecom/authorize?redirect=%2Fsidebar%2F%3Ffrom%3Dtoolbar');
    expect(sdk.register).not.toHaveBeenCalled();
  });

  it('coming back from OAuth still without a session, shows the error instead of looping', async () => {
    fakeApi({ '/api/public/client-config': ok(CLIENT_CONFIG), '/api/auth/me': apiError(401, 'SESSION_EXPIRED', '登录已过期') });
    const first = render(<SidebarPage />);
    await screen.findByText('正在通过企业微信确认你的身份…');
    first.unmount();

    render(<SidebarPage />); // the page again, after the OAuth round trip
    await screen.findByText('登录没有成功');
    expect(screen.getByRole('alert').textContent).toContain('登录已过期');
    expect(navigate).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: '重新登录' }));
    expect(navigate).toHaveBeenCalledTimes(2);
  });

  it('after a good login, a later expiry redirects again (the loop guard is cleared)', async () => {
    fakeApi({
      '/api/public/client-config': ok(CLIENT_CONFIG),
      '/api/auth/me': [apiError(401, 'UNAUTHENTICATED', '请先登录'), ok({ staff: STAFF_LI }), apiError(401, 'SESSION_CORP_MISMATCH', '会话不属于当前企业')],
      '/api/wecom/jssdk/agent-config-signature': ok(SIGNATURE),
    });
    openFromChatToolbar();
    for (const expected of ['正在通过企业微信确认你的身份…', '李娜', '正在通过企业微信确认你的身份…']) {
      const page = render(<SidebarPage />);
      await screen.findByText(expected);
      page.unmount();
    }
    expect(navigate).toHaveBeenCalledTimes(2);
  });

  it('explains a failed agentConfig (bad signature) in plain words', async () => {
    signedInApi();
    sdk.getContext.mockRejectedValue({ errMsg: 'agentConfig:fail invalid signature', errCode: -1 });
    render(<SidebarPage />);

    await screen.findByText('企业微信应用校验失败');
    expect(screen.getByRole('alert').textContent).toContain('请联系管理员检查应用 ID 与可信域名配置');
  });

  it('does not hang when the WeCom client never answers', async () => {
    jest.useFakeTimers();
    try {
      signedInApi();
      sdk.getContext.mockReturnValue(new Promise(() => undefined));
      render(<SidebarPage />);
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10_000);
      });
      expect(screen.getByRole('alert').textContent).toContain('企业微信没有响应');
    } finally {
      jest.useRealTimers();
    }
  });

  it('says so when the server cannot be reached', async () => {
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    render(<SidebarPage />);

    await screen.findByText('网络连接失败');
    screen.getByRole('button', { name: '重试' });
  });

  it('opens 话术 on demand, keeps the 360 mounted behind it, and sends a script into the chat', async () => {
    const hello = { ...SCRIPT_HELLO, title: '首次问候' };
    const api = signedInApi({
      '/api/scripts': ok({ items: [hello], total: 1 }),
      '/api/scripts/categories': ok({ categories: [] }),
      '/api/customers/by-external-userid/wmEXT0001/recommended-scripts': ok({ items: [] }),
      '/api/content/sends': ok(preparedText('您好，我是李娜。')),
      [outcomePath(SEND_ID)]: ok({ sendId: SEND_ID, status: 'sent' }),
    });
    openFromChatToolbar();
    sdk.sendChatMessage.mockResolvedValue({ errMsg: 'sendChatMessage:ok', errCode: 0 });
    render(<SidebarPage />);
    await screen.findByTestId('customer-name');
    expect(requestedUrls(api).some((url) => url.startsWith('/api/scripts'))).toBe(false); // nothing asked before the tab opens

    fireEvent.click(screen.getByTestId('tab-scripts'));
    expect(screen.getByTestId('tab-scripts').getAttribute('aria-selected')).toBe('true');
    fireEvent.click(within(await screen.findByTestId('script-item')).getByTestId('send-script'));

    expect((await screen.findByTestId('script-send-status')).textContent).toBe('已发送');
    expect(sdk.sendChatMessage).toHaveBeenCalledWith({ msgtype: 'text', text: { content: '您好，我是李娜。' } });
    expect(screen.getByTestId('customer-name').closest('[role="tabpanel"]')!.hasAttribute('hidden')).toBe(true);

    fireEvent.click(screen.getByTestId('tab-customer'));
    expect(screen.getByTestId('customer-name').closest('[role="tabpanel"]')!.hasAttribute('hidden')).toBe(false);
    expect(requestedUrls(api).filter((url) => url === '/api/customers/by-external-userid/wmEXT0001')).toHaveLength(1); // not reloaded
  });

  it('opens 海报 with the personalised preview for the open chat', async () => {
    signedInApi({ '/api/posters/templates': ok({ templates: [POSTER_SPRING] }) });
    openFromChatToolbar();
    render(<SidebarPage />);

    fireEvent.click(await screen.findByTestId('tab-posters'));
    const preview = (await screen.findByTestId('poster-preview')) as HTMLImageElement;
    expect(preview.getAttribute('src')).toBe(`/api/customers/by-external-userid/wmEXT0001/posters/${POSTER_SPRING.id}`);
  });
});
