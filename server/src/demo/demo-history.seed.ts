import type { TrackEvent } from '@zhike/shared/events';
import type { ComposedServices } from '../compose';
import { fanTimelineEntries } from '../flows/fan-activity';
import type { Sandbox } from '../integrations/sandbox/sandbox';
import type { SandboxWorld } from '../integrations/sandbox/world';
import type { FollowRepository } from '../modules/follows';
import type { TimelineRepository } from '../modules/timeline';
import type { StaffPrincipal } from '../platform/http/principal';

const DAY_MS = 86_400_000;
const SOURCE = '演示数据（模拟小程序登录）';

/**
 * The demo corp's last weeks, so the manager console has something to show for its default 30-day view: five
 * customers who added 李雷 or 韩梅梅 lately (the sandbox WeCom reports when), browsed, opened content and bought,
 * and one who went quiet. Everything goes through the real flows, except browsing older than the ingestion
 * accepts (7 days), which is written to the timeline as the ingestion would have written it.
 */
const HISTORY = [
  // Browses, opens a card, buys hand cream: the funnel's 已下单 step.
  { key: 'zheng', name: '郑秀英', gender: 2, userid: 'lilei', addedDaysAgo: 20, tagIds: ['et_level_b', 'et_product_skincare'], description: '咨询过手霜礼盒' },
  // Buys twice: 复购.
  { key: 'wu', name: '吴杰', gender: 1, userid: 'lilei', addedDaysAgo: 12, tagIds: ['et_level_a', 'et_source_event'], description: '展会上加的好友' },
  // Came every three days a month ago, silent since: churn risk for 李雷.
  { key: 'zhou', name: '周婷婷', gender: 2, userid: 'lilei', addedDaysAgo: 45, tagIds: ['et_level_b', 'et_product_fragrance'], description: '喜欢香氛' },
  // Opens a link 韩梅梅 sent: 有互动.
  { key: 'feng', name: '冯磊', gender: 1, userid: 'hanmeimei', addedDaysAgo: 8, tagIds: ['et_level_c', 'et_source_ad'], description: '看广告加的' },
  // Just added.
  { key: 'he', name: '何娜', gender: 2, userid: 'hanmeimei', addedDaysAgo: 3, tagIds: ['et_level_c'], description: '' },
] as const;
type HistoryKey = (typeof HISTORY)[number]['key'];
const ids = (key: HistoryKey) => ({ externalUserId: `wm_demo_${key}`, openid: `o_demo_${key}`, unionid: `u_demo_${key}` });

/** Days after being added that 周婷婷 browsed (a month and more ago, before she went quiet). */
const QUIET_CUSTOMER_VISITS = [11, 14, 17, 20];
/** Recent browsing, in days before now (within the ingestion's window). */
const RECENT_VISITS: Partial<Record<HistoryKey, { daysAgo: number; product: string }[]>> = {
  zheng: [{ daysAgo: 5, product: '修护手霜礼盒' }, { daysAgo: 3, product: '精华护肤套装' }, { daysAgo: 1, product: '修护手霜礼盒' }],
  wu: [{ daysAgo: 4, product: '水润保湿面膜' }, { daysAgo: 2, product: '晨露香氛' }],
};

/**
 * Adds the history's customers to the sandbox WeCom (before the contact sync imports them) and their WeChat
 * identities. When were they added: on a first start, `addedDaysAgo` before now; after that, when Zhike
 * recorded it, so a restart keeps the same history. Returns each customer's add time (ms).
 */
export async function addDemoHistoryContacts(world: SandboxWorld, follows: Pick<FollowRepository, 'findByExternalUserIds'>, corpId: string, now = new Date()): Promise<Map<HistoryKey, number>> {
  const known = await follows.findByExternalUserIds(corpId, HISTORY.map((c) => ids(c.key).externalUserId));
  const addedAt = new Map<HistoryKey, number>();
  for (const customer of HISTORY) {
    const { externalUserId, openid, unionid } = ids(customer.key);
    const since = known.find((f) => f.externalUserId === externalUserId && f.userid === customer.userid)?.since.getTime() ?? Math.floor((now.getTime() - customer.addedDaysAgo * DAY_MS) / 1000) * 1000;
    addedAt.set(customer.key, since);
    const avatar = `/sandbox/demo/avatar/${customer.key}.svg`;
    world.wechatUsers.push({ openid, unionid, nickname: customer.name, avatar });
    world.contacts.push({
      externalUserId,
      name: customer.name,
      avatar,
      type: 1,
      gender: customer.gender,
      unionid,
      follows: [{ userid: customer.userid, remark: '', description: customer.description, createtime: Math.floor(since / 1000), addWay: 1, operUserid: externalUserId, tagIds: [...customer.tagIds] }],
    });
  }
  return addedAt;
}

/** Page views of a product, as the mini-program reports them (a view, and the leave with its dwell time). */
function productViews(key: HistoryKey, visits: { at: Date; product: { id: string; name: string } }[]): { event: TrackEvent; occurredAt: Date }[] {
  return visits.flatMap(({ at, product }, i) => {
    const base = { sessionId: `demo-${key}-${i}`, page: 'pages/product/detail', target: { kind: 'product' as const, id: product.id, title: product.name } };
    const view: TrackEvent = { ...base, clientEventId: `demo-${key}-${String(i).padStart(2, '0')}-view`, type: 'page_view', referrer: 'pages/index/index', occurredAt: at.toISOString() };
    const left = new Date(at.getTime() + 90_000);
    const leave: TrackEvent = { ...base, clientEventId: `demo-${key}-${String(i).padStart(2, '0')}-leave`, type: 'page_leave', durationMs: 90_000, occurredAt: left.toISOString() };
    return [{ event: view, occurredAt: at }, { event: leave, occurredAt: left }];
  });
}

