// The analytics benchmark's data. The team (five departments, each led by a manager) joins the sandbox
// directory and is synced through the app; the content library, catalogue and 渠道活码 are made through the
// app's own services. Then every customer's history over the last 180 days is planned (how they arrived, who
// invited whom, who bought what and when) and written with insertMany through the models, in the shapes the
// flows write (analytics-records.ts): the service path would take hours at this size on the embedded engine.
import { Types } from 'mongoose';
import { seedDemoCatalog } from '../../server/src/demo/demo-catalog.seed';
import { seedDemoContent } from '../../server/src/demo/demo-content.seed';
import { CatalogRepository } from '../../server/src/modules/catalog';
import { channelModels } from '../../server/src/modules/channels/channel.model';
import { contentTrackingModels } from '../../server/src/modules/content-tracking/content-tracking.model';
import { customerModel } from '../../server/src/modules/customers/customer.model';
import { fanEventModel } from '../../server/src/modules/events/fan-event.model';
import { followModel } from '../../server/src/modules/follows/follow.model';
import { intentRollupModel } from '../../server/src/modules/intent/intent.model';
import { orderModels } from '../../server/src/modules/orders/order.model';
import { posterModels } from '../../server/src/modules/posters/poster.model';
import { referralModel } from '../../server/src/modules/referrals/referral.model';
import { timelineModel } from '../../server/src/modules/timeline/timeline.model';
import type { TestApp } from '../../server/src/testing/test-app';
import { activityWindows, customerRecords, externalUserIdOf, DAY, exponential, HOUR, MINUTE, prng, weightedPicker, type ArrivalPath, type BenchWorld, type CustomerPlan, type CustomerRecords, type OrderPlan } from './analytics-records';

export interface AnalyticsBenchSize {
  customers: number;
  /** Timeline entries in all. */
  events: number;
  /** Orders in all: paid (some refunded) and closed unpaid. */
  orders: number;
  salespeople: number;
}

export interface AnalyticsDataset {
  world: BenchWorld;
  admin: string;
  /** A manager and the one department they lead. */
  manager: { userid: string; departmentId: number };
  departments: { id: number; name: string }[];
  /** Lines for the report: what was loaded, exactly. */
  summary: string[];
  /** Contacts spread over the history, for the live-recording sample: the customer and their salesperson. */
  contacts: { customerId: string; externalUserId: string; userid: string }[];
}

const SPAN_DAYS = 180;
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000);
const DEPARTMENTS = [
  { id: 21, name: '华东一部' },
  { id: 22, name: '华东二部' },
  { id: 23, name: '华南部' },
  { id: 24, name: '华北部' },
  { id: 25, name: '西南部' },
];
const CHANNELS = [
  { name: '秋季展会', group: '活动', tagIds: ['et_source_event'], weight: 3 },
  { name: '门店收银台', group: '门店', tagIds: ['et_source_store'], weight: 4 },
  { name: '公众号菜单', group: '线上', tagIds: [], weight: 2 },
  { name: '抖音信息流', group: '广告', tagIds: ['et_source_ad'], weight: 5 },
  { name: '小红书笔记', group: '广告', tagIds: ['et_source_ad'], weight: 2 },
  { name: '直播间', group: '线上', tagIds: [], weight: 1 },
];
/** How customers arrive: cumulative odds. */
const ARRIVALS: [ArrivalPath, number][] = [['channel', 0.2], ['wecom', 0.35], ['share', 0.45], ['poster', 0.5], ['organic', 1]];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '婷婷', '子涵'];

