import { CHANNEL_ID, openAnalyticsWorld, readAnalytics, recordDataset, withoutZeros, type AnalyticsWorld } from './analytics-dataset.fixture';

const at = (iso: string) => new Date(iso);
const channelKey = `channel:${CHANNEL_ID}`;

describe('AnalyticsRecorder: journeys and rollups kept as things are recorded', () => {
  let world: AnalyticsWorld;
  let ids: Awaited<ReturnType<typeof recordDataset>>;
  let held: Awaited<ReturnType<typeof readAnalytics>>;

  beforeAll(async () => {
    world = await openAnalyticsWorld('recorder');
    world.recorder.attach();
    ids = await recordDataset(world);
    held = await readAnalytics(world);
  });
  afterAll(async () => {
    await world.recorder.stop();
    await world.database.drop();
  });

  it('counts each customer once in the funnel of their first-touch day (Beijing), channel and owner department', () => {
    // 王小明 was an ownerless fan until lilei added him: the row he left holds nothing any more.
    expect(held.funnel.find((row) => row._id === '2026-11-24|organic|0')).toEqual({
      _id: '2026-11-24|organic|0',
      day: '2026-11-24',
      channelKey: 'organic',
      departmentId: 0,
      entered: 0,
      reached: { visitor: 0, fan: 0 },
      fromPrevious: { visitor: 0, fan: 0 },
    });
    expect(withoutZeros(held.funnel)).toEqual([
      // 王小明: identified 01:00, browsed 01:05, contact 02:00 through the channel, opened 03:00, paid 06:00 and 16:30.
      {
        _id: `2026-11-24|${channelKey}|2`,
        day: '2026-11-24',
        channelKey,
        departmentId: 2,
        entered: 1,
        reached: { visitor: 1, fan: 1, contact: 1, engaged: 1, ordered: 1, repeat: 1 },
        fromPrevious: { visitor: 1, fan: 1, contact: 1, engaged: 1, ordered: 1, repeat: 1 },
        lagHours: { contact: { '1': 1 }, engaged: { '1': 1 }, ordered: { '3': 1 }, repeat: { '10': 1 } },
      },
      // 陈晨: contact 10:00 through the channel (韩梅梅's first department is 3), opened 12:00.
      {
        _id: `2026-11-24|${channelKey}|3`,
        day: '2026-11-24',
        channelKey,
        departmentId: 3,
        entered: 1,
        reached: { contact: 1, engaged: 1 },
        fromPrevious: { engaged: 1 },
        lagHours: { engaged: { '2': 1 } },
      },
      // 李娜: a contact whose unionid came with the contact: a fan from the contact's time.
      {
        _id: '2026-11-24|organic|3',
        day: '2026-11-24',
        channelKey: 'organic',
        departmentId: 3,
        entered: 1,
        reached: { fan: 1, contact: 1 },
        fromPrevious: { contact: 1 },
        lagHours: { contact: { '0': 1 } },
      },
      // 赵敏 only: 张伟 was here (a visitor without owner) until his referral moved him to the referral row.
      { _id: '2026-11-25|organic|0', day: '2026-11-25', channelKey: 'organic', departmentId: 0, entered: 1, reached: { visitor: 1 }, fromPrevious: { visitor: 1 } },
      // 张伟: first seen 16:20 UTC = 00:20 on the 25th in Beijing, referred 16:30 through lilei's customer.
      {
        _id: '2026-11-25|referral|2',
        day: '2026-11-25',
        channelKey: 'referral',
        departmentId: 2,
        entered: 1,
        reached: { visitor: 1, contact: 1, engaged: 1, ordered: 1 },
        fromPrevious: { visitor: 1, engaged: 1, ordered: 1 },
        lagHours: { engaged: { '1': 1 }, ordered: { '1': 1 } },
      },
    ]);
  });

  it('counts contacts, losses, sends, first opens, orders and refunds on the day they happened, per salesperson', () => {
    expect(held.sales).toEqual([
      { _id: '2026-11-24|hanmeimei', day: '2026-11-24', userid: 'hanmeimei', newContacts: 2, contentSent: 1, contentOpened: 1 },
      {
        _id: '2026-11-24|lilei',
        day: '2026-11-24',
        userid: 'lilei',
        newContacts: 1,
        contentSent: 1,
        contentOpened: 1,
        paidOrders: 1,
        paidFen: 39_900,
        firstOrders: 1,
        daysToFirstOrder: { '0': 1 },
      },
      { _id: '2026-11-25|hanmeimei', day: '2026-11-25', userid: 'hanmeimei', lostContacts: 1 },
      // 王小明's second order (00:30 on the 25th in Beijing) and its refund by a manager; 张伟's first order.
      {
        _id: '2026-11-25|lilei',
        day: '2026-11-25',
        userid: 'lilei',
        newContacts: 1,
        paidOrders: 2,
        paidFen: 12_900 + 19_900,
        refundFen: 5_000,
        firstOrders: 1,
        daysToFirstOrder: { '0': 1 },
      },
    ]);
  });

  it('keeps the summaries the admin dashboards read equal to the sums of their rows', () => {
    expect(held.salesDays).toEqual([
      { _id: '2026-11-24', day: '2026-11-24', newContacts: 3, contentSent: 2, contentOpened: 2, paidOrders: 1, paidFen: 39_900, firstOrders: 1 },
      { _id: '2026-11-25', day: '2026-11-25', newContacts: 1, lostContacts: 1, paidOrders: 2, paidFen: 32_800, refundFen: 5_000, firstOrders: 1 },
    ]);
    // Department 3's day holds 陈晨 (through the channel) and 李娜 (organic); no channels, no times.
    expect(withoutZeros(held.funnelDays)).toEqual([
      { _id: '2026-11-24|2', day: '2026-11-24', departmentId: 2, entered: 1, reached: { visitor: 1, fan: 1, contact: 1, engaged: 1, ordered: 1, repeat: 1 } },
      { _id: '2026-11-24|3', day: '2026-11-24', departmentId: 3, entered: 2, reached: { fan: 1, contact: 2, engaged: 1 } },
      { _id: '2026-11-25|0', day: '2026-11-25', departmentId: 0, entered: 1, reached: { visitor: 1 } },
      { _id: '2026-11-25|2', day: '2026-11-25', departmentId: 2, entered: 1, reached: { visitor: 1, contact: 1, engaged: 1, ordered: 1 } },
    ]);
    // The channel's day holds 王小明 (department 2) and 陈晨 (department 3) together, their times between steps too.
    expect(withoutZeros(held.funnelChannels)).toEqual([
      {
        _id: `2026-11-24|${channelKey}`,
        day: '2026-11-24',
        channelKey,
        entered: 2,
        reached: { visitor: 1, fan: 1, contact: 2, engaged: 2, ordered: 1, repeat: 1 },
        fromPrevious: { visitor: 1, fan: 1, contact: 1, engaged: 2, ordered: 1, repeat: 1 },
        lagHours: { contact: { '1': 1 }, engaged: { '1': 1, '2': 1 }, ordered: { '3': 1 }, repeat: { '10': 1 } },
      },
      { _id: '2026-11-24|organic', day: '2026-11-24', channelKey: 'organic', entered: 1, reached: { fan: 1, contact: 1 }, fromPrevious: { contact: 1 }, lagHours: { contact: { '0': 1 } } },
      { _id: '2026-11-25|organic', day: '2026-11-25', channelKey: 'organic', entered: 1, reached: { visitor: 1 }, fromPrevious: { visitor: 1 } },
      {
        _id: '2026-11-25|referral',
        day: '2026-11-25',
        channelKey: 'referral',
        entered: 1,
        reached: { visitor: 1, contact: 1, engaged: 1, ordered: 1 },
        fromPrevious: { visitor: 1, engaged: 1, ordered: 1 },
        lagHours: { engaged: { '1': 1 }, ordered: { '1': 1 } },
      },
    ]);
  });

  it('counts content once per keyed touch: first open per send, scans, contacts and orders credited, refunds taken back', () => {
    expect(held.content).toEqual([
      { _id: '2026-11-24|poster|p1|3', day: '2026-11-24', contentKind: 'poster', contentId: 'p1', departmentId: 3, scans: 1, contactsAdded: 1 },
      { _id: '2026-11-24|script|s1|2', day: '2026-11-24', contentKind: 'script', contentId: 's1', departmentId: 2, sent: 1, opened: 1, orders: 1, paidFen: 39_900 },
      { _id: '2026-11-24|script|s2|3', day: '2026-11-24', contentKind: 'script', contentId: 's2', departmentId: 3, sent: 1, opened: 1 },
      { _id: '2026-11-25|script|s1|2', day: '2026-11-25', contentKind: 'script', contentId: 's1', departmentId: 2, orders: 1, paidFen: 12_900, refundFen: 5_000 },
    ]);
  });

  it('counts the referral in its day’s cohort with what the invitee did since, and the inviter’s totals', () => {
    expect(held.referrals).toEqual([{ _id: '2026-11-25|2', day: '2026-11-25', departmentId: 2, invited: 1, activated: 1, converted: 1, referredPaidFen: 19_900 }]);
    expect(held.referrers).toEqual([{ _id: ids.wang, name: '王小明', departmentId: 2, invited: 1, activated: 1, converted: 1, revenueFen: 19_900 }]);
  });

  it('keeps each customer’s journey: steps, first touch and channel, owner, money and rhythm', () => {
    const journey = (customerId: string) => {
      const found = held.journeys.find((candidate) => candidate.customerId === customerId);
      if (!found) throw new Error(`no journey for ${customerId}`);
      const { updatedAt, version, contribution, ...rest } = found;
      return rest;
    };
    expect(journey(ids.wang)).toEqual({
      corpId: 'ww1',
      customerId: ids.wang,
      steps: {
        fan: at('2026-11-24T01:00:00Z'),
        visitor: at('2026-11-24T01:05:00Z'),
        contact: at('2026-11-24T02:00:00Z'),
        engaged: at('2026-11-24T03:00:00Z'),
        ordered: at('2026-11-24T06:00:00Z'),
        repeat: at('2026-11-24T16:30:00Z'),
      },
      firstTouchAt: at('2026-11-24T01:00:00Z'),
      channelKey,
      channelLabel: '春季活动',
      contactedAt: { lilei: at('2026-11-24T02:00:00Z') },
      contactChannel: { key: channelKey, label: '春季活动' },
      ownerUserid: 'lilei',
      departmentId: 2,
      paidOrders: 2,
      netRevenueFen: 39_900 + 12_900 - 5_000,
      lastPaidAt: at('2026-11-24T16:30:00Z'),
      activeDays: 2,
      firstActiveAt: at('2026-11-24T01:05:00Z'),
      lastActiveAt: at('2026-11-24T16:30:00Z'),
      touchedBy: { lilei: at('2026-11-24T02:30:00Z') },
    });
    expect(journey(ids.li)).toEqual({
      corpId: 'ww1',
      customerId: ids.li,
      steps: { contact: at('2026-11-24T05:00:00Z'), fan: at('2026-11-24T05:00:00Z') },
      firstTouchAt: at('2026-11-24T05:00:00Z'),
      channelKey: 'organic',
      channelLabel: '自然流量',
      contactedAt: { hanmeimei: at('2026-11-24T05:00:00Z') },
      ownerUserid: 'hanmeimei',
      departmentId: 3,
      paidOrders: 0,
      netRevenueFen: 0,
      activeDays: 0,
      touchedBy: { hanmeimei: at('2026-11-24T07:00:00Z') },
    });
    expect(journey(ids.zhang)).toEqual({
      corpId: 'ww1',
      customerId: ids.zhang,
      steps: { visitor: at('2026-11-24T16:20:00Z'), contact: at('2026-11-25T02:00:00Z'), engaged: at('2026-11-25T03:00:00Z'), ordered: at('2026-11-25T04:00:00Z') },
      firstTouchAt: at('2026-11-24T16:20:00Z'),
      channelKey: 'referral',
      channelLabel: '好友分享',
      contactedAt: { lilei: at('2026-11-25T02:00:00Z') },
      ownerUserid: 'lilei',
      departmentId: 2,
      referrerId: ids.wang,
      referrerName: '王小明',
      referredAt: at('2026-11-24T16:30:00Z'),
      referralChannel: 'share',
      // The page view before the referral is the visit that claimed it; the next one is the activation.
      activatedAt: at('2026-11-25T01:00:00Z'),
      paidOrders: 1,
      netRevenueFen: 19_900,
      lastPaidAt: at('2026-11-25T04:00:00Z'),
      activeDays: 1,
      firstActiveAt: at('2026-11-24T16:20:00Z'),
      lastActiveAt: at('2026-11-25T04:00:00Z'),
      touchedBy: {},
    });
    expect(journey(ids.zhao)).toEqual({
      corpId: 'ww1',
      customerId: ids.zhao,
      steps: { visitor: at('2026-11-25T08:00:00Z') },
      firstTouchAt: at('2026-11-25T08:00:00Z'),
      channelKey: 'organic',
      channelLabel: '自然流量',
      departmentId: 0,
      paidOrders: 0,
      netRevenueFen: 0,
      activeDays: 1,
      firstActiveAt: at('2026-11-25T08:00:00Z'),
      lastActiveAt: at('2026-11-25T08:00:00Z'),
      touchedBy: {},
    });
    expect(journey(ids.chen)).toMatchObject({
      steps: { contact: at('2026-11-24T10:00:00Z'), engaged: at('2026-11-24T12:00:00Z') },
      channelKey,
      ownerUserid: 'hanmeimei',
      departmentId: 3,
      activeDays: 1,
      firstActiveAt: at('2026-11-24T09:00:00Z'),
      lastActiveAt: at('2026-11-24T12:30:00Z'),
      touchedBy: { hanmeimei: at('2026-11-24T11:00:00Z') },
    });
  });

  it('reads a range from the months it touches only, and an empty range as nothing', async () => {
    expect(await world.rollups.readDays('sales', '2026-11-25', '2026-11-25')).toHaveLength(2);
    expect(await world.rollups.readDays('sales', '2026-12-01', '2027-01-31')).toEqual([]);
  });

  it('does not break the write that told it when applying fails, and carries on with what comes next', async () => {
    const failing = world.journeys.findMany.bind(world.journeys);
    world.journeys.findMany = async () => {
      throw new Error('engine went away');
    };
    await world.timeline.record({ corpId: 'ww1', customerId: ids.zhao, kind: 'page_viewed', at: at('2026-11-26T08:00:00Z'), data: {}, key: 'fails-once' });
    await world.recorder.settled();
    world.journeys.findMany = failing;
    await world.timeline.record({ corpId: 'ww1', customerId: ids.zhao, kind: 'page_viewed', at: at('2026-11-27T08:00:00Z'), data: {}, key: 'applies' });
    await world.recorder.settled();
    expect((await world.journeys.find(ids.zhao))?.lastActiveAt).toEqual(at('2026-11-27T08:00:00Z'));
  });
});
