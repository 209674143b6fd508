import { fireEvent, render, screen, within } from '@testing-library/react';
import { navigateTo } from '../../lib/navigation';
import { ZHANG_WEI, ZHANG_WEI_EXTERNAL_USERID as EXTERNAL_USERID, ZHANG_WEI_PATH as PATH } from '../../test-support/customer-360-fixtures';
import { apiError, fakeApi, ok, requestedUrls, STAFF_LI } from '../../test-support/fake-api';
import { Customer360Panel, NOT_SYNCED_TITLE } from './Customer360Panel';

jest.mock('../../lib/navigation', () => ({ navigateTo: jest.fn(), reloadPage: jest.fn() }));

function renderPanel(externalUserId = EXTERNAL_USERID) {
  return render(<Customer360Panel externalUserId={externalUserId} viewerUserid={STAFF_LI.userid} />);
}

beforeEach(() => jest.clearAllMocks());

describe('Customer360Panel', () => {
  it('shows a skeleton, then name, company line and the mini-program chip', async () => {
    fakeApi({ [PATH]: ok(ZHANG_WEI) });
    renderPanel();

    expect(screen.getByRole('status').textContent).toContain('正在加载客户信息');
    expect((await screen.findByTestId('customer-name')).textContent).toBe('张伟');
    expect(screen.getByTestId('customer-company').textContent).toBe('星河科技 · 采购经理');
    screen.getByText('已用小程序');
    screen.getByText('备注：张伟-星河采购', { selector: '.c360-header *' });
  });

  it('warns in the header when the customer is on the churn-risk list, with the reason', async () => {
    fakeApi({ [PATH]: ok({ ...ZHANG_WEI, churnRisk: { risk: 46, reason: '平均每 3 天活跃一次，已 12 天未活跃；意向分从 58 降到 30' } }) });
    renderPanel();

    expect((await screen.findByTestId('churn-risk')).textContent).toBe('流失风险：平均每 3 天活跃一次，已 12 天未活跃；意向分从 58 降到 30');
  });

  it('shows no churn-risk line for a customer who is not at risk', async () => {
    fakeApi({ [PATH]: ok({ ...ZHANG_WEI, churnRisk: null }) });
    renderPanel();

    await screen.findByTestId('customer-name');
    expect(screen.queryByTestId('churn-risk')).toBeNull();
  });

  it('shows the first-touch channel and the Beijing dates in the key facts', async () => {
    fakeApi({ [PATH]: ok(ZHANG_WEI) });
    renderPanel();

    const facts = within(await screen.findByTestId('customer-facts'));
    const firstTouch = facts.getByText('首次接触').parentElement!;
    expect(firstTouch.textContent).toBe('首次接触expo20262026-03-02');
    expect(facts.getByText('添加于').parentElement!.textContent).toBe('添加于2026-03-02');
    expect(facts.getByText('最近活跃').parentElement!.textContent).toBe('最近活跃2026-05-21');
  });

  it('groups tags as WeCom groups them, each chip saying who marked it, with 编辑', async () => {
    fakeApi({ [PATH]: ok(ZHANG_WEI) });
    renderPanel();

    const tags = await screen.findByTestId('customer-tags');
    expect(within(tags).getAllByTestId('customer-tag').map((chip) => chip.textContent)).toEqual(['A类客户', '企业版', '私有化部署', '展会']);
    const groups = within(tags)
      .getAllByTestId('customer-tag-group')
      .map((group) => [group.querySelector('.c360-tag-group-name')!.textContent, within(group).getAllByTestId('customer-tag').map((c) => c.textContent)]);
    expect(groups).toEqual([
      ['客户等级', ['A类客户']],
      ['意向产品', ['企业版', '私有化部署']],
      ['来源', ['展会']],
    ]);
    expect(within(tags).getByText('企业版').getAttribute('title')).toBe('由 李娜、赵磊 标记');
    // A local-only tag says so beside its chip; WeCom tags carry no such mark.
    expect(within(tags).getAllByTestId('tag-local-only').map((mark) => mark.parentElement!.querySelector('[data-testid="customer-tag"]')!.textContent)).toEqual(['展会']);
    expect(screen.queryByText('标签编辑即将开放')).toBeNull();
    expect(screen.getByTestId('edit-tags').textContent).toBe('编辑');
  });

  it('lists the colleagues who follow the customer, me first and the ended relationship marked', async () => {
    fakeApi({ [PATH]: ok(ZHANG_WEI) });
    renderPanel();

    const rows = within(await screen.findByTestId('customer-followers')).getAllByTestId('customer-follower');
    expect(rows.map((row) => row.querySelector('.c360-follower-name')!.textContent)).toEqual(['李娜', '赵磊', '王强']);
    expect(rows[0]!.textContent).toContain('我');
    expect(rows[0]!.textContent).toContain('扫描二维码 · 2026-03-02 添加');
    expect(rows[1]!.textContent).toContain('群聊 · 2026-04-10 添加');
    expect(rows[1]!.textContent).toContain('已离职 · 待分配');
    expect(rows[0]!.textContent).not.toContain('已离职');
    expect(rows[2]!.className).toContain('c360-follower-ended');
    expect(rows[2]!.textContent).toContain('已删除');
    expect(rows[2]!.textContent).toContain('客户已删除该成员 · 2026-05-20');
    screen.getByText('2 人跟进中');
  });

  it('says 已转接, not 已删除, for a transferred relationship', async () => {
    const transferred = { ...ZHANG_WEI.followers[0]!, endReason: 'transferred' as const };
    fakeApi({ [PATH]: ok({ ...ZHANG_WEI, followers: [transferred] }) });
    renderPanel();

    const row = within(await screen.findByTestId('customer-followers')).getByTestId('customer-follower');
    expect(row.textContent).toContain('已转接');
    expect(row.textContent).not.toContain('已删除');
  });

  it('says so when there are no tags and no timeline yet', async () => {
    fakeApi({ [PATH]: ok({ ...ZHANG_WEI, tags: [], timeline: [] }) });
    renderPanel();

    expect((await screen.findByTestId('customer-timeline-empty')).textContent).toBe('还没有动态');
    expect(screen.queryAllByTestId('timeline-entry')).toHaveLength(0);
    expect(screen.getByTestId('customer-tags').textContent).toBe('还没有标签');
  });

  it('shows the stage beside the name', async () => {
    fakeApi({ [PATH]: ok(ZHANG_WEI) });
    renderPanel();

    expect((await screen.findByTestId('customer-stage')).textContent).toBe('意向');
  });

  it('on 404, shows the not-synced state with the server message, and 重试 asks again', async () => {
    const api = fakeApi({ [PATH]: [apiError(404, 'NOT_FOUND', '没有找到这位客户，或你没有查看权限'), ok(ZHANG_WEI)] });
    renderPanel();

    const empty = await screen.findByTestId('customer-not-found');
    expect(empty.textContent).toContain(NOT_SYNCED_TITLE);
    expect(empty.textContent).toContain('没有找到这位客户，或你没有查看权限');

    fireEvent.click(within(empty).getByRole('button', { name: '重试' }));
    expect((await screen.findByTestId('customer-name')).textContent).toBe('张伟');
    expect(requestedUrls(api)).toEqual([PATH, PATH]);
  });

  it('explains other failures in plain Chinese with 重试', async () => {
    fakeApi({ [PATH]: [apiError(503, 'DATABASE_UNAVAILABLE', '数据库暂时不可用'), ok(ZHANG_WEI)] });
    renderPanel();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('数据库暂时不可用');
    expect(alert.textContent).toContain('请稍后重试');
    fireEvent.click(within(alert).getByRole('button', { name: '重试' }));
    await screen.findByTestId('customer-name');
  });

  it('when the session has ended meanwhile, offers 重新登录 instead of a retry loop', async () => {
    fakeApi({ [PATH]: apiError(401, 'SESSION_EXPIRED', '登录已过期') });
    renderPanel();

    fireEvent.click(within(await screen.findByRole('alert')).getByRole('button', { name: '重新登录' }));
    expect(jest.mocked(navigateTo)).toHaveBeenCalledWith(expect.stringMatching(/^\/api\/auth\/wecom\/authorize\?redirect=/));
  });

  it('asks for the external userid percent-encoded in the path', async () => {
    const odd = 'wm EXT/01?#';
    const api = fakeApi({});
    renderPanel(odd);

    await screen.findByTestId('customer-not-found');
    expect(requestedUrls(api)).toEqual(['/api/customers/by-external-userid/wm%20EXT%2F01%3F%23']);
  });
});
