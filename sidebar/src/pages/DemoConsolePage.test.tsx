import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { SANDBOX_MEMBER_COOKIE, type SandboxDemoDirectory } from '@zhike/shared/demo';
import { SEND_CHAT_MESSAGE } from '../features/demo/demo-bridge-contract';
import { fakeApi, ok, requestedUrls } from '../test-support/fake-api';
import { DemoConsolePage } from './DemoConsolePage';

const DIRECTORY: SandboxDemoDirectory = {
  members: [
    { userid: 'lina', name: '李娜', avatar: '/sandbox/demo/avatar/lina.svg', position: '销售' },
    { userid: 'zhangwei', name: '张伟', avatar: '/sandbox/demo/avatar/zhangwei.svg', position: '销售主管' },
  ],
  wechatUsers: [
    { openid: 'o-wang', nickname: '王小明', avatar: '/sandbox/demo/avatar/o-wang.svg' },
    { openid: 'o-zhao', nickname: '赵小红', avatar: '/sandbox/demo/avatar/o-zhao.svg' },
  ],
  contactsByMember: {
    lina: [
      { external_userid: 'wmWANG', name: '王小明', avatar: '/a/wang.svg', openid: 'o-wang' },
      { external_userid: 'wmZHAO', name: '赵小红', avatar: '/a/zhao.svg', openid: 'o-zhao' },
    ],
    zhangwei: [{ external_userid: 'wmQIAN', name: '钱多多', avatar: '/a/qian.svg' }],
  },
};

function demoApi() {
  return fakeApi({ '/sandbox/demo/directory': ok(DIRECTORY), '/api/auth/logout': ok({ loggedOut: true }) });
}

function frame(testId: string): HTMLIFrameElement {
  return screen.getByTestId(testId) as HTMLIFrameElement;
}

function postFrom(source: Window | null, data: unknown, origin = window.location.origin) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
  });
}

