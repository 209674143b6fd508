// The customer-360 benchmark's data: a synthetic sales team added to the sandbox directory and synced through
// the app (staff, tag library), then customers, follows and timeline entries bulk-loaded with insertMany in the
// exact shapes the contact sync and the follow-up flows write (the typed documents below), through the models,
// so schema defaults and casts apply. The service path would take hours at this size on the embedded engine.
import { Types, type Model } from 'mongoose';
import { customerModel, type CustomerDocument } from '../../server/src/modules/customers/customer.model';
import { followModel, type FollowDocument } from '../../server/src/modules/follows/follow.model';
import { timelineModel, type TimelineEntryDocument } from '../../server/src/modules/timeline/timeline.model';
import type { TestApp } from '../../server/src/testing/test-app';

export interface SalesPerson {
  userid: string;
  /** Customers this salesperson follows now: the ones they open in the sidebar. */
  externalUserIds: string[];
}

export interface SalesLogin extends SalesPerson {
  cookie: string;
}

const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const SYNC_SOURCE = '企业微信全量同步 (batch/get_by_user)';
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '婷婷', '子涵'];
const STAGES = ['new', 'contacted', 'interested', 'won', 'repeat'];

/** mulberry32: the same data on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function insertAll<T>(model: Model<T>, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) await model.insertMany(docs.slice(i, i + BATCH), { ordered: false });
}

/**
 * Pareto-like extra entries per customer (most have a few, some hundreds), scaled so that the total,
 * with one contact_added per follow, is `events`.
 */
function skewedCounts(customers: number, extra: number, random: () => number): number[] {
  const weights = Array.from({ length: customers }, () => Math.min(2_000, 1 / Math.pow(1 - random() * 0.999_999, 1 / 1.3)));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const counts = weights.map((w) => Math.floor((w / total) * extra));
  let missing = extra - counts.reduce((sum, c) => sum + c, 0);
  for (let i = 0; missing > 0; i = (i + 1) % customers, missing--) counts[i]!++;
  return counts;
}

