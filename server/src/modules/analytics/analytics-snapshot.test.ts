import pino from 'pino';
import { ensureIndexes } from '../../platform/db/database';
import { openTestDatabase } from '../../testing/test-database';
import { CustomerRepository } from '../customers';
import { FollowRepository } from '../follows';
import { IntentRollupRepository } from '../intent';
import type { CustomerJourneyDocument } from './analytics.model';
import { AnalyticsSnapshotJob } from './analytics-snapshot';
import { ChurnRiskRepository } from './churn-risk.repository';
import { JourneyRepository } from './journey.repository';
import { SegmentRepository } from './segment.repository';
import { SnapshotRepository } from './snapshot.repository';

const CORP = 'ww_corp';
const DAY = 86_400_000;
const asOf = new Date('2026-11-30T04:00:00Z');
const daysAgo = (days: number) => new Date(asOf.getTime() - days * DAY);

function journey(customerId: string, fields: Partial<CustomerJourneyDocument>): CustomerJourneyDocument {
  return {
    corpId: CORP,
    customerId,
    steps: { contact: daysAgo(60) },
    channelKey: 'organic',
    channelLabel: '自然流量',
    departmentId: 0,
    paidOrders: 0,
    netRevenueFen: 0,
    activeDays: 0,
    touchedBy: {},
    version: 1,
    updatedAt: daysAgo(0),
    ...fields,
  };
}