beforeEach(() => {
  document.cookie = `${SANDBOX_MEMBER_COOKIE}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  window.history.replaceState(null, '', '/demo/');
});

describe('DemoConsolePage', () => {
  it('signs the first member in to "WeCom" and shows the three panes', async () => {
    const api = demoApi();
    render(<DemoConsolePage />);

    await screen.findByTestId('demo-sidebar-frame');
    expect(document.cookie).toContain(`${SANDBOX_MEMBER_COOKIE}=lina`);
    expect(requestedUrls(api)).toContain('/api/auth/logout');
    expect(frame('demo-sidebar-frame').getAttribute('src')).toBe('/sidebar/');
    expect(frame('demo-console-frame').getAttribute('src')).toBe('/console/');
    // The phone starts in the hands of the first open chat's customer.
    expect(frame('demo-phone-frame').getAttribute('src')).toBe('/mp/?wxUser=o-wang#/pages/index/index');
    expect(window.__zhikeDemo).toEqual({ memberUserid: 'lina', externalUserId: 'wmWANG' });
    expect(screen.getAllByTestId('demo-chat-item').map((item) => item.getAttribute('data-external-userid'))).toEqual(['wmWANG', 'wmZHAO']);
  });

  it('keeps a remembered member without logging them out', async () => {
    document.cookie = `${SANDBOX_MEMBER_COOKIE}=zhangwei; path=/`;
    const api = demoApi();
    render(<DemoConsolePage />);

    await screen.findByTestId('demo-sidebar-frame');
    expect(requestedUrls(api)).not.toContain('/api/auth/logout');
    expect(window.__zhikeDemo).toEqual({ memberUserid: 'zhangwei', externalUserId: 'wmQIAN' });
  });

  it('switching member sets the sandbox cookie, ends the session and reloads sidebar and console', async () => {
    const api = demoApi();
    render(<DemoConsolePage />);
    await screen.findByTestId('demo-sidebar-frame');
    const [sidebarBefore, consoleBefore] = [frame('demo-sidebar-frame'), frame('demo-console-frame')];
    api.mockClear();

    fireEvent.change(screen.getByTestId('demo-member-picker'), { target: { value: 'zhangwei' } });
    await screen.findByRole('button', { name: /钱多多/ });

    expect(document.cookie).toContain(`${SANDBOX_MEMBER_COOKIE}=zhangwei`);
    // The simulated chat also polls the sandbox for WeCom welcome messages; only the logout matters here.
    expect(api.mock.calls.filter(([url]) => !String(url).startsWith('/sandbox/demo/welcome-messages'))).toEqual([
      ['/api/auth/logout', expect.objectContaining({ method: 'POST', credentials: 'same-origin' })],
    ]);
    expect(frame('demo-sidebar-frame')).not.toBe(sidebarBefore);
    expect(frame('demo-console-frame')).not.toBe(consoleBefore);
    expect(window.__zhikeDemo).toEqual({ memberUserid: 'zhangwei', externalUserId: 'wmQIAN' });
  });

  it('opening another chat tells the bridge and reloads only the sidebar', async () => {
    demoApi();
    render(<DemoConsolePage />);
    await screen.findByTestId('demo-sidebar-frame');
    const [sidebarBefore, consoleBefore] = [frame('demo-sidebar-frame'), frame('demo-console-frame')];

    fireEvent.click(screen.getByRole('button', { name: /赵小红/ }));

    expect(window.__zhikeDemo).toEqual({ memberUserid: 'lina', externalUserId: 'wmZHAO' });
    expect(frame('demo-sidebar-frame')).not.toBe(sidebarBefore);
    expect(frame('demo-console-frame')).toBe(consoleBefore);
  });

  it('shows what the sidebar sent through sendChatMessage as an outgoing bubble, from the sidebar frame only', async () => {
    demoApi();
    render(<DemoConsolePage />);
    await screen.findByTestId('demo-sidebar-frame');
    const sidebarWindow = frame('demo-sidebar-frame').contentWindow;
    const messages = () => within(screen.getByTestId('demo-chat-messages'));

    postFrom(window, { type: SEND_CHAT_MESSAGE, externalUserId: 'wmWANG', message: { msgtype: 'text', text: { content: '冒充的消息' } } });
    postFrom(sidebarWindow, { type: SEND_CHAT_MESSAGE, externalUserId: 'wmWANG', message: { msgtype: 'text', text: { content: '别的站点' } } }, 'https://evil.example');
    postFrom(sidebarWindow, { type: SEND_CHAT_MESSAGE, externalUserId: 'wmWANG', message: { msgtype: 'text', text: { content: '您好，我是李娜' } } });

    messages().getByText('您好，我是李娜');
    expect(messages().queryByText('冒充的消息')).toBeNull();
    expect(messages().queryByText('别的站点')).toBeNull();
    expect(screen.getAllByTestId('chat-message')).toHaveLength(1);
  });

  it('shows a sent image, link card and mini-program card; the card opens its page on the customer’s phone', async () => {
    demoApi();
    render(<DemoConsolePage />);
    await screen.findByTestId('demo-sidebar-frame');
    fireEvent.click(screen.getByRole('button', { name: /赵小红/ }));
    const sidebarWindow = frame('demo-sidebar-frame').contentWindow; // the sidebar reloaded for the new chat
    const send = (message: unknown) => postFrom(sidebarWindow, { type: SEND_CHAT_MESSAGE, externalUserId: 'wmZHAO', message });
    send({ msgtype: 'image', image: { mediaid: 'MEDIA_poster_1' } });
    send({ msgtype: 'news', news: { link: 'http://localhost/c/tok', title: '产品手册', desc: '三分钟看懂', imgUrl: '' } });
    send({ msgtype: 'miniprogram', miniprogram: { appid: 'wxdemo0001', title: '春季新品', imgUrl: 'http://localhost/mp.png', page: 'pages/index/index.html?t=abc' } });

    expect(screen.getAllByTestId('chat-message').map((row) => row.getAttribute('data-msgtype'))).toEqual(['image', 'news', 'miniprogram']);
    expect(screen.getByTestId('chat-image').getAttribute('src')).toBe('/sandbox/demo/media/MEDIA_poster_1');
    const zhaoItem = screen.getAllByTestId('demo-chat-item').find((item) => item.getAttribute('data-external-userid') === 'wmZHAO')!;
    expect(zhaoItem.querySelector('.chat-list-preview')!.textContent).toBe('[小程序] 春季新品');

    // The phone is still 王小明's; the card went to 赵小红, so it opens on her phone.
    expect(frame('demo-phone-frame').getAttribute('src')).toBe('/mp/?wxUser=o-wang#/pages/index/index');
    fireEvent.click(screen.getByTestId('chat-miniprogram-card'));
    expect(frame('demo-phone-frame').getAttribute('src')).toBe('/mp/?wxUser=o-zhao#/pages/index/index?t=abc');
    expect((screen.getByTestId('demo-wechat-user-picker') as HTMLSelectElement).value).toBe('o-zhao');

    // A second tap opens it afresh (a new page load), as tapping a card again would.
    const before = frame('demo-phone-frame');
    fireEvent.click(screen.getByTestId('chat-miniprogram-card'));
    expect(frame('demo-phone-frame')).not.toBe(before);
  });

  it('choosing who holds the phone reloads the mini-program as that WeChat user', async () => {
    demoApi();
    render(<DemoConsolePage />);
    await screen.findByTestId('demo-phone-frame');

    fireEvent.change(screen.getByTestId('demo-wechat-user-picker'), { target: { value: 'o-zhao' } });
    expect(frame('demo-phone-frame').getAttribute('src')).toBe('/mp/?wxUser=o-zhao#/pages/index/index');
  });

  it('explains that the demo needs the server in demo mode when the directory is missing', async () => {
    fakeApi({});
    render(<DemoConsolePage />);

    await screen.findByText('演示数据加载失败');
    expect(screen.getByRole('alert').textContent).toContain('演示模式');
  });
});
