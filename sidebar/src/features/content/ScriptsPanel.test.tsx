import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as ww from '@wecom/jssdk';
import {
  ALL_SCRIPTS,
  CATEGORY_CASES,
  CATEGORY_PRICE,
  CATEGORY_PRODUCT,
  CONTENT_EXTERNAL_USERID,
  RECOMMENDED,
  RECOMMENDED_PATH,
  SCRIPT_BROCHURE,
  SCRIPT_CATEGORIES,
  SCRIPT_HELLO,
  SEND_ID,
  SEND_PATH,
  outcomePath,
  preparedText,
} from '../../test-support/content-fixtures';
import { apiError, fakeApi, networkFailure, ok, postedBodies, requestedUrls, sentBodies, type FakeRoute } from '../../test-support/fake-api';
import { ScriptsPanel } from './ScriptsPanel';

// The SDK as the WeCom client answers it; each test decides how sendChatMessage ends.
jest.mock('@wecom/jssdk', () => ({ __esModule: true, env: { isWeCom: true }, sendChatMessage: jest.fn() }));
const sdk = jest.mocked(ww);

const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const HELLO_TEXT = '您好，我是李娜，有问题随时找我。';

function api(routes: { search?: FakeRoute; recommended?: FakeRoute; prepare?: FakeRoute; outcome?: FakeRoute; extra?: Record<string, FakeRoute> } = {}) {
  return fakeApi({
    '/api/scripts': routes.search ?? ok({ items: ALL_SCRIPTS, total: ALL_SCRIPTS.length }),
    '/api/scripts/categories': ok({ categories: SCRIPT_CATEGORIES }),
    [RECOMMENDED_PATH]: routes.recommended ?? ok({ items: RECOMMENDED }),
    [SEND_PATH]: routes.prepare ?? ok(preparedText(HELLO_TEXT)),
    [outcomePath(SEND_ID)]: routes.outcome ?? ok({ sendId: SEND_ID, status: 'sent' }),
    ...routes.extra,
  });
}

const searches = (fetchMock: jest.Mock) => requestedUrls(fetchMock).filter((url) => url.startsWith('/api/scripts?'));
const item = (scriptId: string) => screen.getAllByTestId('script-item').find((li) => li.getAttribute('data-script-id') === scriptId)!;

async function renderPanel() {
  render(<ScriptsPanel externalUserId={CONTENT_EXTERNAL_USERID} />);
  await screen.findAllByTestId('script-item');
}

beforeEach(() => jest.clearAllMocks());

