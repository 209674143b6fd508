import pino from 'pino';
import type { TimelineKind } from '@zhike/shared/timeline';
import { ensureIndexes } from '../../platform/db/database';
import { openTestDatabase } from '../../testing/test-database';
import { ChannelRepository } from '../channels';
import { ContentTrackingRepository, type ContentTouchDocument } from '../content-tracking';
import { CustomerRepository } from '../customers';
import { StaffRepository } from '../staff';
import { TimelineRepository } from '../timeline';
import type { CustomerJourneyDocument, ReferrerTotalsDocument, RollupFamily } from './analytics.model';
import { AnalyticsDirectory } from './analytics-directory';
import { rebuildAnalytics, type RebuildWitness } from './analytics-rebuild';
import { AnalyticsRecorder } from './analytics-recorder';
import { JourneyRepository } from './journey.repository';
import { RollupRepository } from './rollup.repository';

/**
 * A small corp recorded through the real repositories, for the recorder and rebuild tests: two salespeople in
 * two departments, one 渠道活码, five customers over two Beijing days (2026-11-24 and 25).
 *   王小明 (wang): fan, visitor, contact through the channel, opens a script, two orders, a partial refund, invites 张伟.
 *   李娜 (li): lilei's colleague's contact, unionid known after the add, deletes the salesperson; no orders.
 *   张伟 (zhang): first seen at 16:20 UTC (00:20 on the 25th in Beijing), then referred by 王小明, contact, one order.
 *   赵敏 (zhao): a visitor only.
 *   陈晨 (chen): scans a poster, becomes a contact through the channel, opens a script (twice, by two viewers).
 */
export const CHANNEL_ID = '64b000000000000000000001';
const CHANNEL_STATE = 'ch_spring0001';

export type AnalyticsWorld = Awaited<ReturnType<typeof openAnalyticsWorld>>;

export async function openAnalyticsWorld(label: string) {
  const database = await openTestDatabase(label);
  const { connection } = database;
  const timeline = new TimelineRepository(connection);
  const tracking = new ContentTrackingRepository(connection);
  const customers = new CustomerRepository(connection);
  const staff = new StaffRepository(connection);
  const channels = new ChannelRepository(connection);
  const journeys = new JourneyRepository(connection);
  const rollups = new RollupRepository(connection);
  const log = pino({ level: 'silent' });
  const directory = () => new AnalyticsDirectory({ staff, channels });
  const recorder = new AnalyticsRecorder({ corpId: 'ww1', timeline, contentTracking: tracking, customers, journeys, rollups, directory: directory(), log });
  await ensureIndexes(connection);
  return {
    database,
    timeline,
    tracking,
    customers,
    staff,
    channels,
    journeys,
    rollups,
    recorder,
    rebuild: (witness?: RebuildWitness) => rebuildAnalytics({ corpId: 'ww1', timeline, contentTracking: tracking, customers, journeys, rollups, directory: directory(), log }, witness),
  };
}

const at = (iso: string) => new Date(iso);

