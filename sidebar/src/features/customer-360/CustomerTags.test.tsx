import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Customer360 } from '@zhike/shared/customers';
import type { TagChangeView } from '@zhike/shared/tags';
import { TAG_LIBRARY, ZHANG_WEI, ZHANG_WEI_EXTERNAL_USERID, ZHANG_WEI_PATH, ZHANG_WEI_TAGS_PATH } from '../../test-support/customer-360-fixtures';
import { apiError, fakeApi, networkFailure, ok, postedBodies, requestedUrls, STAFF_LI, type FakeRoute } from '../../test-support/fake-api';
import { Customer360Panel } from './Customer360Panel';

jest.mock('../../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));

const AT = '2026-05-21T02:00:00.000Z';
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

const change = (overrides: Partial<TagChangeView>): TagChangeView => ({ requestId: 'req00000001', add: [], remove: [], state: 'pending', at: AT, ...overrides });

/** The 360 once 李娜 has added B类客户 and taken A类客户 off, with the change still on its way. */
const AFTER_SAVE: Customer360 = {
  ...ZHANG_WEI,
  tags: [
    { tagId: 'et-level-b', name: 'B类客户', groupId: 'eg-level', groupName: '客户等级', source: 'wecom', markedBy: ['lina'] },
    ...ZHANG_WEI.tags.slice(1),
  ],
  tagChanges: [change({ add: ['et-level-b'], remove: ['et-level-a'] })],
};

function api(routes: { customer?: FakeRoute; mark?: FakeRoute; library?: FakeRoute }) {
  return fakeApi({
    [ZHANG_WEI_PATH]: routes.customer ?? ok(ZHANG_WEI),
    '/api/tags': routes.library ?? ok({ tags: TAG_LIBRARY }),
    ...(routes.mark ? { [ZHANG_WEI_TAGS_PATH]: routes.mark } : {}),
  });
}

function renderPanel() {
  return render(<Customer360Panel externalUserId={ZHANG_WEI_EXTERNAL_USERID} viewerUserid={STAFF_LI.userid} />);
}

async function openPicker() {
  fireEvent.click(await screen.findByTestId('edit-tags'));
  await screen.findAllByTestId('tag-option');
}

const option = (name: string) => screen.getAllByTestId('tag-option').find((o) => o.textContent === name)!;
const pressed = (name: string) => option(name).getAttribute('aria-pressed');
const chips = () => screen.getAllByTestId('customer-tag').map((chip) => chip.textContent);
const customerFetches = (fetchMock: jest.Mock) => requestedUrls(fetchMock).filter((url) => url === ZHANG_WEI_PATH).length;

afterEach(() => jest.useRealTimers());

describe('CustomerTags editing', () => {
  it('offers the whole library grouped, local-only groups marked 仅知客, the viewer’s own tags pressed', async () => {
    api({});
    renderPanel();
    await openPicker();

    const picker = screen.getByTestId('tag-picker');
    const groups = within(picker)
      .getAllByRole('group')
      .map((group) => [group.getAttribute('aria-label'), within(group).getAllByTestId('tag-option').map((o) => o.textContent), within(group).queryByTestId('tag-local-only')?.textContent ?? '']);
    expect(groups).toEqual([
      ['客户等级', ['A类客户', 'B类客户'], ''],
      ['意向产品', ['企业版', '私有化部署', '标准版'], ''],
      ['来源', ['展会'], '仅知客'],
    ]);
    expect(['A类客户', 'B类客户', '企业版', '私有化部署', '标准版', '展会'].map(pressed)).toEqual(['true', 'false', 'true', 'false', 'false', 'true']);
    expect((screen.getByTestId('save-tags') as HTMLButtonElement).disabled).toBe(true); // nothing changed yet
  });

  it('takes a local-only tag off in one POST and says it stays in Zhike', async () => {
    const without: Customer360 = { ...ZHANG_WEI, tags: ZHANG_WEI.tags.filter((t) => t.tagId !== 'lt-expo') };
    const fetchMock = api({ customer: [ok(ZHANG_WEI), ok(without)], mark: ok({ change: change({ remove: ['lt-expo'], state: 'synced' }) }) });
    renderPanel();
    await openPicker();

    fireEvent.click(option('展会'));
    fireEvent.click(screen.getByTestId('save-tags'));
    expect((await screen.findByTestId('tag-toast')).textContent).toBe('已保存（仅知客标签，不同步到企业微信）');
    expect(postedBodies(fetchMock, ZHANG_WEI_TAGS_PATH)).toEqual([{ requestId: expect.stringMatching(REQUEST_ID), add: [], remove: ['lt-expo'] }]);
    expect(chips()).not.toContain('展会');
  });

  it('adds one tag and removes another in one POST with a fresh requestId, then shows the saved 360', async () => {
    const fetchMock = api({ customer: [ok(ZHANG_WEI), ok(AFTER_SAVE)], mark: ok({ change: change({ add: ['et-level-b'], remove: ['et-level-a'] }) }) });
    renderPanel();
    await openPicker();

    fireEvent.click(option('B类客户'));
    fireEvent.click(option('A类客户'));
    expect(pressed('B类客户')).toBe('true');
    fireEvent.click(screen.getByTestId('save-tags'));
    expect(screen.getByTestId('save-tags').textContent).toBe('保存中…');

    expect((await screen.findByTestId('tag-toast')).textContent).toBe('已保存，正在同步到企业微信');
    expect(screen.queryByTestId('tag-picker')).toBeNull();
    const [body] = postedBodies(fetchMock, ZHANG_WEI_TAGS_PATH) as Array<{ requestId: string; add: string[]; remove: string[] }>;
    expect(postedBodies(fetchMock, ZHANG_WEI_TAGS_PATH)).toHaveLength(1);
    expect(body).toEqual({ requestId: expect.stringMatching(REQUEST_ID), add: ['et-level-b'], remove: ['et-level-a'] });
    expect(chips()).toEqual(['B类客户', '企业版', '私有化部署', '展会']);
    expect(customerFetches(fetchMock)).toBe(2); // the authoritative 360 again, right after the save
  });

  it('after a network failure keeps the picker open, and 重试 resends the same requestId', async () => {
    const fetchMock = api({ mark: [networkFailure(), ok({ change: change({ add: ['et-product-std'] }) })] });
    renderPanel();
    await openPicker();

    fireEvent.click(option('标准版'));
    fireEvent.click(screen.getByTestId('save-tags'));
    const alert = await screen.findByTestId('tag-save-error');
    expect(alert.textContent).toContain('网络连接失败');
    expect(screen.getByTestId('tag-picker')).toBeTruthy();
    expect(pressed('标准版')).toBe('true');

    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await screen.findByTestId('tag-toast');
    const [first, second] = postedBodies(fetchMock, ZHANG_WEI_TAGS_PATH) as Array<{ requestId: string }>;
    expect(second).toEqual(first);
    expect(first!.requestId).toMatch(REQUEST_ID);
  });

  it('treats a different selection after a failure as a new action with a new requestId', async () => {
    const fetchMock = api({ mark: [networkFailure(), ok({ change: change({ add: ['et-level-b'] }) })] });
    renderPanel();
    await openPicker();

    fireEvent.click(option('标准版'));
    fireEvent.click(screen.getByTestId('save-tags'));
    await screen.findByTestId('tag-save-error');
    fireEvent.click(option('标准版'));
    fireEvent.click(option('B类客户'));
    fireEvent.click(screen.getByTestId('save-tags'));
    await screen.findByTestId('tag-toast');

    const [first, second] = postedBodies(fetchMock, ZHANG_WEI_TAGS_PATH) as Array<{ requestId: string; add: string[] }>;
    expect(second!.add).toEqual(['et-level-b']);
    expect(second!.requestId).not.toBe(first!.requestId);
  });

  it('shows the server’s 403 in its own words, keeps the picker open and offers no pointless retry', async () => {
    api({ mark: apiError(403, 'FORBIDDEN', '你没有跟进这位客户，不能修改标签') });
    renderPanel();
    await openPicker();

    fireEvent.click(option('B类客户'));
    fireEvent.click(screen.getByTestId('save-tags'));
    const alert = await screen.findByTestId('tag-save-error');
    expect(alert.textContent).toBe('你没有跟进这位客户，不能修改标签');
    expect(within(alert).queryByRole('button')).toBeNull();
    expect(screen.getByTestId('tag-picker')).toBeTruthy();
    expect(screen.getByTestId('save-tags').textContent).toBe('保存');
    expect(screen.queryByTestId('tag-toast')).toBeNull();
  });

  it('never removes a colleague’s mark: unticking a shared tag takes off only the viewer’s own', async () => {
    // The quiet reload fails here, so what shows is the answer applied locally.
    const fetchMock = api({ customer: [ok(ZHANG_WEI), apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用')], mark: ok({ change: change({ remove: ['et-product-ent'] }) }) });
    renderPanel();
    expect((await screen.findByText('私有化部署', { selector: '[data-testid="customer-tag"]' })).getAttribute('title')).toBe('由 赵磊 标记');
    await openPicker();

    expect(pressed('私有化部署')).toBe('false');
    expect(option('私有化部署').getAttribute('title')).toBe('由 赵磊 标记；选中后你也会标记');
    expect(option('企业版').getAttribute('title')).toBe('由 赵磊 标记；取消只会去掉你的标记');
    fireEvent.click(option('企业版'));
    fireEvent.click(screen.getByTestId('save-tags'));
    await screen.findByTestId('tag-toast');

    expect(postedBodies(fetchMock, ZHANG_WEI_TAGS_PATH)).toEqual([{ requestId: expect.stringMatching(REQUEST_ID), add: [], remove: ['et-product-ent'] }]);
    expect(chips()).toEqual(['A类客户', '企业版', '私有化部署', '展会']);
    expect(screen.getByText('企业版', { selector: '[data-testid="customer-tag"]' }).getAttribute('title')).toBe('由 赵磊 标记');
  });

  it('says why the library did not load, and 重试 asks again', async () => {
    api({ library: [apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用'), ok({ tags: TAG_LIBRARY })] });
    renderPanel();
    fireEvent.click(await screen.findByTestId('edit-tags'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('标签库加载失败：数据库暂时不可用');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    expect(await screen.findAllByTestId('tag-option')).toHaveLength(6);
  });
});

describe('CustomerTags sync state', () => {
  const PENDING: Customer360 = { ...AFTER_SAVE, tagChanges: [change({ add: ['et-level-b'] })] };
  const SYNCED: Customer360 = { ...AFTER_SAVE, tagChanges: [change({ add: ['et-level-b'], state: 'synced' })] };

  async function advance(ms: number) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(ms);
    });
  }

  it('marks chips on their way to WeCom with 同步中, polls every 2 s, and stops once synced', async () => {
    jest.useFakeTimers();
    const fetchMock = api({ customer: [ok(PENDING), ok(PENDING), ok(SYNCED)] });
    renderPanel();

    const marker = await screen.findByTestId('tag-sync-pending');
    expect(marker.textContent).toBe('同步中');
    expect(marker.parentElement!.querySelector('[data-testid="customer-tag"]')!.textContent).toBe('B类客户');
    expect(customerFetches(fetchMock)).toBe(1);

    await advance(2_000);
    expect(customerFetches(fetchMock)).toBe(2);
    expect(screen.getByTestId('tag-sync-pending')).toBeTruthy();
    await advance(2_000);
    expect(customerFetches(fetchMock)).toBe(3);
    expect(screen.queryByTestId('tag-sync-pending')).toBeNull();

    await advance(20_000);
    expect(customerFetches(fetchMock)).toBe(3);
  });

  it('gives up polling after 30 s while the change is still pending', async () => {
    jest.useFakeTimers();
    const fetchMock = api({ customer: ok(PENDING) });
    renderPanel();
    await screen.findByTestId('tag-sync-pending');

    await advance(60_000);
    expect(customerFetches(fetchMock)).toBe(1 + 30_000 / 2_000);
    expect(screen.getByTestId('tag-sync-pending')).toBeTruthy();
  });

  it('shows a change WeCom refused with its reason, and 重试 re-posts the same change and requestId', async () => {
    const failed = change({ requestId: 'reqFAILED01', add: ['et-level-b'], remove: ['et-level-a'], state: 'failed', error: '你与该客户已不是好友关系（企业微信错误码 84061）' });
    const fetchMock = api({
      customer: [ok({ ...AFTER_SAVE, tagChanges: [failed] }), ok({ ...AFTER_SAVE, tagChanges: [{ ...failed, state: 'pending', error: undefined }] })],
      mark: ok({ change: { ...failed, state: 'pending', error: undefined } }),
    });
    renderPanel();

    const notice = await screen.findByTestId('tag-sync-failed');
    expect(notice.querySelector('p')!.textContent).toBe('标签未能同步到企业微信：你与该客户已不是好友关系（企业微信错误码 84061）');
    expect(screen.getByText('未同步')).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: '重试' }));
    expect(within(notice).getByRole('button').textContent).toBe('重试中…');

    expect((await screen.findByTestId('tag-toast')).textContent).toBe('已重新提交，正在同步到企业微信');
    expect(screen.queryByTestId('tag-sync-failed')).toBeNull();
    expect(screen.getByTestId('tag-sync-pending')).toBeTruthy();
    expect(postedBodies(fetchMock, ZHANG_WEI_TAGS_PATH)).toEqual([{ requestId: 'reqFAILED01', add: ['et-level-b'], remove: ['et-level-a'] }]);
  });

  it('says so when the retry itself fails, and keeps the notice', async () => {
    const failed = change({ requestId: 'reqFAILED02', add: ['et-level-b'], state: 'failed', error: '标签不存在或已被删除（企业微信错误码 40068）' });
    api({ customer: ok({ ...AFTER_SAVE, tagChanges: [failed] }), mark: networkFailure() });
    renderPanel();

    const notice = await screen.findByTestId('tag-sync-failed');
    fireEvent.click(within(notice).getByRole('button', { name: '重试' }));
    expect((await within(notice).findByText(/重试没有成功/)).textContent).toBe('重试没有成功：网络连接失败，请检查网络后重试');
    expect(within(notice).getByRole('button').textContent).toBe('重试');
  });
});