/** The team, content, catalogue and channels, made through the app. */
async function setUpWorld(app: TestApp, salespeople: number, now: number): Promise<{ world: BenchWorld; manager: AnalyticsDataset['manager'] }> {
  const corpId = app.config.wecom.corpId;
  const admin = app.config.wecom.adminUserIds[0]!;
  const sandbox = app.sandbox.world;
  for (const department of DEPARTMENTS) sandbox.departments.push({ ...department, parentid: 1 });
  const team = Array.from({ length: salespeople }, (_, n) => {
    const department = DEPARTMENTS[n % DEPARTMENTS.length]!;
    const leader = n < DEPARTMENTS.length;
    const userid = `bench_sales_${String(n + 1).padStart(2, '0')}`;
    sandbox.members.push({ userid, name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7 + 3) % GIVEN.length]}`, position: leader ? '销售主管' : '销售顾问', department: [department.id], isLeaderInDept: [leader ? 1 : 0], avatar: `https://wework.qpic.cn/bench/${userid}/0` });
    return { userid, departmentId: department.id };
  });
  await app.services.staff.syncDirectory();
  await app.services.tagLibrary.syncFromWeCom();
  const editor = { corpId, userid: admin, role: 'admin' as const };
  await seedDemoContent(app.services, editor);
  await seedDemoCatalog({ corpId, catalog: new CatalogRepository(app.connection), assets: app.services.assets });

  const channels: BenchWorld['channels'] = [];
  for (const [k, spec] of CHANNELS.entries()) {
    const department = DEPARTMENTS[k % DEPARTMENTS.length]!;
    const members = team.flatMap((person, n) => (person.departmentId === department.id ? [n] : []));
    const channel = await app.services.channels.admin.create(
      { corpId, userid: admin },
      { name: spec.name, group: spec.group, assignment: { mode: 'rotation', members: members.map((n) => ({ userid: team[n]!.userid })), backups: [] }, skipVerify: true, tagIds: spec.tagIds, welcome: null },
    );
    channels.push({ id: channel.id, name: channel.name, state: channel.state, tagIds: channel.tagIds, members });
  }
  const scripts = (await app.services.scripts.listSendable({ corpId, userid: admin })).map((script) => ({
    id: script.id,
    title: script.title,
    trackable: script.content.type === 'link' || script.content.type === 'miniprogram' ? script.content.type : null,
    ...(script.content.type === 'link' ? { url: script.content.url } : {}),
  }));
  const posters = (await app.services.posters.listTemplates(corpId, false)).map((poster) => ({ id: poster.id, name: poster.name, campaign: poster.campaign }));
  const products = (await app.services.catalog.listProducts()).map((product) => ({ id: product.id, name: product.name, skus: (product.skus ?? []).map((sku) => ({ id: sku.id, name: sku.name, priceFen: sku.priceFen })) }));
  const articles = await app.services.catalog.listArticles();
  const levelTagIds = sandbox.tagGroups.find((group) => group.groupId === 'etg_level')!.tags.map((tag) => tag.id);
  const world: BenchWorld = {
    corpId,
    now,
    admin,
    salespeople: team,
    channels,
    scripts,
    posters,
    products,
    targets: [...products.map((p) => ({ kind: 'product' as const, id: p.id, title: p.name })), ...articles.map((a) => ({ kind: 'article' as const, id: a.id, title: a.title }))],
    levelTagIds,
  };
  return { world, manager: { userid: team[0]!.userid, departmentId: team[0]!.departmentId } };
}