/** Records the dataset step by step, letting the recorder catch up after each (as events arrive over time). */
export async function recordDataset(world: AnalyticsWorld): Promise<Record<'wang' | 'li' | 'zhang' | 'zhao' | 'chen', string>> {
  const { timeline, tracking, customers, recorder } = world;
  const step = async (work: () => Promise<unknown>) => {
    await work();
    await recorder.settled();
  };
  const entry = (customerId: string, kind: TimelineKind, iso: string, data: Record<string, unknown> = {}, actorUserid?: string) => ({
    corpId: 'ww1',
    customerId,
    kind,
    at: at(iso),
    data,
    key: `${kind}:${customerId}:${iso}`,
    ...(actorUserid ? { actorUserid } : {}),
  });
  const touch = (key: string, kind: ContentTouchDocument['touch'], content: string, userid: string, iso: string, extra: Partial<ContentTouchDocument> = {}): ContentTouchDocument => ({
    corpId: 'ww1',
    key,
    touch: kind,
    contentKind: content.startsWith('p') ? 'poster' : 'script',
    contentId: content,
    userid,
    at: at(iso),
    ...extra,
  });
  const customer = async (name: string, unionidAt?: string) =>
    (
      await customers.insert({
        displayName: name,
        identifiers: { externalUserIds: [], ...(unionidAt ? { unionid: `u_${name}` } : {}) },
        identityLinks: unionidAt ? [{ kind: 'unionid', value: `u_${name}`, reason: 'mini-program login', at: at(unionidAt) }] : [],
        firstSeenAt: at(unionidAt ?? '2026-11-24T00:00:00Z'),
      })
    ).id;

  const sync = new Date('2026-11-20T00:00:00Z');
  await world.staff.upsertMember({ corpId: 'ww1', userid: 'lilei', name: '李雷', departmentIds: [2], leaderOfDepartmentIds: [], role: 'salesperson', active: true, syncedAt: sync });
  await world.staff.upsertMember({ corpId: 'ww1', userid: 'hanmeimei', name: '韩梅梅', departmentIds: [3, 2], leaderOfDepartmentIds: [], role: 'salesperson', active: true, syncedAt: sync });
  await world.channels.insert(CHANNEL_ID, {
    corpId: 'ww1',
    kind: 'channel',
    name: '春季活动',
    group: '',
    state: CHANNEL_STATE,
    configId: 'cfg1',
    contactWayType: 1,
    qrAssetId: 'a1',
    qrAssetKey: 'k1',
    assignment: { mode: 'single', userid: 'lilei' },
    skipVerify: true,
    tagIds: [],
    welcome: null,
    currentUsers: ['lilei'],
    version: 1,
    createdBy: 'admin',
    updatedBy: 'admin',
    createdAt: sync,
    updatedAt: sync,
  });

  const wang = await customer('王小明', '2026-11-24T01:00:00Z');
  await recorder.settled();
  await step(() =>
    timeline.recordManyIfNew([
      entry(wang, 'page_viewed', '2026-11-24T01:05:00Z', { targetKind: 'product', targetId: 'serum' }),
      entry(wang, 'page_viewed', '2026-11-24T01:50:00Z', { targetKind: 'article', targetId: 'a1' }),
    ]),
  );
  await step(() => timeline.record(entry(wang, 'contact_added', '2026-11-24T02:00:00Z', { addWay: 1, state: CHANNEL_STATE }, 'lilei')));
  await step(() => timeline.record(entry(wang, 'content_sent', '2026-11-24T02:30:00Z', { contentKind: 'script', contentId: 's1', sendId: 'send1' }, 'lilei')));
  await step(async () => {
    await tracking.recordTouch(touch(`open:send1:customer:${wang}`, 'open', 's1', 'lilei', '2026-11-24T03:00:00Z', { sendId: 'send1', customerId: wang }));
    await tracking.recordTouch(touch('open:send1', 'open', 's1', 'lilei', '2026-11-24T03:00:00Z', { sendId: 'send1', customerId: wang }));
    await timeline.record(entry(wang, 'content_opened', '2026-11-24T03:00:00Z', { userid: 'lilei', contentKind: 'script', contentId: 's1', sendId: 'send1' }));
  });

  const li = await customer('李娜');
  await step(() => timeline.record(entry(li, 'contact_added', '2026-11-24T05:00:00Z', { addWay: 0 }, 'hanmeimei')));
  await step(() => customers.addIdentifier(li, { kind: 'unionid', value: 'u_li', reason: 'WeCom contact', at: at('2026-11-24T05:10:00Z') }));

  await step(async () => {
    await timeline.record(entry(wang, 'order_paid', '2026-11-24T06:00:00Z', { orderNo: 'ZK1', totalFen: 39_900 }, 'lilei'));
    await tracking.recordTouch(touch('order:ZK1', 'order', 's1', 'lilei', '2026-11-24T06:00:00Z', { customerId: wang, amountFen: 39_900 }));
  });
  await step(() => timeline.record(entry(li, 'note', '2026-11-24T07:00:00Z', {}, 'hanmeimei')));

  const chen = await customer('陈晨');
  await step(async () => {
    const scan = touch(`scan:scene1:${chen}`, 'scan', 'p1', 'hanmeimei', '2026-11-24T09:00:00Z', { scene: 'scene1', customerId: chen });
    await tracking.recordTouch(scan);
    await timeline.record(entry(chen, 'poster_scanned', '2026-11-24T09:00:00Z', { userid: 'hanmeimei', templateId: 'p1' }));
    // Reported again (a second scan, a retried request): stored once, counted once.
    await tracking.recordTouch({ ...scan, at: at('2026-11-24T09:05:00Z') });
    await timeline.record(entry(chen, 'poster_scanned', '2026-11-24T09:00:00Z', { userid: 'hanmeimei', templateId: 'p1' }));
  });
  await step(async () => {
    await timeline.record(entry(chen, 'contact_added', '2026-11-24T10:00:00Z', { addWay: 1, state: CHANNEL_STATE }, 'hanmeimei'));
    await tracking.recordTouch(touch(`contact_added:${chen}:hanmeimei`, 'contact_added', 'p1', 'hanmeimei', '2026-11-24T10:00:00Z', { customerId: chen }));
  });
  await step(() => timeline.record(entry(chen, 'content_sent', '2026-11-24T11:00:00Z', { contentKind: 'script', contentId: 's2', sendId: 'send2' }, 'hanmeimei')));
  await step(async () => {
    await tracking.recordTouch(touch(`open:send2:customer:${chen}`, 'open', 's2', 'hanmeimei', '2026-11-24T12:00:00Z', { sendId: 'send2', customerId: chen }));
    await tracking.recordTouch(touch('open:send2', 'open', 's2', 'hanmeimei', '2026-11-24T12:00:00Z', { sendId: 'send2', customerId: chen }));
    await timeline.record(entry(chen, 'content_opened', '2026-11-24T12:00:00Z', { userid: 'hanmeimei', contentKind: 'script', contentId: 's2', sendId: 'send2' }));
  });
  // The same send opened again in a browser: a new viewer, not a new first open of the send.
  await step(async () => {
    await tracking.recordTouch(touch('open:send2:anon:abc', 'open', 's2', 'hanmeimei', '2026-11-24T12:30:00Z', { sendId: 'send2', customerId: chen }));
    await tracking.recordTouch(touch('open:send2', 'open', 's2', 'hanmeimei', '2026-11-24T12:30:00Z', { sendId: 'send2', customerId: chen }));
    await timeline.record(entry(chen, 'content_opened', '2026-11-24T12:30:00Z', { userid: 'hanmeimei', contentKind: 'script', contentId: 's2', sendId: 'send2' }));
  });

  const zhang = await customer('张伟');
  await step(() => timeline.record(entry(zhang, 'page_viewed', '2026-11-24T16:20:00Z', { targetKind: 'product', targetId: 'serum' })));
  await step(async () => {
    await timeline.record(entry(wang, 'order_paid', '2026-11-24T16:30:00Z', { orderNo: 'ZK2', totalFen: 12_900 }, 'lilei'));
    await tracking.recordTouch(touch('order:ZK2', 'order', 's1', 'lilei', '2026-11-24T16:30:00Z', { customerId: wang, amountFen: 12_900 }));
  });
  await step(async () => {
    await timeline.record(entry(zhang, 'referred_by', '2026-11-24T16:30:00Z', { inviterId: wang, inviterName: '王小明', channel: 'share', attributedUserid: 'lilei' }));
    await timeline.record(entry(wang, 'invited_customer', '2026-11-24T16:30:00Z', { inviteeId: zhang, inviteeName: '张伟', channel: 'share' }));
  });
  await step(() => timeline.record(entry(zhang, 'page_viewed', '2026-11-25T01:00:00Z', { targetKind: 'article', targetId: 'a1' })));
  await step(() => timeline.record(entry(zhang, 'contact_added', '2026-11-25T02:00:00Z', { addWay: 0 }, 'lilei')));
  await step(async () => {
    // A manager refunds part of 王小明's second order: it counts against the order's salesperson.
    await timeline.record(entry(wang, 'order_refunded', '2026-11-25T02:00:00Z', { orderNo: 'ZK2', refundFen: 5_000, reason: '少发一件', salespersonUserid: 'lilei' }, 'boss'));
    await tracking.recordTouch(touch('refund:ZK2R1', 'order', 's1', 'lilei', '2026-11-25T02:00:00Z', { customerId: wang, amountFen: -5_000 }));
  });
  await step(() => timeline.record(entry(li, 'contact_removed', '2026-11-25T03:00:00Z', { reason: 'customer_deleted_staff' }, 'hanmeimei')));
  await step(() => timeline.record(entry(zhang, 'content_shared', '2026-11-25T03:00:00Z', { shareChannel: 'chat' })));
  await step(() => timeline.record(entry(zhang, 'order_paid', '2026-11-25T04:00:00Z', { orderNo: 'ZK3', totalFen: 19_900 }, 'lilei')));

  const zhao = await customer('赵敏');
  await step(() => timeline.record(entry(zhao, 'page_viewed', '2026-11-25T08:00:00Z', { targetKind: 'product', targetId: 'mask' })));
  return { wang, li, zhang, zhao, chen };
}