/** 20:30 Beijing time on the day of `instant`, kept an hour in the past. */
function eveningOf(instant: number, now: number): Date {
  const day = new Date(instant);
  return new Date(Math.min(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12, 30), now - 60 * 60_000));
}

/**
 * The history's doings once Zhike knows the customers: logins, browsing, content sent and opened, orders
 * paid through the sandbox WeChat Pay. Sends and orders are seeded once (a history that has orders is left alone).
 */
export async function seedDemoHistory(
  services: ComposedServices,
  sandbox: Sandbox,
  deps: { corpId: string; timeline: Pick<TimelineRepository, 'record'>; addedAt: Map<HistoryKey, number>; now?: () => Date },
): Promise<{ customers: number; pastEntries: number; events: number; sends: number; orders: number }> {
  const now = (deps.now?.() ?? new Date()).getTime();
  const products = await services.catalog.listProducts();
  const product = (name: string) => products.find((p) => p.name === name);
  const customerIds = new Map<HistoryKey, string>();
  for (const customer of HISTORY) {
    const { openid, unionid } = ids(customer.key);
    customerIds.set(customer.key, (await services.customers.observe({ openid, unionid, source: SOURCE })).id);
  }

  // 周婷婷's visits a month and more ago: older than the ingestion takes, so recorded as it would have.
  const zhou = customerIds.get('zhou')!;
  const fragrance = product('晨露香氛');
  let pastEntries = 0;
  if (fragrance) {
    const visits = QUIET_CUSTOMER_VISITS.map((days) => ({ at: eveningOf(deps.addedAt.get('zhou')! + days * DAY_MS, now), product: fragrance }));
    for (const entry of fanTimelineEntries(zhou, productViews('zhou', visits))) {
      await deps.timeline.record({ corpId: deps.corpId, customerId: zhou, ...entry });
      pastEntries += 1;
    }
  }
  let events = 0;
  for (const [key, visits] of Object.entries(RECENT_VISITS) as [HistoryKey, { daysAgo: number; product: string }[]][]) {
    const seen = visits.flatMap(({ daysAgo, product: name }) => {
      const found = product(name);
      return found ? [{ at: eveningOf(now - daysAgo * DAY_MS, now), product: found }] : [];
    });
    events += (await services.fanActivity.ingest(customerIds.get(key)!, productViews(key, seen).map(({ event }) => event))).accepted.length;
  }
  await services.fanActivity.settled();

  const zheng = customerIds.get('zheng')!;
  if ((await services.orders.myOrders(zheng)).length > 0) return { customers: HISTORY.length, pastEntries, events, sends: 0, orders: 0 };
  const sends = await sendAndOpen(services, deps.corpId, customerIds);
  const buy = async (key: HistoryKey, names: string[]) => {
    let paid = 0;
    for (const [i, name] of names.entries()) {
      const item = product(name);
      const sku = item?.skus?.[0];
      if (!item || !sku) continue;
      const customerId = customerIds.get(key)!;
      const order = await services.orders.placeByCustomer(customerId, { requestId: `demo-history-${key}-${i + 1}`, items: [{ productId: item.id, skuId: sku.id, quantity: 1 }] });
      await services.orders.paymentParams(customerId, order.orderNo);
      sandbox.wechatPay.completePayment(order.orderNo, { outcome: 'success' });
      await services.orders.reconcilePending(0);
      paid += 1;
    }
    return paid;
  };
  const orders = (await buy('zheng', ['修护手霜礼盒'])) + (await buy('wu', ['水润保湿面膜', '晨露香氛']));
  return { customers: HISTORY.length, pastEntries, events, sends, orders };
}

/** 李雷 sends 郑秀英 a mini-program card she opens; 韩梅梅 sends 冯磊 a link he opens. */
async function sendAndOpen(services: ComposedServices, corpId: string, customerIds: Map<HistoryKey, string>): Promise<number> {
  const as = (userid: string): StaffPrincipal => ({ kind: 'staff', sessionId: 'demo-seed', staffId: 'demo-seed', corpId, userid, role: 'salesperson' });
  let sends = 0;
  const card = (await services.scripts.listSendable(as('lilei'))).find((script) => script.content.type === 'miniprogram');
  if (card) {
    const prepared = await services.contentSending.prepare(as('lilei'), { requestId: 'demo-history-send-0001', externalUserId: ids('zheng').externalUserId, content: { kind: 'script', scriptId: card.id } });
    await services.contentSending.reportOutcome(as('lilei'), prepared.sendId, { outcome: 'sent' });
    const token = prepared.message.msgtype === 'miniprogram' ? /[?&]t=([A-Za-z0-9_-]+)/.exec(prepared.message.miniprogram.page)?.[1] : undefined;
    if (token) await services.contentEngagement.openInMiniProgram(customerIds.get('zheng')!, token);
    sends += 1;
  }
  const link = (await services.scripts.listSendable(as('hanmeimei'))).find((script) => script.content.type === 'link');
  if (link) {
    const prepared = await services.contentSending.prepare(as('hanmeimei'), { requestId: 'demo-history-send-0002', externalUserId: ids('feng').externalUserId, content: { kind: 'script', scriptId: link.id } });
    await services.contentSending.reportOutcome(as('hanmeimei'), prepared.sendId, { outcome: 'sent' });
    if (prepared.message.msgtype === 'news') await services.contentEngagement.openLink(new URL(prepared.message.news.link).pathname.split('/').pop()!, { ip: '203.0.113.8', userAgent: 'WeChat demo' });
    sends += 1;
  }
  return sends;
}
