import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ChannelView } from '@zhike/shared/channels';
import { fail, fakeConsoleApi, json } from '../console-content/testing/fake-console-api';
import ChannelsScreen from './ChannelsScreen';

const channel = (overrides: Partial<ChannelView> = {}): ChannelView => ({
  id: 'c'.repeat(24),
  kind: 'channel',
  name: '春季活动',
  group: '线下活动',
  state: 'ch_abcdefghij',
  configId: 'cfg1',
  qrUrl: 'http://zhike.test/files/abc',
  assignment: { mode: 'single', userid: 'lilei' },
  skipVerify: true,
  tagIds: [],
  welcome: { text: '{{客户称呼}}您好，我是{{销售姓名}}', attachments: [] },
  status: 'active',
  currentUsers: ['lilei'],
  adds: 12,
  netAdds: 10,
  version: 1,
  createdAt: '2026-11-25T02:00:00.000Z',
  updatedAt: '2026-11-25T02:00:00.000Z',
  ...overrides,
});

const BASE = {
  'GET /api/channels': json({ channels: [channel()] }),
  'GET /api/channels/salespeople': json({ salespeople: [{ userid: 'lilei', name: '李雷', position: '销售顾问' }, { userid: 'hanmeimei', name: '韩梅梅' }] }),
  'GET /api/tags': json({ tags: [{ tagId: 'et_source_event', name: '活动', groupId: 'etg_source', groupName: '客户来源', source: 'wecom' }] }),
  'GET /api/channels/default-welcome': json({ welcome: null, applyToOtherAdds: false }),
};

describe('ChannelsScreen', () => {
  it('lists channels with who they add customers to, their numbers and their downloads', async () => {
    fakeConsoleApi(BASE);
    render(<ChannelsScreen />);
    const row = await screen.findByTestId('channel-row');
    expect(within(row).getAllByRole('cell').slice(0, 6).map((cell) => cell.textContent)).toEqual(['春季活动', '线下活动', '启用', '李雷', '12', '10']);
    expect(within(row).getByText('二维码').getAttribute('href')).toBe(`/api/channels/${'c'.repeat(24)}/qr.png`);
    expect(within(row).getByText('海报').getAttribute('href')).toBe(`/api/channels/${'c'.repeat(24)}/poster.png`);
  });

  it('shows the server’s field errors next to the fields and previews the welcome', async () => {
    const api = fakeConsoleApi({
      ...BASE,
      'POST /api/channels': fail(400, 'VALIDATION_FAILED', '渠道设置有误，请按提示修改', [{ field: 'body.assignment.userid', issue: '没有这位销售：ghost' }]),
    });
    render(<ChannelsScreen />);
    fireEvent.click(await screen.findByTestId('new-channel'));
    fireEvent.change(screen.getByTestId('channel-name'), { target: { value: '门店前台' } });
    fireEvent.change(screen.getByTestId('channel-userid'), { target: { value: 'lilei' } });
    expect(screen.getByTestId('welcome-preview').textContent).toContain('王小明您好，我是李雷');
    fireEvent.click(screen.getByTestId('save-channel'));
    const error = await screen.findByTestId('field-error');
    expect(error.getAttribute('data-field')).toBe('body.assignment.userid');
    expect(screen.getByTestId('form-error').textContent).toBe('渠道设置有误，请按提示修改');
    expect(api.callsTo('POST', '/api/channels')[0]!.body).toMatchObject({ name: '门店前台', assignment: { mode: 'single', userid: 'lilei' }, skipVerify: true });
  });

  it('builds a rotation with limits and hours', async () => {
    const api = fakeConsoleApi({ ...BASE, 'POST /api/channels': json({ channel: channel({ id: 'd'.repeat(24), name: '线上广告' }) }, 201) });
    render(<ChannelsScreen />);
    fireEvent.click(await screen.findByTestId('new-channel'));
    fireEvent.change(screen.getByTestId('channel-name'), { target: { value: '线上广告' } });
    fireEvent.click(screen.getByTestId('mode-rotation'));
    fireEvent.change(screen.getByTestId('member-0'), { target: { value: 'lilei' } });
    fireEvent.change(screen.getByLabelText('每日上限'), { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText('开始时间'), { target: { value: '09:00' } });
    fireEvent.change(screen.getByLabelText('结束时间'), { target: { value: '18:00' } });
    fireEvent.click(screen.getByTestId('save-channel'));
    await waitFor(() => expect(screen.getAllByTestId('channel-row')).toHaveLength(2));
    expect(api.callsTo('POST', '/api/channels')[0]!.body).toMatchObject({
      assignment: { mode: 'rotation', members: [{ userid: 'lilei', dailyLimit: 20, workingHours: { start: '09:00', end: '18:00' } }], backups: [] },
    });
  });

  it('asks again before deleting a channel that brought customers', async () => {
    const api = fakeConsoleApi({
      ...BASE,
      [`DELETE /api/channels/${'c'.repeat(24)}`]: [fail(409, 'CONFLICT', '该渠道已带来 12 位客户，删除后二维码立即失效'), json({ channel: channel({ status: 'deleted' }) })],
    });
    render(<ChannelsScreen />);
    fireEvent.click(await screen.findByTestId('delete-channel'));
    await screen.findByText('确认删除');
    expect(screen.getByTestId('channels-notice').textContent).toContain('已带来 12 位客户');
    fireEvent.click(screen.getByTestId('delete-channel'));
    await waitFor(() => expect(screen.queryByTestId('channel-row')).toBeNull());
    expect(api.calls.filter((c) => c.method === 'DELETE').map((c) => c.query.get('force'))).toEqual([null, 'true']);
  });

  it('shows a channel’s adds per day', async () => {
    fakeConsoleApi({
      ...BASE,
      [`GET /api/channels/${'c'.repeat(24)}/stats`]: json({
        channelId: 'c'.repeat(24), name: '春季活动', from: '2026-11-24', to: '2026-11-25',
        totals: { adds: 3, losses: 1, netAdds: 2, welcomesSent: 2, welcomesMissed: 1, orders: 1, revenueFen: 19900 },
        days: [{ day: '2026-11-24', adds: 1, losses: 0, netAdds: 1 }, { day: '2026-11-25', adds: 2, losses: 1, netAdds: 1 }],
      }),
    });
    render(<ChannelsScreen />);
    fireEvent.click(await screen.findByTestId('open-stats'));
    const days = await screen.findAllByTestId('stats-day');
    expect(days.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent))).toEqual([['2026-11-25', '2', '1', '1'], ['2026-11-24', '1', '0', '1']]);
    expect(screen.getByTestId('channel-totals').textContent).toContain('¥199.00');
  });

  it('shows the permission notice on 403', async () => {
    fakeConsoleApi({ ...BASE, 'GET /api/channels': fail(403, 'FORBIDDEN', '没有权限执行此操作') });
    render(<ChannelsScreen />);
    await screen.findByTestId('needs-permission');
  });
});