describe('AnalyticsSnapshotJob', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let job: AnalyticsSnapshotJob;
  let now = asOf;
  let snapshots: SnapshotRepository;
  let churnRisks: ChurnRiskRepository;
  let journeys: JourneyRepository;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDatabase('snapshot');
    const customers = new CustomerRepository(db.connection);
    const follows = new FollowRepository(db.connection);
    const intent = new IntentRollupRepository(db.connection);
    journeys = new JourneyRepository(db.connection);
    const segments = new SegmentRepository(db.connection);
    snapshots = new SnapshotRepository(db.connection);
    churnRisks = new ChurnRiskRepository(db.connection);
    await ensureIndexes(db.connection);

    for (const [key, name, stage] of [['c1', '王小明', 'won'], ['c2', '孙强', 'new'], ['c3', '陈先生', 'new'], ['c4', '刘洋', 'new'], ['c5', '赵丽', 'new'], ['c6', '周杰', 'interested']] as const) {
      const created = await customers.insert({
        displayName: name,
        stage,
        wecomProfile: { avatar: `https://avatar.test/${key}.png` },
        identifiers: { externalUserIds: [`wm_${key}`], ...(key === 'c2' ? { unionid: 'u_c2' } : {}) },
        identityLinks: [],
        firstSeenAt: daysAgo(90),
      });
      ids[key] = created.id;
    }
    const follow = (key: string, userid: string, wecomTagIds: string[] = []) =>
      follows.saveSnapshot({ corpId: CORP, customerId: ids[key]!, externalUserId: `wm_${key}`, userid, wecomTagIds, since: daysAgo(60), syncedAt: daysAgo(1) });
    await follow('c1', 'lilei', ['et_level_a']);
    await follow('c2', 'lilei');
    await follow('c3', 'lilei');
    await follow('c3', 'hanmeimei', ['et_level_a']); // not the owner's follow: its tags do not count for segments
    await follow('c4', 'hanmeimei'); // followed, but no journey yet: never covered
    await follow('c5', 'lilei');
    await follows.end({ corpId: CORP, externalUserId: 'wm_c5', userid: 'lilei' }, 'customer_deleted_staff', daysAgo(3));
    await follow('c6', 'hanmeimei');

    // c2 was active on 5 days, every 3 days, the last 12 days ago, with 40 engagement points then.
    const c2LastActive = daysAgo(12);
    await intent.change(ids.c2!, () => ({ refAt: c2LastActive, value: 40, recent: [] }));
    await journeys.insertMany([
      journey(ids.c1!, { ownerUserid: 'lilei', departmentId: 2, touchedBy: { lilei: daysAgo(2) }, paidOrders: 2, netRevenueFen: 39_800, lastPaidAt: daysAgo(5) }),
      journey(ids.c2!, { ownerUserid: 'lilei', departmentId: 2, touchedBy: { lilei: daysAgo(8) }, activeDays: 5, firstActiveAt: daysAgo(24), lastActiveAt: c2LastActive }),
      journey(ids.c3!, { ownerUserid: 'lilei', departmentId: 2, touchedBy: { hanmeimei: daysAgo(1) } }),
      // Same rhythm as c2, but the customer deleted lilei: churned already, not at risk.
      journey(ids.c5!, { ownerUserid: 'lilei', departmentId: 2, touchedBy: { lilei: daysAgo(1) }, activeDays: 5, firstActiveAt: daysAgo(24), lastActiveAt: c2LastActive }),
      journey(ids.c6!, { ownerUserid: 'hanmeimei', departmentId: 3, touchedBy: { hanmeimei: daysAgo(7) } }), // exactly 7 days: still covered
    ]);
    await segments.create(CORP, { name: 'A类客户', rules: { tagIds: ['et_level_a'] } }, 'chenjing', daysAgo(1));
    await segments.create(CORP, { name: '意向阶段', rules: { stages: ['interested'] } }, 'chenjing', daysAgo(1));

    job = new AnalyticsSnapshotJob({
      corpId: CORP,
      journeys,
      facts: { follows, customers, intent },
      segments,
      snapshots,
      churnRisks,
      customers,
      staff: { directory: async () => new Map([['lilei', { name: '李雷' }]]) },
      ownerGroups: async () => [['lilei', 'hanmeimei']],
      log: pino({ level: 'silent' }),
      now: () => now,
    });
  });
  afterAll(() => db.drop());

  it('counts each salesperson’s followed customers and those they touched in the last 7 days', async () => {
    const summary = await job.refresh();
    expect(summary).toMatchObject({ asOf, customers: 5, buyers: 1, churnRisks: 1 });
    const snapshot = await snapshots.find(CORP);
    expect(snapshot?.asOf).toEqual(asOf);
    expect(snapshot?.coverageDays).toBe(7);
    expect(snapshot?.coverage).toEqual({
      lilei: { followed: 3, covered: 1 }, // c1 touched 2 days ago; c2 8 days ago; c3 never by lilei; c5 ended
      hanmeimei: { followed: 3, covered: 2 }, // c3 and c6 (7 days ago); c4 has no journey
    });
  });

  it('keeps RFM cells and segment sizes per department', async () => {
    const snapshot = await snapshots.find(CORP);
    expect(snapshot?.rfm).toEqual({
      buyers: 1,
      averages: { recencyDays: 5, frequency: 2, monetaryFen: 39_800 },
      byDepartment: { '2': { important_value: { customers: 1, netRevenueFen: 39_800 } } },
    });
    const segmentIds = Object.keys(snapshot?.segments ?? {});
    expect(segmentIds).toHaveLength(2);
    expect(Object.values(snapshot!.segments)).toEqual([{ '2': 1 }, { '3': 1 }]); // c1 by lilei's tag; c6 by stage
  });

  it('lists the contact who went quiet, with names, and drops them once they are back', async () => {
    expect(await churnRisks.list(CORP, 'all')).toEqual([
      {
        customerId: ids.c2,
        externalUserId: 'wm_c2',
        name: '孙强',
        avatar: 'https://avatar.test/c2.png',
        ownerUserid: 'lilei',
        ownerName: '李雷',
        lastActiveAt: daysAgo(12).toISOString(),
        usualGapDays: 3,
        silentDays: 12,
        scoreAtLastActive: 58, // 10 (follows a salesperson) + 8 (unionid) + 40
        scoreNow: 30, // 40 × ½^(12/7) = 12
        risk: 46,
        reason: '平均每 3 天活跃一次，已 12 天未活跃；意向分从 58 降到 30',
      },
    ]);
    expect((await churnRisks.findByCustomer(ids.c2!))?.risk).toBe(46);
    expect(await churnRisks.list(CORP, ['hanmeimei'])).toEqual([]);

    // A day on: the row is rewritten (13 silent days), not added again.
    now = new Date(asOf.getTime() + DAY);
    const [first, concurrent] = await Promise.all([job.refresh(), job.refresh()]);
    expect(concurrent).toBe(first); // one run, shared
    expect((await churnRisks.list(CORP, 'all')).map((row) => [row.customerId, row.silentDays])).toEqual([[ids.c2, 13]]);

    // The customer comes back: off the list at the next run.
    const c2 = (await journeys.find(ids.c2!))!;
    expect(await journeys.saveAtVersion({ ...c2, activeDays: 6, lastActiveAt: now }, c2.version)).toBe(true);
    await job.refresh();
    expect(await churnRisks.list(CORP, 'all')).toEqual([]);
    expect(await churnRisks.findByCustomer(ids.c2!)).toBeNull();
  });
});
