import { openAnalyticsWorld, readAnalytics, recordDataset, withoutZeros, type AnalyticsWorld } from './analytics-dataset.fixture';
import type { CustomerJourneyDocument } from './analytics.model';

const comparable = (journeys: CustomerJourneyDocument[]) => journeys.map(({ updatedAt, version, ...rest }) => rest);

describe('rebuildAnalytics: everything recomputed from the raw records', () => {
  let world: AnalyticsWorld;
  let ids: Awaited<ReturnType<typeof recordDataset>>;
  let live: Awaited<ReturnType<typeof readAnalytics>>;

  beforeAll(async () => {
    world = await openAnalyticsWorld('rebuild');
    world.recorder.attach();
    ids = await recordDataset(world);
    live = await readAnalytics(world);
  });
  afterAll(async () => {
    await world.recorder.stop();
    await world.database.drop();
  });

  it('produces what live recording produced, without the zeros customers who moved left behind', async () => {
    const summary = await world.recorder.pauseWhile(() => world.rebuild());
    // 14 rows and their 10 summaries (2 sales days, 4 department days, 4 channel days).
    expect(summary).toMatchObject({ entries: 24, touches: 10, journeys: 5, rollupRows: 24, referrers: 1 });
    const rebuilt = await readAnalytics(world);
    expect(rebuilt.funnel).toEqual(withoutZeros(live.funnel));
    expect(rebuilt.sales).toEqual(live.sales);
    expect(rebuilt.content).toEqual(live.content);
    expect(rebuilt.referrals).toEqual(live.referrals);
    expect(rebuilt.referrers).toEqual(live.referrers);
    expect(rebuilt.salesDays).toEqual(live.salesDays);
    expect(rebuilt.funnelDays).toEqual(withoutZeros(live.funnelDays));
    expect(rebuilt.funnelChannels).toEqual(withoutZeros(live.funnelChannels));
    expect(comparable(rebuilt.journeys)).toEqual(comparable(live.journeys));
    // The figures themselves, by hand: lilei's two days, and the one referral.
    expect(rebuilt.sales.filter((row) => row.userid === 'lilei')).toEqual([
      { _id: '2026-11-24|lilei', day: '2026-11-24', userid: 'lilei', newContacts: 1, contentSent: 1, contentOpened: 1, paidOrders: 1, paidFen: 39_900, firstOrders: 1, daysToFirstOrder: { '0': 1 } },
      { _id: '2026-11-25|lilei', day: '2026-11-25', userid: 'lilei', newContacts: 1, paidOrders: 2, paidFen: 32_800, refundFen: 5_000, firstOrders: 1, daysToFirstOrder: { '0': 1 } },
    ]);
    expect(rebuilt.referrers).toEqual([{ _id: ids.wang, name: '王小明', departmentId: 2, invited: 1, activated: 1, converted: 1, revenueFen: 19_900 }]);
    expect(rebuilt.funnel.map((row) => row._id)).toEqual([
      '2026-11-24|channel:64b000000000000000000001|2',
      '2026-11-24|channel:64b000000000000000000001|3',
      '2026-11-24|organic|3',
      '2026-11-25|organic|0',
      '2026-11-25|referral|2',
    ]);
  });

  it('is idempotent: a second rebuild writes the same documents', async () => {
    const first = await readAnalytics(world);
    await world.rebuild();
    const second = await readAnalytics(world);
    expect({ ...second, journeys: comparable(second.journeys) }).toEqual({ ...first, journeys: comparable(first.journeys) });
  });

  it('hands over to live recording: what comes after the rebuild is applied on top of it', async () => {
    await world.timeline.record({ corpId: 'ww1', customerId: ids.zhao, kind: 'page_viewed', at: new Date('2026-11-26T08:00:00Z'), data: {}, key: 'after-rebuild' });
    await world.timeline.record({ corpId: 'ww1', customerId: ids.zhao, kind: 'contact_added', at: new Date('2026-11-26T09:00:00Z'), data: { addWay: 0 }, actorUserid: 'hanmeimei', key: 'after-rebuild-contact' });
    await world.recorder.settled();
    expect(await world.journeys.find(ids.zhao)).toMatchObject({ activeDays: 2, ownerUserid: 'hanmeimei', departmentId: 3 });
    const funnel = await world.rollups.readDays<Record<string, unknown>>('funnel', '2026-11-25', '2026-11-25');
    // 赵敏 now belongs to 韩梅梅's department: moved out of the ownerless row into department 3's.
    expect(withoutZeros(funnel).map((row) => row._id).sort()).toEqual(['2026-11-25|organic|3', '2026-11-25|referral|2']);
  });

  it('counts a payment recorded while a rebuild runs once, whether the rebuild read it or it came after', async () => {
    const paid = (orderNo: string, totalFen: number) =>
      world.timeline.record({ corpId: 'ww1', customerId: ids.chen, kind: 'order_paid', at: new Date('2026-11-27T02:00:00Z'), data: { orderNo, totalFen }, actorUserid: 'lilei', key: `paid:${orderNo}` });
    await world.recorder.pauseWhile(async (witness) => {
      await paid('ZK8', 10_000); // before the rebuild reads: counted by the rebuild only
      await world.rebuild(witness);
      await paid('ZK9', 2_500); // after it read: counted by the recorder once it resumes
    });
    await world.recorder.settled();
    const sales = await world.rollups.readDays<{ userid: string; paidOrders: number; paidFen: number }>('sales', '2026-11-27', '2026-11-27');
    expect(sales.map(({ userid, paidOrders, paidFen }) => ({ userid, paidOrders, paidFen }))).toEqual([{ userid: 'lilei', paidOrders: 2, paidFen: 12_500 }]);
  });
});