export async function buildDataset(
  app: TestApp,
  size: { customers: number; events: number; salespeople: number },
  log: (line: string) => void,
): Promise<{ salespeople: SalesPerson[]; summary: string }> {
  const random = prng(360);
  const corpId = app.config.wecom.corpId;
  const world = app.sandbox.world;
  const team = Array.from({ length: size.salespeople }, (_, n) => `bench_sales_${String(n + 1).padStart(2, '0')}`);
  for (const [n, userid] of team.entries()) {
    world.members.push({ userid, name: `销售${n + 1}号`, position: '销售顾问', department: [2], isLeaderInDept: [0], avatar: `https://wework.qpic.cn/bench/${userid}/0` });
  }
  await app.services.staff.syncDirectory();
  await app.services.tagLibrary.syncFromWeCom();
  const tagIds = world.tagGroups.filter((g) => !g.deleted).flatMap((g) => g.tags.filter((t) => !t.deleted).map((t) => t.id));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const syncedAt = new Date();
  const base = Date.UTC(2026, 0, 1);
  const customers: (CustomerDocument & { _id: Types.ObjectId })[] = [];
  const follows: FollowDocument[] = [];
  const timeline: TimelineEntryDocument[] = [];
  const sales = new Map(team.map((userid) => [userid, [] as string[]]));
  for (let i = 0; i < size.customers; i++) {
    const externalUserId = `wm_b360_${String(i).padStart(6, '0')}`;
    const weCom = random() < 0.1;
    const unionid = weCom ? undefined : `u_b360_${i}`;
    const firstSeenAt = new Date(base + i * 60_000);
    const _id = new Types.ObjectId();
    customers.push({
      _id,
      displayName: pick(SURNAMES) + pick(GIVEN),
      stage: pick(STAGES),
      wecomProfile: { avatar: `https://wx.qlogo.cn/bench/${i}/0`, gender: pick([0, 1, 2]), type: weCom ? 2 : 1, ...(weCom ? { corpName: '合作企业', position: '采购' } : {}) },
      identifiers: { ...(unionid ? { unionid } : {}), externalUserIds: [externalUserId] },
      identityLinks: [
        { kind: 'external_userid', value: externalUserId, reason: SYNC_SOURCE, at: firstSeenAt },
        ...(unionid ? [{ kind: 'unionid' as const, value: unionid, reason: SYNC_SOURCE, at: firstSeenAt }] : []),
      ],
      firstSeenAt,
    });
    // One follower, a second for 30%; 5% of second follows have ended (churn, still in the manager's view).
    const first = team[i % team.length]!;
    const second = random() < 0.3 ? pick(team.filter((u) => u !== first)) : undefined;
    for (const [k, userid] of [first, ...(second ? [second] : [])].entries()) {
      const since = new Date(firstSeenAt.getTime() + k * 86_400_000);
      const addWay = pick([1, 1, 1, 2, 3]);
      const ended = k === 1 && random() < 0.05;
      follows.push({
        corpId,
        customerId: _id.toString(),
        externalUserId,
        userid,
        addWay,
        ...(addWay === 1 ? { state: `qr_${userid}` } : {}),
        wecomTagIds: [pick(tagIds), ...(random() < 0.5 ? [pick(tagIds)] : [])].filter((t, j, all) => all.indexOf(t) === j),
        since,
        ...(ended ? { endedAt: new Date(since.getTime() + 30 * 86_400_000), endReason: 'customer_deleted_staff' as const } : {}),
        syncedAt,
      });
      if (!ended) sales.get(userid)!.push(externalUserId);
      timeline.push({
        corpId,
        customerId: _id.toString(),
        kind: 'contact_added',
        at: since,
        actorUserid: userid,
        data: { addWay, ...(addWay === 1 ? { state: `qr_${userid}` } : {}) },
        key: `contact_added:${externalUserId}:${userid}:${Math.floor(since.getTime() / 1000)}`,
      });
    }
  }
  const counts = skewedCounts(size.customers, Math.max(0, size.events - timeline.length), random);
  for (const [i, count] of counts.entries()) {
    const customer = customers[i]!;
    const customerId = customer._id.toString();
    const actor = team[i % team.length]!;
    for (let e = 0; e < count; e++) {
      const at = new Date(customer.firstSeenAt.getTime() + (e + 1) * 3_600_000);
      const roll = random();
      const entry: Omit<TimelineEntryDocument, 'kind' | 'data'> = { corpId, customerId, at, key: `bench:${customerId}:${e}` };
      if (roll < 0.4) timeline.push({ ...entry, kind: 'page_viewed', data: { title: pick(['会员中心', '新品试用', '双11礼盒', '到店预约']) } });
      else if (roll < 0.7) timeline.push({ ...entry, kind: 'note', actorUserid: actor, data: {}, text: `第 ${e + 1} 次跟进：客户对${pick(['精华', '面膜', '香氛'])}感兴趣` });
      else if (roll < 0.85) timeline.push({ ...entry, kind: 'tags_changed', actorUserid: actor, data: { add: [pick(tagIds)], remove: [] } });
      else timeline.push({ ...entry, kind: 'stage_changed', actorUserid: actor, data: { from: pick(STAGES), to: pick(STAGES) } });
    }
  }

  const perCustomer = new Map<string, number>();
  for (const entry of timeline) perCustomer.set(entry.customerId, (perCustomer.get(entry.customerId) ?? 0) + 1);
  const sorted = [...perCustomer.values()].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const summary = `${customers.length} customers, ${follows.length} follows over ${team.length} salespeople, ${timeline.length} timeline entries (per customer: median ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, max ${sorted.at(-1)})`;
  log(`generated: ${summary}`);
  for (const [name, model, docs] of [
    ['customers', customerModel(app.connection), customers],
    ['follows', followModel(app.connection), follows],
    ['timeline', timelineModel(app.connection), timeline],
  ] as const) {
    const t0 = performance.now();
    await insertAll(model as Model<unknown>, docs as unknown[]);
    const seconds = (performance.now() - t0) / 1000;
    log(`insertMany ${name}: ${docs.length} in ${seconds.toFixed(1)} s (${(docs.length / seconds).toFixed(0)}/s)`);
  }
  return { salespeople: team.map((userid) => ({ userid, externalUserIds: sales.get(userid)! })), summary };
}