/** Who every customer is and what structurally happens to them, in order of first touch. */
function planCustomers(world: BenchWorld, size: AnalyticsBenchSize): CustomerPlan[] {
  const random = prng(7);
  const { now } = world;
  const start = now - SPAN_DAYS * DAY;
  const pickSalesperson = weightedPicker(world.salespeople.map(() => 0.4 + random() * 1.6), random);
  const pickChannel = weightedPicker(CHANNELS.map((c) => c.weight), random);
  const pickTarget = () => Math.floor(random() * world.targets.length);
  const later = (from: number, mean: number) => {
    const at = from + 10 * MINUTE + exponential(random, mean);
    return at < now - 10 * MINUTE ? at : undefined;
  };
  const activeAt = (plan: CustomerPlan, at: number) => plan.contactAt !== undefined && plan.contactAt < at && (plan.endedAt === undefined || plan.endedAt > at);
  const plans: CustomerPlan[] = [];
  const inviters: number[] = [];
  for (let i = 0; i < size.customers; i++) {
    // Mild growth: more customers arrive lately than half a year ago.
    const t0 = Math.min(now - HOUR, start + SPAN_DAYS * DAY * ((i + random()) / size.customers) ** (1 / 1.25));
    const arrival = random();
    let path = ARRIVALS.find(([, upTo]) => arrival < upTo)![0];
    const plan: CustomerPlan = { id: new Types.ObjectId(), name: SURNAMES[Math.floor(random() * SURNAMES.length)]! + GIVEN[Math.floor(random() * GIVEN.length)]!, t0, path, owner: pickSalesperson(), unionid: false, activeUntil: now, shares: [], posterSends: [], invitees: [], orders: [], closed: [] };
    // An inviter is someone who came earlier; half the time one who has invited before (top referrers emerge).
    const inviter = (ok: (j: number) => boolean) => {
      for (let tries = 0; tries < 40 && i > 0; tries++) {
        const j = inviters.length && random() < 0.6 ? inviters[Math.floor(random() * inviters.length)]! : Math.floor(random() * i);
        if (ok(j)) return j;
      }
      return undefined;
    };
    if (path === 'share') {
      const j = inviter((j) => plans[j]!.mpAt !== undefined && plans[j]!.mpAt! < t0 - 30 * MINUTE);
      if (j === undefined) path = 'organic';
      else {
        const target = pickTarget();
        plans[j]!.shares.push({ at: Math.max(plans[j]!.mpAt! + 10 * MINUTE, t0 - 5 * MINUTE - random() * 48 * HOUR), target });
        const attributed = activeAt(plans[j]!, t0) ? plans[j]!.owner : undefined;
        if (attributed !== undefined) plan.owner = attributed;
        plan.referral = { inviter: j, at: t0 + MINUTE, channel: 'share', target, ...(attributed !== undefined ? { attributed } : {}) };
      }
    } else if (path === 'poster') {
      const j = inviter((j) => activeAt(plans[j]!, t0 - 2 * HOUR) && activeAt(plans[j]!, t0));
      if (j === undefined) path = 'organic';
      else {
        const host = plans[j]!;
        let posterSend = host.posterSends.findIndex((p) => p.at < t0 - 10 * MINUTE);
        if (posterSend < 0) {
          const poster = Math.floor(random() * world.posters.length);
          host.posterSends.push({ at: Math.max(host.contactAt! + 30 * MINUTE, t0 - HOUR - random() * 72 * HOUR), scene: `p${j.toString(36).padStart(5, '0')}${host.posterSends.length.toString(36).padStart(6, '0')}`, poster, sender: host.owner });
          posterSend = host.posterSends.length - 1;
        }
        plan.owner = host.owner;
        plan.referral = { inviter: j, at: t0 + MINUTE, channel: 'poster', target: pickTarget(), attributed: host.owner, posterSend };
      }
    }
    if (plan.referral) {
      plans[plan.referral.inviter]!.invitees.push(i);
      inviters.push(plan.referral.inviter);
    }
    plan.path = path;
    if (path === 'channel') {
      plan.channel = pickChannel();
      const members = world.channels[plan.channel]!.members;
      plan.owner = members[Math.floor(random() * members.length)]!;
    }
    if (path === 'channel' || path === 'wecom') {
      plan.contactAt = t0;
      plan.unionid = random() < 0.88;
      const mpAt = random() < (path === 'channel' ? 0.55 : 0.4) ? later(t0, 4 * DAY) : undefined;
      if (mpAt !== undefined) plan.mpAt = mpAt;
    } else {
      plan.mpAt = t0;
      plan.unionid = random() < 0.8;
      const contactAt = random() < ({ share: 0.45, poster: 0.6, organic: 0.3 } as const)[path] ? later(t0, 3 * DAY) : undefined;
      if (contactAt !== undefined) plan.contactAt = contactAt;
    }
    if (plan.contactAt !== undefined) {
      const ended = random() < 0.07 ? later(plan.contactAt, 20 * DAY) : undefined;
      if (ended !== undefined) plan.endedAt = ended;
      const department = world.salespeople[plan.owner]!.departmentId;
      const colleagues = world.salespeople.flatMap((p, n) => (p.departmentId === department && n !== plan.owner ? [n] : []));
      const secondAt = random() < 0.15 && colleagues.length ? later(plan.contactAt, 10 * DAY) : undefined;
      if (secondAt !== undefined) plan.second = { salesperson: colleagues[Math.floor(random() * colleagues.length)]!, at: secondAt };
    }
    // A third stay active; the others fade after a while (the churn-risk list's material).
    const firstOwn = plan.mpAt ?? plan.contactAt!;
    plan.activeUntil = random() < 0.35 ? now : Math.min(now, firstOwn + DAY + exponential(random, 40 * DAY));
    plans.push(plan);
  }
  planOrders(world, plans, size.orders, random);
  return plans;
}