/** Everything the analytics hold, sorted for comparison: rollup rows by family, referrer totals, journeys. */
export async function readAnalytics(world: AnalyticsWorld) {
  const rows = async (family: RollupFamily) => sortById(await world.rollups.readDays<Record<string, unknown>>(family, '2026-11-01', '2026-12-31'));
  const journeys: CustomerJourneyDocument[] = [];
  await world.journeys.forEachJourney((batch) => void journeys.push(...batch));
  return {
    funnel: await rows('funnel'),
    sales: await rows('sales'),
    content: await rows('content'),
    referrals: await rows('referrals'),
    salesDays: await rows('sales_days'),
    funnelDays: await rows('funnel_days'),
    funnelChannels: await rows('funnel_channels'),
    referrers: sortById(await world.rollups.topReferrers('all', 100)) as ReferrerTotalsDocument[],
    journeys: journeys.sort((a, b) => a.customerId.localeCompare(b.customerId)),
  };
}

/**
 * Rows as the rebuild writes them: a customer who moved out of a row leaves zeros behind in the live rollups
 * (they are sums of increments); the rebuild writes no zero counters and no empty rows. Readers add them up
 * either way, so both read the same.
 */
export function withoutZeros<T>(rows: T[]): T[] {
  const strip = (value: unknown): unknown => {
    if (typeof value === 'number') return value === 0 ? undefined : value;
    if (!value || typeof value !== 'object' || value instanceof Date) return value;
    const kept = Object.entries(value).flatMap(([key, inner]) => {
      const stripped = strip(inner);
      return stripped === undefined || (typeof stripped === 'object' && stripped !== null && !(stripped instanceof Date) && Object.keys(stripped).length === 0) ? [] : [[key, stripped]];
    });
    return Object.fromEntries(kept);
  };
  const keyFields = new Set(['_id', 'day', 'channelKey', 'departmentId', 'userid', 'contentKind', 'contentId']);
  return rows
    .map((row) => ({ ...(strip(row) as object), ...Object.fromEntries(Object.entries(row as object).filter(([key]) => keyFields.has(key))) }) as T)
    .filter((row) => Object.keys(row as object).some((key) => !keyFields.has(key)));
}

function sortById<T>(rows: T[]): T[] {
  return rows.sort((a, b) => String((a as { _id: unknown })._id).localeCompare(String((b as { _id: unknown })._id)));
}