describe('ScriptsPanel', () => {
  it('lists the library with each script’s type and a preview, variables shown as chips', async () => {
    const fetchMock = api();
    await renderPanel();

    expect(searches(fetchMock)).toEqual(['/api/scripts?limit=30']);
    const types = screen.getAllByTestId('script-item').map((li) => li.querySelector('.script-type')!.textContent);
    expect(types).toEqual(['文本', '链接', '小程序', '文件', '图片']);
    const hello = item(SCRIPT_HELLO.id);
    expect(within(hello).getByTestId('script-preview').textContent).toBe('客户称呼您好，我是销售姓名，有问题随时找我。');
    expect([...hello.querySelectorAll('.script-variable')].map((chip) => chip.textContent)).toEqual(['客户称呼', '销售姓名']);
    expect(within(item(SCRIPT_BROCHURE.id)).getByTestId('script-preview').textContent).toBe('知客产品手册\n三分钟看懂知客\nzhike.example.com');
    expect(hello.textContent).toContain('已用 12 次');
  });

  it('shows 为你推荐 above the library, each with its one-line reason', async () => {
    api();
    await renderPanel();

    const recommended = await screen.findAllByTestId('recommended-script');
    expect(recommended.map((li) => [li.getAttribute('data-script-id'), within(li).getByTestId('recommended-reason').textContent])).toEqual([
      [SCRIPT_BROCHURE.id, '意向阶段 · 浏览过《知客产品手册》'],
      [SCRIPT_HELLO.id, '新客户 · 还没有发过消息'],
    ]);
    const section = screen.getByTestId('recommended-scripts');
    expect(section.compareDocumentPosition(screen.getAllByTestId('script-item')[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('searches as you type, once the typing pauses, and hides the suggestions meanwhile', async () => {
    const fetchMock = api();
    await renderPanel();
    await screen.findAllByTestId('recommended-script');

    const box = screen.getByTestId('script-search');
    fireEvent.change(box, { target: { value: '报' } });
    fireEvent.change(box, { target: { value: '报价 ' } });
    expect(screen.queryByTestId('recommended-scripts')).toBeNull();

    await waitFor(() => expect(searches(fetchMock)).toHaveLength(2));
    expect(searches(fetchMock)[1]).toBe(`/api/scripts?q=${encodeURIComponent('报价')}&limit=30`);
  });

  it('says when nothing matches', async () => {
    api({ search: [ok({ items: ALL_SCRIPTS, total: 5 }), ok({ items: [], total: 0 })] });
    await renderPanel();

    fireEvent.change(screen.getByTestId('script-search'), { target: { value: '不存在' } });
    expect((await screen.findByTestId('script-empty')).textContent).toContain('没有找到相关话术');
  });

  it('加载更多 asks for the next page of the same search and appends it', async () => {
    const fetchMock = api({ search: [ok({ items: ALL_SCRIPTS.slice(0, 3), total: 5 }), ok({ items: ALL_SCRIPTS.slice(3), total: 5 })] });
    await renderPanel();

    fireEvent.click(screen.getByRole('button', { name: '加载更多（还有 2 条）' }));
    await waitFor(() => expect(screen.getAllByTestId('script-item')).toHaveLength(5));
    expect(searches(fetchMock)).toEqual(['/api/scripts?limit=30', '/api/scripts?limit=30&offset=3']);
    expect(screen.queryByRole('button', { name: /加载更多/ })).toBeNull();
  });

  it('filters by category (sub-categories on a second row) and by 收藏', async () => {
    const fetchMock = api();
    await renderPanel();
    const chip = (name: string) => screen.getAllByTestId('script-category').find((c) => c.textContent === name)!;

    // Shared categories first, in the admins' order; personal ones after.
    expect(screen.getAllByTestId('script-category').map((c) => c.textContent)).toEqual(['全部', '开场白', '产品介绍', '我的话术']);
    fireEvent.click(chip('产品介绍'));
    expect(chip('产品介绍').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getAllByTestId('script-category').map((c) => c.textContent)).toEqual(['全部', '开场白', '产品介绍', '我的话术', '全部产品介绍', '报价', '案例']);
    await waitFor(() => expect(searches(fetchMock).at(-1)).toBe(`/api/scripts?categoryId=${CATEGORY_PRODUCT.id}&limit=30`));

    fireEvent.click(chip('报价'));
    fireEvent.click(screen.getByTestId('script-favourites-filter'));
    await waitFor(() => expect(searches(fetchMock).at(-1)).toBe(`/api/scripts?categoryId=${CATEGORY_PRICE.id}&favourites=true&limit=30`));
    expect(chip('产品介绍').getAttribute('aria-pressed')).toBe('true'); // the parent stays marked
    expect(chip('案例').getAttribute('data-category-id')).toBe(CATEGORY_CASES.id);

    fireEvent.click(chip('全部'));
    await waitFor(() => expect(searches(fetchMock).at(-1)).toBe('/api/scripts?favourites=true&limit=30'));
  });

  it('sends a script: prepares it, puts the exact message in the chat, then reports it sent', async () => {
    const fetchMock = api({ prepare: ok(preparedText(HELLO_TEXT, ['客户称呼'])) });
    sdk.sendChatMessage.mockResolvedValue({ errMsg: 'sendChatMessage:ok', errCode: 0 });
    await renderPanel();

    fireEvent.click(within(item(SCRIPT_HELLO.id)).getByTestId('send-script'));
    expect(within(item(SCRIPT_HELLO.id)).getByTestId('send-script').textContent).toBe('发送中…');

    expect((await within(item(SCRIPT_HELLO.id)).findByTestId('script-send-status')).textContent).toBe('已发送');
    expect(postedBodies(fetchMock, SEND_PATH)).toEqual([
      { requestId: expect.stringMatching(REQUEST_ID), externalUserId: CONTENT_EXTERNAL_USERID, content: { kind: 'script', scriptId: SCRIPT_HELLO.id } },
    ]);
    expect(sdk.sendChatMessage).toHaveBeenCalledTimes(1);
    expect(sdk.sendChatMessage).toHaveBeenCalledWith({ msgtype: 'text', text: { content: HELLO_TEXT } });
    await waitFor(() => expect(postedBodies(fetchMock, outcomePath(SEND_ID))).toEqual([{ outcome: 'sent' }]));
    expect(within(item(SCRIPT_HELLO.id)).getByTestId('send-missing-variables').textContent).toBe('以下变量无值，已用默认值代替：客户称呼');
    // The same script among the suggestions says so too.
    const suggested = screen.getAllByTestId('recommended-script').find((li) => li.getAttribute('data-script-id') === SCRIPT_HELLO.id)!;
    expect(within(suggested).getByTestId('script-send-status').textContent).toBe('已发送');
  });

  it('a cancelled send says 已取消, is reported as cancelled and never as sent', async () => {
    const fetchMock = api({ outcome: ok({ sendId: SEND_ID, status: 'cancelled' }) });
    sdk.sendChatMessage.mockRejectedValue({ errMsg: 'sendChatMessage:cancel' });
    await renderPanel();

    fireEvent.click(within(item(SCRIPT_HELLO.id)).getByTestId('send-script'));
    expect((await within(item(SCRIPT_HELLO.id)).findByTestId('script-send-status')).textContent).toBe('已取消');
    await waitFor(() => expect(postedBodies(fetchMock, outcomePath(SEND_ID))).toEqual([{ outcome: 'cancelled', error: 'sendChatMessage:cancel' }]));
    expect(within(item(SCRIPT_HELLO.id)).getByTestId('send-script').textContent).toBe('重新发送');
  });

  it('an SDK failure (no permission) is shown plainly and reported as failed with WeCom’s errMsg', async () => {
    const fetchMock = api({ outcome: ok({ sendId: SEND_ID, status: 'failed' }) });
    sdk.sendChatMessage.mockRejectedValue({ errMsg: 'sendChatMessage:fail no permission' });
    await renderPanel();

    fireEvent.click(within(item(SCRIPT_HELLO.id)).getByTestId('send-script'));
    const status = await within(item(SCRIPT_HELLO.id)).findByTestId('script-send-status');
    expect(status.textContent).toMatch(/^发送失败：.*没有客户联系权限/);
    expect(status.textContent).toContain('sendChatMessage:fail no permission');
    await waitFor(() => expect(postedBodies(fetchMock, outcomePath(SEND_ID))).toEqual([{ outcome: 'failed', error: 'sendChatMessage:fail no permission' }]));
  });

  it('when the server refuses to prepare, shows its message and never opens the SDK', async () => {
    const fetchMock = api({ prepare: apiError(409, 'CONFLICT', '这条话术已停用，请刷新列表') });
    await renderPanel();

    fireEvent.click(within(item(SCRIPT_HELLO.id)).getByTestId('send-script'));
    expect((await within(item(SCRIPT_HELLO.id)).findByTestId('script-send-status')).textContent).toBe('发送失败：这条话术已停用，请刷新列表');
    expect(sdk.sendChatMessage).not.toHaveBeenCalled();
    expect(requestedUrls(fetchMock).filter((url) => url.endsWith('/outcome'))).toEqual([]);
  });

  it('after a prepare lost on the network, the next tap repeats the same requestId', async () => {
    const fetchMock = api({ prepare: [networkFailure(), ok(preparedText(HELLO_TEXT))] });
    sdk.sendChatMessage.mockResolvedValue({ errMsg: 'sendChatMessage:ok', errCode: 0 });
    await renderPanel();

    fireEvent.click(within(item(SCRIPT_HELLO.id)).getByTestId('send-script'));
    expect((await within(item(SCRIPT_HELLO.id)).findByTestId('script-send-status')).textContent).toContain('网络连接失败');
    fireEvent.click(within(item(SCRIPT_HELLO.id)).getByTestId('send-script'));
    await waitFor(() => expect(within(item(SCRIPT_HELLO.id)).getByTestId('script-send-status').textContent).toBe('已发送'));

    const [first, second] = postedBodies(fetchMock, SEND_PATH) as Array<{ requestId: string }>;
    expect(second!.requestId).toBe(first!.requestId);
  });

  it('stars a script once the server agrees, wherever it is listed', async () => {
    const path = `/api/scripts/${SCRIPT_HELLO.id}/favourite`;
    const fetchMock = api({ extra: { [path]: ok({ script: { ...SCRIPT_HELLO, favourite: true } }) } });
    await renderPanel();
    await screen.findAllByTestId('recommended-script');

    const star = within(item(SCRIPT_HELLO.id)).getByTestId('script-favourite');
    expect(star.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(star);
    await waitFor(() => expect(within(item(SCRIPT_HELLO.id)).getByTestId('script-favourite').getAttribute('aria-pressed')).toBe('true'));
    expect(sentBodies(fetchMock, path, 'PUT')).toEqual([{ favourite: true, requestId: expect.stringMatching(REQUEST_ID) }]);
    const suggested = screen.getAllByTestId('recommended-script').find((li) => li.getAttribute('data-script-id') === SCRIPT_HELLO.id)!;
    expect(within(suggested).getByTestId('script-favourite').getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the library usable when the suggestions fail, and offers 重试 when the library fails', async () => {
    api({ recommended: apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用'), search: [apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用'), ok({ items: ALL_SCRIPTS, total: 5 })] });
    render(<ScriptsPanel externalUserId={CONTENT_EXTERNAL_USERID} />);

    expect((await screen.findByText(/暂时没有推荐/)).textContent).toContain('数据库暂时不可用');
    const alert = await screen.findByText(/话术加载失败/);
    fireEvent.click(within(alert.parentElement!).getByRole('button', { name: '重试' }));
    expect(await screen.findAllByTestId('script-item')).toHaveLength(5);
  });
});
