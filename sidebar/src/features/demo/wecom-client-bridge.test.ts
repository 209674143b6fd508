import { SEND_CHAT_MESSAGE } from './demo-bridge-contract';

// The sidebar compiles without Node's types (it is browser code); this test alone reads a file.
declare const __dirname: string;
const fs = jest.requireActual<{ readFileSync(path: string, encoding: 'utf8'): string }>('node:fs');

// The bridge is plain browser JS the server injects into the sidebar page; run it against a stand-in window.
const BRIDGE_SOURCE = fs.readFileSync(`${__dirname}/../../../demo-bridge/wecom-client-bridge.js`, 'utf8');
const ORIGIN = 'http://127.0.0.1:3000';

type Answer = { err_msg: string };
interface Bridge {
  invoke(name: string, params: unknown, callback: (answer: Answer) => void): void;
}

function loadBridge(externalUserId: string | null = 'wmWANG') {
  const postMessage = jest.fn();
  const parent = { location: { origin: ORIGIN, pathname: '/demo/' }, __zhikeDemo: { memberUserid: 'lilei', externalUserId }, postMessage };
  const fakeWindow: Record<string, unknown> = { parent, location: { origin: ORIGIN, href: `${ORIGIN}/sidebar/#x` } };
  const fakeDocument = { dispatchEvent: jest.fn() };
  const fakeFetch = jest.fn(async () => ({ json: async () => ({ ok: true }) }));
  new Function('window', 'navigator', 'document', 'fetch', BRIDGE_SOURCE)(fakeWindow, { userAgent: 'Chrome' }, fakeDocument, fakeFetch);
  const bridge = fakeWindow.WeixinJSBridge as Bridge;
  const invoke = (name: string, params: unknown) => new Promise<Answer>((resolve) => bridge.invoke(name, params, resolve));
  return { invoke, postMessage };
}

async function configured(externalUserId?: string | null) {
  const client = loadBridge(externalUserId);
  const answer = await client.invoke('agentConfig', { corpid: 'ww1', agentid: 1, timestamp: 1, nonceStr: 'n', signature: 's', jsApiList: ['sendChatMessage'] });
  expect(answer.err_msg).toBe('agentConfig:ok');
  return client;
}

const MESSAGES = [
  { msgtype: 'text', text: { content: '您好' } },
  { msgtype: 'image', image: { mediaid: 'MEDIA_1' } },
  { msgtype: 'file', file: { mediaid: 'MEDIA_2' } },
  { msgtype: 'news', news: { link: `${ORIGIN}/c/tok`, title: '手册', desc: '', imgUrl: `${ORIGIN}/cover.png` } },
  { msgtype: 'miniprogram', miniprogram: { appid: 'wxdemo', title: '新品', imgUrl: `${ORIGIN}/mp.png`, page: 'pages/index/index.html?t=abc' } },
];

describe('demo WeCom client bridge: sendChatMessage', () => {
  it.each(MESSAGES)('forwards a $msgtype message to the demo console and answers ok', async (message) => {
    const { invoke, postMessage } = await configured();
    await expect(invoke('sendChatMessage', { ...message, enterChat: false })).resolves.toEqual({ err_msg: 'sendChatMessage:ok' });
    expect(postMessage).toHaveBeenCalledWith({ type: SEND_CHAT_MESSAGE, externalUserId: 'wmWANG', message: { ...message, enterChat: false } }, ORIGIN);
  });

  it.each([
    [{ msgtype: 'miniprogram', miniprogram: { ...MESSAGES[4]!.miniprogram, page: 'pages/index/index?t=abc' } }, 'invalid page'],
    [{ msgtype: 'miniprogram', miniprogram: { ...MESSAGES[4]!.miniprogram, imgUrl: '/mp.png' } }, 'invalid imgUrl'],
    [{ msgtype: 'news', news: { link: '/c/tok', title: '手册', desc: '', imgUrl: '' } }, 'invalid link'],
    [{ msgtype: 'image', image: {} }, 'invalid mediaid'],
    [{ msgtype: 'text', text: { content: '' } }, 'invalid text content'],
    [{ msgtype: 'location' }, 'invalid msgtype'],
  ])('refuses what the real client refuses (%#) and posts nothing', async (message, keyword) => {
    const { invoke, postMessage } = await configured();
    await expect(invoke('sendChatMessage', message)).resolves.toEqual({ err_msg: `sendChatMessage:fail ${keyword}` });
    expect(postMessage).not.toHaveBeenCalled();
  });

  it('needs agentConfig first, and an open chat', async () => {
    await expect(loadBridge().invoke('sendChatMessage', MESSAGES[0])).resolves.toEqual({ err_msg: 'sendChatMessage:fail no permission' });
    const noChat = await configured(null);
    await expect(noChat.invoke('sendChatMessage', MESSAGES[0])).resolves.toEqual({ err_msg: 'sendChatMessage:fail without context of external contact' });
  });
});
