import { shanghaiDay } from '@zhike/shared/time';
import { ensureIndexes } from '../../platform/db/database';
import { openTestDatabase } from '../../testing/test-database';
import { ChannelActivityRepository, ChannelRepository } from '../../modules/channels';
import { ChannelStatsFlow } from './channel-stats.flow';

describe('ChannelStatsFlow on the real engine', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let activity: ChannelActivityRepository;
  let channels: ChannelRepository;
  let channelId: string;

  const add = (n: number, at: string, externalUserId = `wm_${n}`) =>
    activity.recordAdd({ corpId: 'corp', channelId, key: `k${n}`, externalUserId, userid: 'lilei', at: new Date(at), day: shanghaiDay(at), paused: false });

  beforeAll(async () => {
    db = await openTestDatabase('channelstats');
    activity = new ChannelActivityRepository(db.connection);
    channels = new ChannelRepository(db.connection);
    await ensureIndexes(db.connection);
    channelId = channels.newId();
    const now = new Date('2026-11-25T08:00:00Z');
    await channels.insert(channelId, {
      corpId: 'corp', kind: 'channel', name: '门店', group: '', state: 'ch_abcdefghij', configId: 'cfg', contactWayType: 1, qrAssetId: 'a', qrAssetKey: 'k',
      assignment: { mode: 'single', userid: 'lilei' }, skipVerify: true, tagIds: [], welcome: null, currentUsers: ['lilei'], version: 1,
      createdBy: 'chenjing', updatedBy: 'chenjing', createdAt: now, updatedAt: now,
    });
  });
  afterAll(() => db.drop());

  it('counts adds per Beijing day across midnight, and net adds after a deletion', async () => {
    await add(1, '2026-11-24T15:59:30Z'); // 23:59:30 on the 24th in Beijing
    await add(2, '2026-11-24T16:00:30Z'); // 00:00:30 on the 25th in Beijing (still the 24th in UTC)
    await add(3, '2026-11-25T03:00:00Z');
    expect(await add(3, '2026-11-25T03:00:00Z')).toBe(false); // the same event again
    await activity.endAdd('corp', 'wm_2', 'lilei', new Date('2026-11-25T05:00:00Z'), '2026-11-25');
    const flow = new ChannelStatsFlow({ corpId: 'corp', channels, activity, now: () => new Date('2026-11-25T08:00:00Z') });
    const stats = await flow.stats('corp', channelId, { from: '2026-11-23', to: '2026-11-25' });
    expect(stats.days).toEqual([
      { day: '2026-11-23', adds: 0, losses: 0, netAdds: 0 },
      { day: '2026-11-24', adds: 1, losses: 0, netAdds: 1 },
      { day: '2026-11-25', adds: 2, losses: 1, netAdds: 1 },
    ]);
    expect(stats.totals).toMatchObject({ adds: 3, losses: 1, netAdds: 2, orders: 0, revenueFen: 0 });
  });

  it('credits an order to the channel that touched the customer first, once', async () => {
    await activity.recordFirstTouch({ corpId: 'corp', customerId: 'cust1', channelId, userid: 'lilei', at: new Date('2026-11-25T03:00:00Z') });
    const flow = new ChannelStatsFlow({ corpId: 'corp', channels, activity });
    expect(await flow.creditOrder('corp', { orderId: 'o1', customerId: 'cust1', amountFen: 19_900 })).toBe(true);
    expect(await flow.creditOrder('corp', { orderId: 'o1', customerId: 'cust1', amountFen: 19_900 })).toBe(false);
    expect(await flow.creditOrder('corp', { orderId: 'o2', customerId: 'nobody', amountFen: 100 })).toBe(false);
    expect((await flow.stats('corp', channelId, {})).totals).toMatchObject({ orders: 1, revenueFen: 19_900 });
  });

  it('refuses a range that runs backwards', async () => {
    const flow = new ChannelStatsFlow({ corpId: 'corp', channels, activity });
    await expect(flow.stats('corp', channelId, { from: '2026-11-25', to: '2026-11-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