/** ~30% of customers buy (contacts likelier), a third of buyers again; 6% of checkouts are never paid; 5% of paid orders are refunded. */
function planOrders(world: BenchWorld, plans: CustomerPlan[], orders: number, random: () => number): void {
  const { now } = world;
  const candidates = plans.flatMap((plan, i) => (plan.mpAt !== undefined && plan.mpAt < now - 2 * HOUR ? [i] : []));
  const closedCount = Math.round(orders * 0.06);
  const paidCount = orders - closedCount;
  const buyerCount = Math.min(candidates.length, Math.round(plans.length * 0.3), paidCount);
  const weight = (plan: CustomerPlan) => (plan.contactAt !== undefined ? 3 : 1) * (plan.referral ? 1.5 : 1);
  const buyers = candidates
    .map((i) => ({ i, key: random() ** (1 / weight(plans[i]!)) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, buyerCount)
    .map(({ i }) => i);
  const counts = new Map(buyers.map((i) => [i, 1]));
  const repeaters = buyers.filter(() => random() < 0.35);
  if (repeaters.length) {
    const pickRepeater = weightedPicker(repeaters.map(() => Math.min(20, 1 / (1 - random() * 0.99) ** 0.8)), random);
    for (let extra = paidCount - buyers.length; extra > 0; extra--) {
      const i = repeaters[pickRepeater()]!;
      counts.set(i, counts.get(i)! + 1);
    }
  }
  const pickProduct = weightedPicker(world.products.map((_, n) => 4 - Math.min(3, n)), random);
  const lines = (): OrderPlan['lines'] =>
    Array.from({ length: random() < 0.8 ? 1 : 2 }, () => {
      const product = pickProduct();
      return { product, sku: Math.floor(random() * world.products[product]!.skus.length), quantity: random() < 0.85 ? 1 : 2 };
    });
  for (const [i, count] of counts) {
    const plan = plans[i]!;
    const start = plan.mpAt! + 20 * MINUTE;
    const end = Math.min(now - 30 * MINUTE, Math.max(start + HOUR, plan.activeUntil));
    const first = start + Math.min((end - start) * 0.9, exponential(random, 10 * DAY));
    const times = [first, ...Array.from({ length: count - 1 }, () => first + random() * (end - first))].sort((a, b) => a - b);
    for (let k = 1; k < times.length; k++) times[k] = Math.max(times[k]!, times[k - 1]! + MINUTE);
    for (const paidAt of times) {
      const refundAt = random() < 0.05 ? paidAt + HOUR + exponential(random, 3 * DAY) : undefined;
      const refund = refundAt !== undefined && refundAt < now - 5 * MINUTE ? { at: refundAt, full: random() < 0.6 } : undefined;
      plan.orders.push({ paidAt, lines: lines(), byStaff: random() < 0.15, ...(refund ? { refund } : {}), fulfilled: !refund && paidAt < now - 3 * DAY && random() < 0.8 });
    }
  }
  for (let n = 0; n < closedCount; n++) {
    const plan = plans[candidates[Math.floor(random() * candidates.length)]!]!;
    const at = plan.mpAt! + 10 * MINUTE + random() * (Math.min(now - 40 * MINUTE, Math.max(plan.mpAt! + HOUR, plan.activeUntil)) - plan.mpAt! - 10 * MINUTE);
    plan.closed.push({ at, lines: lines() });
  }
}

/** Everyday entries on top of the structural ones, Pareto-skewed (most customers few, some hundreds), summing to `total`. */
function spreadActivity(world: BenchWorld, plans: CustomerPlan[], total: number): number[] {
  const random = prng(11);
  const weights = plans.map((plan) => {
    const windows = activityWindows(plan, world.now);
    if (!windows.mp && !windows.staff) return 0;
    return Math.min(2_000, 1 / Math.pow(1 - random() * 0.999_999, 1 / 1.3));
  });
  const sum = weights.reduce((a, w) => a + w, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  let missing = total - counts.reduce((a, c) => a + c, 0);
  for (let i = 0; missing > 0; i = (i + 1) % plans.length) {
    if (weights[i]! > 0) (counts[i]!++, missing--);
  }
  return counts;
}

/** A model, as the loader uses it (each buffer holds its model's documents). */
interface Inserter {
  insertMany(docs: unknown[], options: { ordered: boolean }): Promise<unknown>;
}

type Buffers = { [K in keyof Omit<CustomerRecords, 'customer'>]: CustomerRecords[K] } & { customers: CustomerRecords['customer'][] };

export async function buildAnalyticsDataset(app: TestApp, size: AnalyticsBenchSize, log: (line: string) => void): Promise<AnalyticsDataset> {
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  const { world, manager } = await setUpWorld(app, size.salespeople, now);
  let t0 = performance.now();
  const plans = planCustomers(world, size);
  let structural = 0;
  for (let i = 0; i < plans.length; i++) structural += customerRecords(world, plans, i, 0).timeline.length;
  if (structural > size.events) throw new Error(`${size.customers} customers need ${structural} timeline entries already: raise BENCH_EVENTS`);
  const extra = spreadActivity(world, plans, size.events - structural);
  log(`planned ${plans.length} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s (${structural} structural timeline entries, ${size.events - structural} everyday ones)`);

  const orders = orderModels(app.connection);
  const content = contentTrackingModels(app.connection);
  const channels = channelModels(app.connection);
  const targets: Record<keyof Buffers, Inserter> = {
    customers: customerModel(app.connection),
    follows: followModel(app.connection),
    timeline: timelineModel(app.connection),
    fanEvents: fanEventModel(app.connection),
    sends: content.sends,
    touches: content.touches,
    scenes: posterModels(app.connection).scenes,
    orders: orders.orders,
    refunds: orders.refunds,
    referrals: referralModel(app.connection),
    channelAdds: channels.adds,
    firstTouches: channels.firstTouches,
    conversions: channels.conversions,
    intent: intentRollupModel(app.connection),
  };
  const names = Object.keys(targets) as (keyof Buffers)[];
  const buffers = Object.fromEntries(names.map((name) => [name, []])) as unknown as Buffers;
  const loaded = Object.fromEntries(names.map((name) => [name, 0])) as Record<keyof Buffers, number>;
  const seconds = Object.fromEntries(names.map((name) => [name, 0])) as Record<keyof Buffers, number>;
  const kinds = new Map<string, number>();
  const perCustomer: number[] = [];
  const flush = async (name: keyof Buffers, all = false) => {
    const docs = buffers[name] as unknown[];
    while (docs.length >= BATCH || (all && docs.length)) {
      const started = performance.now();
      const batch = docs.splice(0, BATCH);
      await targets[name].insertMany(batch, { ordered: false });
      seconds[name] += (performance.now() - started) / 1000;
      loaded[name] += batch.length;
    }
  };
  t0 = performance.now();
  for (let i = 0; i < plans.length; i++) {
    const records = customerRecords(world, plans, i, extra[i]!);
    buffers.customers.push(records.customer);
    for (const name of names) if (name !== 'customers') (buffers[name] as unknown[]).push(...(records[name as keyof CustomerRecords] as unknown[]));
    for (const entry of records.timeline) kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
    perCustomer.push(records.timeline.length);
    for (const name of names) await flush(name);
    if ((i + 1) % 10_000 === 0) log(`  written ${i + 1} customers (${loaded.timeline} timeline entries) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  for (const name of names) await flush(name, true);
  log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${names.map((name) => `${name} ${loaded[name]} (${(loaded[name] / Math.max(seconds[name], 0.001)).toFixed(0)}/s)`).join(', ')}`);
  const contacts = plans.flatMap((plan, i) => (plan.contactAt !== undefined && plan.endedAt === undefined ? [{ customerId: plan.id.toString(), externalUserId: externalUserIdOf(i), userid: world.salespeople[plan.owner]!.userid }] : []));
  return { world, admin: world.admin, manager, departments: DEPARTMENTS, summary: describe(world, plans, loaded, kinds, perCustomer), contacts };
}

function describe(world: BenchWorld, plans: CustomerPlan[], loaded: Record<keyof Buffers, number>, kinds: Map<string, number>, perCustomer: number[]): string[] {
  const sorted = [...perCustomer].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const count = (test: (plan: CustomerPlan) => boolean) => plans.filter(test).length;
  const paid = plans.reduce((sum, plan) => sum + plan.orders.length, 0);
  const refunded = plans.reduce((sum, plan) => sum + plan.orders.filter((o) => o.refund).length, 0);
  const paths = new Map<string, number>();
  for (const plan of plans) paths.set(plan.path, (paths.get(plan.path) ?? 0) + 1);
  const day = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
  return [
    `${plans.length} customers first seen ${day(Math.min(...plans.map((p) => p.t0)))} … ${day(world.now)} (Beijing), arriving by ${[...paths].map(([path, n]) => `${path} ${n}`).join(', ')}`,
    `  ${count((p) => p.mpAt !== undefined)} mini-program visitors, ${count((p) => p.unionid)} customers with a unionid, ${count((p) => p.contactAt !== undefined)} WeCom contacts; ${loaded.follows} follows (${count((p) => p.endedAt !== undefined)} deleted by the customer) over ${world.salespeople.length} salespeople in 5 departments, ${world.channels.length} 渠道活码`,
    `  ${loaded.referrals} referrals (${count((p) => p.referral?.channel === 'share')} share, ${count((p) => p.referral?.channel === 'poster')} poster) from ${count((p) => p.invitees.length > 0)} inviters (top: ${Math.max(...plans.map((p) => p.invitees.length))} invitees)`,
    `  ${loaded.orders} orders: ${paid} paid by ${count((p) => p.orders.length > 0)} buyers (${count((p) => p.orders.length > 1)} repeat buyers), ${refunded} refunded (${loaded.refunds} refunds), ${loaded.orders - paid} closed unpaid`,
    `  ${loaded.timeline} timeline entries (per customer: median ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, max ${sorted.at(-1)}): ${[...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
    `  ${loaded.fanEvents} tracked mini-program events, ${loaded.sends} content sends, ${loaded.touches} content touches (opens, scans, credited contacts and orders), ${loaded.scenes} poster scenes, ${loaded.intent} intent rollups, ${loaded.channelAdds} channel adds`,
  ];
}
