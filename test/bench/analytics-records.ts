// One customer's raw records for the analytics benchmark, in the exact shapes the flows write them (the sync
// and callbacks, the mini-program's ingestion, content sending and tracking, referrals, orders and WeChat Pay,
// channel codes). The plan (analytics-data.ts) fixes who the customer is and what structurally happened to
// them; this file turns it into documents, plus `extra` timeline entries of everyday activity.
import crypto from 'node:crypto';
import { Types } from 'mongoose';
import type { TrackEvent } from '@zhike/shared/events';
import { shanghaiDay } from '@zhike/shared/time';
import type { ChannelAddDocument, ChannelConversionDocument, ChannelFirstTouchDocument } from '../../server/src/modules/channels/channel.model';
import type { ContentSendDocument, ContentTouchDocument } from '../../server/src/modules/content-tracking/content-tracking.model';
import type { CustomerDocument, IdentityLink } from '../../server/src/modules/customers/customer.model';
import type { FanEventDocument } from '../../server/src/modules/events/fan-event.model';
import type { FollowDocument } from '../../server/src/modules/follows/follow.model';
import { addToRollup, contributionOf, type Contribution } from '../../server/src/modules/intent/intent-score';
import type { IntentRollupDocument } from '../../server/src/modules/intent/intent.model';
import type { OrderDocument, OrderTransitionRecord, RefundDocument } from '../../server/src/modules/orders/order.model';
import type { PosterSceneDocument } from '../../server/src/modules/posters/poster.model';
import type { ReferralDocument } from '../../server/src/modules/referrals/referral.model';
import type { TimelineEntryDocument } from '../../server/src/modules/timeline/timeline.model';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The content attribution window of the content flow (an open or scan credits what follows within it). */
const ATTRIBUTION_WINDOW_MS = 7 * DAY;
const BROWSE_WINDOW_MS = 30 * MINUTE;
const SALES_STAGES = ['new', 'contacted', 'interested'] as const;

/** mulberry32: the same data on every run. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A random stream of its own per customer and purpose, so counting a customer's records and writing them agree. */
export const streamOf = (index: number, purpose: number) => prng(Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(purpose, 0x85ebca6b));
export const exponential = (random: () => number, mean: number) => -Math.log(1 - random() * 0.999_999) * mean;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const randomText = (random: () => number, length: number, alphabet = BASE62) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
/**
 * Values under a unique index (tracking tokens, poster scenes) come from a hash of what names them: customers'
 * random streams are slices of one mulberry32 cycle, and over a million draws two slices do overlap.
 */
const uniqueText = (name: string, length: number, alphabet = BASE62) => [...crypto.createHash('sha256').update(name).digest()].slice(0, length).map((byte) => alphabet[byte % alphabet.length]).join('');

/** Picks an index with probability proportional to its weight. */
export function weightedPicker(weights: number[], random: () => number): () => number {
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative.at(-1)!;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export interface BenchTarget {
  kind: 'product' | 'article';
  id: string;
  title: string;
}

/** What the app already holds when the records are written: the team, the channels and the content. */
export interface BenchWorld {
  corpId: string;
  now: number;
  salespeople: { userid: string; departmentId: number }[];
  admin: string;
  channels: { id: string; name: string; state: string; tagIds: string[]; members: number[] }[];
  scripts: { id: string; title: string; trackable: 'link' | 'miniprogram' | null; url?: string }[];
  posters: { id: string; name: string; campaign: string }[];
  products: { id: string; name: string; skus: { id: string; name: string; priceFen: number }[] }[];
  targets: BenchTarget[];
  levelTagIds: string[];
}

export type ArrivalPath = 'channel' | 'wecom' | 'share' | 'poster' | 'organic';

export interface OrderPlan {
  paidAt: number;
  lines: { product: number; sku: number; quantity: number }[];
  /** 代客下单 by the customer's salesperson. */
  byStaff: boolean;
  refund?: { at: number; full: boolean };
  fulfilled: boolean;
}

/** Who the customer is and what structurally happened to them (decided for all customers before any is written). */
export interface CustomerPlan {
  id: Types.ObjectId;
  name: string;
  t0: number;
  path: ArrivalPath;
  /** Salesperson index: the one they add (or would add). */
  owner: number;
  channel?: number;
  contactAt?: number;
  /** The customer deleted the owner. */
  endedAt?: number;
  second?: { salesperson: number; at: number };
  /** First mini-program login (and first page view). */
  mpAt?: number;
  unionid: boolean;
  /** The customer's own activity stops here (now for the still-active ones). */
  activeUntil: number;
  referral?: { inviter: number; at: number; channel: 'share' | 'poster'; target: number; attributed?: number; posterSend?: number };
  /** Shares that brought someone in, and poster sends someone else scanned: written with this customer. */
  shares: { at: number; target: number }[];
  posterSends: { at: number; scene: string; poster: number; sender: number }[];
  invitees: number[];
  orders: OrderPlan[];
  /** Checkouts never paid (closed by the timeout). */
  closed: { at: number; lines: OrderPlan['lines'] }[];
}

export interface CustomerRecords {
  customer: CustomerDocument & { _id: Types.ObjectId };
  follows: FollowDocument[];
  timeline: TimelineEntryDocument[];
  fanEvents: FanEventDocument[];
  sends: (ContentSendDocument & { _id: Types.ObjectId })[];
  touches: ContentTouchDocument[];
  scenes: PosterSceneDocument[];
  orders: OrderDocument[];
  refunds: RefundDocument[];
  referrals: ReferralDocument[];
  channelAdds: ChannelAddDocument[];
  firstTouches: ChannelFirstTouchDocument[];
  conversions: ChannelConversionDocument[];
  intent: IntentRollupDocument[];
}

/** When the customer browses the mini-program, and when their salesperson can follow them up. */
export function activityWindows(plan: CustomerPlan, now: number): { mp?: readonly [number, number]; staff?: readonly [number, number] } {
  return {
    ...(plan.mpAt !== undefined && plan.activeUntil > plan.mpAt + MINUTE ? { mp: [plan.mpAt + MINUTE, plan.activeUntil] as const } : {}),
    ...(plan.contactAt !== undefined ? { staff: [plan.contactAt + 10 * MINUTE, Math.min(now - MINUTE, plan.endedAt ?? now)] as const } : {}),
  };
}

type ActivityKind = 'view' | 'share' | 'send' | 'note' | 'tags' | 'stage';
/** Cumulative odds of each everyday entry, by what the customer is: a visitor and a contact, one of the two. */
const ACTIVITY_ODDS: Record<'both' | 'mp' | 'staff', [ActivityKind, number][]> = {
  both: [['view', 0.62], ['share', 0.66], ['send', 0.84], ['note', 0.92], ['tags', 0.97], ['stage', 1]],
  mp: [['view', 0.95], ['share', 1]],
  staff: [['send', 0.5], ['note', 0.8], ['tags', 0.93], ['stage', 1]],
};

function activityKind(roll: number, windows: ReturnType<typeof activityWindows>): ActivityKind {
  const odds = ACTIVITY_ODDS[windows.mp && windows.staff ? 'both' : windows.mp ? 'mp' : 'staff'];
  return odds.find(([, upTo]) => roll < upTo)![0];
}

type Touch = { at: number; contentKind: 'script' | 'poster'; contentId: string; userid: string; sendId?: string; scene?: string; campaign?: string };

export const externalUserIdOf = (index: number) => `wm_ban_${String(index).padStart(6, '0')}`;

/** Builds one customer's records; `extra` everyday timeline entries on top of the structural ones. */
export function customerRecords(world: BenchWorld, plans: CustomerPlan[], index: number, extra: number): CustomerRecords {
  const plan = plans[index]!;
  const random = streamOf(index, 1);
  const activity = streamOf(index, 2);
  const { corpId, now } = world;
  const customerId = plan.id.toString();
  const externalUserId = externalUserIdOf(index);
  const openid = `o_ban_${index}`;
  const unionid = `u_ban_${index}`;
  const userid = (n: number) => world.salespeople[n]!.userid;
  const owner = userid(plan.owner);
  const out: CustomerRecords = { customer: undefined!, follows: [], timeline: [], fanEvents: [], sends: [], touches: [], scenes: [], orders: [], refunds: [], referrals: [], channelAdds: [], firstTouches: [], conversions: [], intent: [] };
  const entry = (kind: TimelineEntryDocument['kind'], at: number, key: string, data: Record<string, unknown>, actorUserid?: string, text?: string): void => {
    out.timeline.push({ corpId, customerId, kind, at: new Date(at), ...(actorUserid ? { actorUserid } : {}), data, ...(text ? { text } : {}), key });
  };
  const ownActivity: number[] = [];
  const opensAndScans: Touch[] = [];
  const sentTo: Touch[] = [];
  let eventNo = 0;
  const browseKeys = new Set<string>();

  // ---- the mini-program: first login, page views (with the tracked events behind them), shares
  const fanEvent = (type: TrackEvent['type'], at: number, target: BenchTarget, more: Partial<FanEventDocument> = {}): FanEventDocument => {
    const event: FanEventDocument = {
      customerId,
      clientEventId: `ban-${index}-${(eventNo++).toString(36)}`,
      type,
      sessionId: `ban-${index}-${shanghaiDay(at)}`,
      page: target.kind === 'product' ? 'pages/product/detail' : 'pages/article/detail',
      occurredAt: new Date(at),
      receivedAt: new Date(at + 1_500),
      target: { kind: target.kind, id: target.id, title: target.title },
      ...more,
    };
    out.fanEvents.push(event);
    return event;
  };
  const pageView = (at: number, target: BenchTarget): void => {
    let when = at;
    // One browse entry per target per half hour (fan-timeline.ts): a second view in the window is moved out of it.
    while (browseKeys.has(`${target.id}:${Math.floor(when / BROWSE_WINDOW_MS)}`)) when -= BROWSE_WINDOW_MS;
    if (plan.mpAt !== undefined && when < plan.mpAt) when = plan.mpAt + random() * MINUTE;
    while (browseKeys.has(`${target.id}:${Math.floor(when / BROWSE_WINDOW_MS)}`)) when += BROWSE_WINDOW_MS;
    const window = Math.floor(when / BROWSE_WINDOW_MS);
    browseKeys.add(`${target.id}:${window}`);
    const view = fanEvent('page_view', when, target, { referrer: 'pages/index/index' });
    if (random() < 0.55) fanEvent('page_leave', when + 5_000 + random() * 235_000, target, { durationMs: Math.round(5_000 + random() * 235_000) });
    entry('page_viewed', when, `page_viewed:${customerId}:${target.kind}:${target.id}:${window}`, { title: target.title, targetKind: target.kind, targetId: target.id, page: view.page });
    ownActivity.push(when);
  };
  const share = (at: number, target: BenchTarget): void => {
    const event = fanEvent('share', at, target, { shareChannel: 'chat' });
    entry('content_shared', at, `content_shared:${customerId}:${event.clientEventId}`, { title: target.title, page: event.page, targetKind: target.kind, targetId: target.id, shareChannel: 'chat' });
    ownActivity.push(at);
  };

  // ---- WeCom: the follows, their timeline lines, channel adds
  const followAt = (n: number, since: number, addWay: number, state: string | undefined, endedAt: number | undefined, tagIds: string[]): void => {
    out.follows.push({
      corpId,
      customerId,
      externalUserId,
      userid: userid(n),
      addWay,
      ...(state ? { state } : {}),
      wecomTagIds: tagIds,
      since: new Date(since),
      ...(endedAt !== undefined ? { endedAt: new Date(endedAt), endReason: 'customer_deleted_staff' as const } : {}),
      syncedAt: new Date(now),
    });
    const seconds = Math.floor(since / 1000);
    entry('contact_added', seconds * 1000, `contact_added:${externalUserId}:${userid(n)}:${seconds}`, { addWay, ...(state ? { state } : {}) }, userid(n));
    if (endedAt !== undefined) entry('contact_removed', endedAt, `contact_removed:${externalUserId}:${userid(n)}:${endedAt}`, { reason: 'customer_deleted_staff' }, userid(n));
  };

  const links: IdentityLink[] = [];
  if (plan.contactAt !== undefined) {
    const channel = plan.channel !== undefined ? world.channels[plan.channel]! : undefined;
    const addWay = channel ? 1 : plan.path === 'wecom' ? (random() < 0.5 ? 2 : 3) : 1;
    const levelTag = world.levelTagIds[Math.floor(random() * world.levelTagIds.length)]!;
    followAt(plan.owner, plan.contactAt, addWay, channel?.state, plan.endedAt, [levelTag, ...(channel?.tagIds ?? [])]);
    if (channel) {
      const addKey = `${channel.state}:${externalUserId}:${owner}:${plan.contactAt}`;
      out.channelAdds.push({
        corpId, channelId: channel.id, key: addKey, externalUserId, userid: owner, customerId, at: new Date(plan.contactAt), day: shanghaiDay(plan.contactAt), paused: false,
        ...(plan.endedAt !== undefined ? { endedAt: new Date(plan.endedAt), endedDay: shanghaiDay(plan.endedAt) } : {}),
      });
      out.firstTouches.push({ corpId, customerId, channelId: channel.id, userid: owner, at: new Date(plan.contactAt) });
      if (channel.tagIds.length) entry('tags_changed', plan.contactAt, `tags:channel:${addKey}`, { add: channel.tagIds, remove: [], via: 'channel', channel: channel.name }, owner);
    }
    if (plan.second) followAt(plan.second.salesperson, plan.second.at, 3, undefined, undefined, [levelTag]);
    const source = plan.path === 'channel' || plan.path === 'wecom' ? '企业微信客户详情 (externalcontact/get)' : '企业微信全量同步 (batch/get_by_user)';
    links.push({ kind: 'external_userid', value: externalUserId, reason: source, at: new Date(plan.contactAt) });
    if (plan.unionid && (plan.mpAt === undefined || plan.contactAt < plan.mpAt)) links.push({ kind: 'unionid', value: unionid, reason: source, at: new Date(plan.contactAt) });
  }
  if (plan.mpAt !== undefined) {
    links.push({ kind: 'openid', value: openid, reason: '小程序登录 (code2session)', at: new Date(plan.mpAt) });
    if (plan.unionid && !links.some((l) => l.kind === 'unionid')) links.push({ kind: 'unionid', value: unionid, reason: '小程序登录 (code2session)', at: new Date(plan.mpAt) });
    ownActivity.push(plan.mpAt);
  }

  // ---- referrals: the invitee's side, the inviter's side (their shares, posters and invitees)
  const targetOf = (n: number) => world.targets[n]!;
  if (plan.referral) {
    const ref = plan.referral;
    const inviter = plans[ref.inviter]!;
    const attributedUserid = ref.attributed !== undefined ? userid(ref.attributed) : undefined;
    const poster = ref.posterSend !== undefined ? inviter.posterSends[ref.posterSend]! : undefined;
    if (poster) {
      const template = world.posters[poster.poster]!;
      const touch: Touch = { at: ref.at, contentKind: 'poster', contentId: template.id, userid: userid(poster.sender), scene: poster.scene, campaign: template.campaign };
      out.touches.push({ corpId, key: `scan:${poster.scene}:${customerId}`, touch: 'scan', contentKind: 'poster', contentId: template.id, userid: touch.userid, scene: poster.scene, campaign: template.campaign, customerId, at: new Date(ref.at) });
      entry('poster_scanned', ref.at, `poster_scanned:${poster.scene}:${customerId}`, { userid: touch.userid, title: template.name, templateId: template.id, campaign: template.campaign, posterCustomerId: inviter.id.toString() });
      opensAndScans.push(touch);
    }
    out.referrals.push({ inviterId: inviter.id.toString(), inviteeId: customerId, channel: ref.channel, at: new Date(ref.at), ...(attributedUserid ? { attributedUserid } : {}), ...(poster ? { scene: poster.scene } : {}) });
    entry('referred_by', ref.at, `referred_by:${customerId}`, { inviterId: inviter.id.toString(), inviterName: inviter.name, channel: ref.channel, ...(attributedUserid ? { attributedUserid } : {}) });
  }
  for (const { at, target } of plan.shares) share(at, targetOf(target));
  for (const invitee of plan.invitees) {
    const other = plans[invitee]!;
    entry('invited_customer', other.referral!.at, `invited_customer:${other.id.toString()}`, { inviteeId: other.id.toString(), inviteeName: other.name, channel: other.referral!.channel });
  }

  // ---- content a salesperson sends (and what the customer does with it)
  const send = (at: number, sender: number, content: { kind: 'script'; n: number } | { kind: 'poster'; n: number; scene?: string }, allowResponse: boolean): number => {
    const senderId = userid(sender);
    const script = content.kind === 'script' ? world.scripts[content.n]! : undefined;
    const poster = content.kind === 'poster' ? world.posters[content.n]! : undefined;
    const contentId = script?.id ?? poster!.id;
    const title = script?.title ?? poster!.name;
    const _id = new Types.ObjectId();
    const sendId = _id.toString();
    out.sends.push({
      _id, corpId, userid: senderId, requestId: `ban-send-${index}-${out.sends.length}`, customerId, externalUserId, contentKind: content.kind, contentId, title,
      token: uniqueText(`token:${index}:${out.sends.length}`, 22, `${BASE62}_-`), ...(script?.url ? { targetUrl: script.url } : {}), status: 'sent', preparedAt: new Date(at - 20_000), settledAt: new Date(at),
    });
    entry('content_sent', at, `content_sent:${sendId}`, { contentKind: content.kind, contentId, title, sendId }, senderId);
    sentTo.push({ at, contentKind: content.kind, contentId, userid: senderId, sendId });
    if (poster) {
      const scene = content.kind === 'poster' && content.scene ? content.scene : `p${uniqueText(`scene:${index}:${out.sends.length}`, 11)}`;
      out.scenes.push({ corpId, scene, templateId: poster.id, userid: senderId, customerId, campaign: poster.campaign, createdAt: new Date(at - 30_000), expiresAt: new Date(at + 90 * DAY) });
      const scanAt = at + exponential(random, 6 * HOUR);
      if (!allowResponse || random() > 0.2 || scanAt > Math.min(now, plan.activeUntil) || plan.mpAt === undefined || scanAt < plan.mpAt) return 1;
      out.touches.push({ corpId, key: `scan:${scene}:${customerId}`, touch: 'scan', contentKind: 'poster', contentId: poster.id, userid: senderId, scene, campaign: poster.campaign, customerId, at: new Date(scanAt) });
      entry('poster_scanned', scanAt, `poster_scanned:${scene}:${customerId}`, { userid: senderId, title: poster.name, templateId: poster.id, campaign: poster.campaign, posterCustomerId: customerId });
      opensAndScans.push({ at: scanAt, contentKind: 'poster', contentId: poster.id, userid: senderId, scene, campaign: poster.campaign });
      ownActivity.push(scanAt);
      return 2;
    }
    const openAt = at + exponential(random, 3 * HOUR);
    // Cards open in the mini-program (a signed-in customer); links in any browser.
    const canOpen = script!.trackable === 'link' || (script!.trackable === 'miniprogram' && plan.mpAt !== undefined && openAt > plan.mpAt);
    if (!allowResponse || !canOpen || random() > 0.6 || openAt > Math.min(now, plan.activeUntil)) return 1;
    const viewerKey = script!.trackable === 'miniprogram' ? `customer:${customerId}` : `anon:${randomText(random, 16, '0123456789abcdef')}`;
    const touch = { corpId, touch: 'open' as const, contentKind: 'script' as const, contentId, userid: senderId, sendId, customerId, at: new Date(openAt) };
    out.touches.push({ ...touch, key: `open:${sendId}:${viewerKey}` }, { ...touch, key: `open:${sendId}` });
    entry('content_opened', openAt, `content_opened:${sendId}:${viewerKey}`, { userid: senderId, contentKind: 'script', contentId, title, sendId });
    opensAndScans.push({ at: openAt, contentKind: 'script', contentId, userid: senderId, sendId });
    ownActivity.push(openAt);
    return 2;
  };
  for (const poster of plan.posterSends) send(poster.at, poster.sender, { kind: 'poster', n: poster.poster, scene: poster.scene }, false);

  // ---- everyday activity: browsing, shares, the salesperson's follow-up
  const windows = activityWindows(plan, now);
  const within = (window: readonly [number, number]) => window[0] + activity() * Math.max(0, window[1] - window[0]);
  const anyTarget = () => world.targets[Math.floor(activity() * world.targets.length)]!;
  const followUps: { at: number; kind: 'note' | 'tags' | 'stage' }[] = [];
  // Links and cards (which report their opens) are what salespeople send most.
  const pickScript = weightedPicker(world.scripts.map((script) => (script.trackable ? 4 : 1)), activity);
  if (plan.mpAt !== undefined) pageView(plan.mpAt + 30_000, plan.referral?.channel === 'share' ? targetOf(plan.referral.target) : anyTarget());
  for (let budget = extra; budget > 0; ) {
    const kind = activityKind(activity(), windows);
    if (kind === 'view') pageView(within(windows.mp!), anyTarget());
    else if (kind === 'share') share(within(windows.mp!), anyTarget());
    else if (kind === 'send') {
      const content = activity() < 0.2 ? { kind: 'poster' as const, n: Math.floor(activity() * world.posters.length) } : { kind: 'script' as const, n: pickScript() };
      // A response (open, scan) is a second entry: only when the budget has room for it.
      budget -= send(within(windows.staff!), plan.owner, content, budget >= 2) - 1;
    } else followUps.push({ at: within(windows.staff!), kind });
    budget -= 1;
  }

  // ---- orders (with WeChat Pay, refunds, attribution) and the stage moves they make
  const ownerActiveAt = (at: number) => plan.contactAt !== undefined && plan.contactAt <= at && (plan.endedAt === undefined || plan.endedAt > at);
  const lineItems = (lines: OrderPlan['lines']) =>
    lines.map(({ product, sku, quantity }) => {
      const p = world.products[product]!;
      const s = p.skus[sku]!;
      return { productId: p.id, skuId: s.id, name: p.name, skuName: s.name, priceFen: s.priceFen, quantity, amountFen: s.priceFen * quantity };
    });
  const orderNo = (at: number, n: number) => `ZK${new Date(at + 8 * HOUR).toISOString().replace(/\D/g, '').slice(0, 14)}${(index * 64 + n).toString(36).toUpperCase().padStart(6, '0').slice(-6)}`;
  const stageMoves: { at: number; to: string; orderNo: string; rule: string }[] = [];
  plan.orders.forEach((order, n) => {
    const items = lineItems(order.lines);
    const subtotalFen = items.reduce((sum, item) => sum + item.amountFen, 0);
    const byStaff = order.byStaff && ownerActiveAt(order.paidAt);
    const discountFen = byStaff ? Math.min(Math.floor(subtotalFen * 0.1), 3_000) : 0;
    const totalFen = subtotalFen - discountFen;
    const createdAt = order.paidAt - (2 + random() * 20) * MINUTE;
    const number = orderNo(createdAt, n);
    const salespersonUserid = byStaff || ownerActiveAt(createdAt) ? owner : undefined;
    const lastTouch = [...opensAndScans].reverse().find((t) => t.at <= order.paidAt && t.at > order.paidAt - ATTRIBUTION_WINDOW_MS);
    const lastSend = lastTouch ? undefined : [...sentTo].reverse().find((t) => t.at <= order.paidAt && t.at > order.paidAt - ATTRIBUTION_WINDOW_MS);
    const credited = lastTouch ?? lastSend;
    const history: OrderTransitionRecord[] = [
      { from: null, to: 'pending', at: new Date(createdAt), by: byStaff ? owner : 'customer', reason: byStaff ? '代客下单' : '顾客下单' },
      { from: 'pending', to: 'paid', at: new Date(order.paidAt), by: 'wechatpay', reason: '微信支付通知' },
    ];
    if (order.fulfilled) history.push({ from: 'paid', to: 'fulfilled', at: new Date(order.paidAt + DAY), by: owner, reason: '已发货' });
    let refundedFen = 0;
    let status: OrderDocument['status'] = order.fulfilled ? 'fulfilled' : 'paid';
    entry('order_paid', order.paidAt, `order_paid:${number}`, { orderNo: number, totalFen, items: items.map((item) => `${item.name}×${item.quantity}`) }, salespersonUserid);
    ownActivity.push(order.paidAt);
    if (n < 2) stageMoves.push({ at: order.paidAt + 1_000, to: n === 0 ? 'won' : 'repeat', orderNo: number, rule: n === 0 ? 'first_paid_order' : 'repeat_paid_order' });
    if (credited) out.touches.push({ corpId, key: `order:${number}`, touch: 'order', contentKind: credited.contentKind, contentId: credited.contentId, userid: credited.userid, ...(credited.sendId ? { sendId: credited.sendId } : {}), ...(credited.scene ? { scene: credited.scene, campaign: credited.campaign } : {}), customerId, amountFen: totalFen, at: new Date(order.paidAt) });
    if (plan.path === 'channel' && plan.channel !== undefined) out.conversions.push({ corpId, channelId: world.channels[plan.channel]!.id, orderId: number, customerId, amountFen: totalFen, at: new Date(order.paidAt) });
    if (order.refund) {
      const amountFen = order.refund.full ? totalFen : Math.round(totalFen * (0.3 + random() * 0.2));
      const requestId = `ban-refund-${index}-${n}`;
      const outRefundNo = `${number}R${requestId}`.slice(0, 64);
      const requestedBy = random() < 0.7 && ownerActiveAt(order.refund.at) ? owner : world.admin;
      const reason = order.refund.full ? '客户不想要了' : '部分商品破损';
      out.refunds.push({ corpId, orderNo: number, outRefundNo, requestId, amountFen, reason, requestedBy, status: 'succeeded', requestedAt: new Date(order.refund.at - 5 * MINUTE), settledAt: new Date(order.refund.at) });
      entry('order_refunded', order.refund.at, `order_refunded:${outRefundNo}`, { orderNo: number, refundFen: amountFen, reason, ...(salespersonUserid ? { salespersonUserid } : {}) }, requestedBy);
      if (credited) out.touches.push({ corpId, key: `refund:${outRefundNo}`, touch: 'order', contentKind: credited.contentKind, contentId: credited.contentId, userid: credited.userid, ...(credited.sendId ? { sendId: credited.sendId } : {}), ...(credited.scene ? { scene: credited.scene, campaign: credited.campaign } : {}), customerId, amountFen: -amountFen, at: new Date(order.refund.at) });
      refundedFen = amountFen;
      if (order.refund.full) {
        history.push({ from: status, to: 'refunded', at: new Date(order.refund.at), by: requestedBy, reason: `全额退款：${reason}` });
        status = 'refunded';
      }
    }
    out.orders.push({
      corpId, orderNo: number, creatorKey: byStaff ? `staff:${owner}` : `customer:${customerId}`, requestId: `ban-order-${index}-${n}`, customerId,
      createdBy: byStaff ? { kind: 'salesperson', userid: owner } : { kind: 'customer' }, ...(salespersonUserid ? { salespersonUserid } : {}),
      ...(plan.referral ? { referrerCustomerId: plans[plan.referral.inviter]!.id.toString() } : {}), ...(credited ? { contentCredit: { contentKind: credited.contentKind, contentId: credited.contentId } } : {}),
      items, subtotalFen, discountFen, totalFen, refundedFen, status, createdAt: new Date(createdAt), expiresAt: new Date(createdAt + 30 * MINUTE),
      prepayId: `wx${randomText(random, 30)}`, paidAt: new Date(order.paidAt), transactionId: `4200${randomText(random, 24, '0123456789')}`, history,
    });
  });
  plan.closed.forEach((order, n) => {
    const items = lineItems(order.lines);
    const totalFen = items.reduce((sum, item) => sum + item.amountFen, 0);
    const number = orderNo(order.at, 32 + n);
    out.orders.push({
      corpId, orderNo: number, creatorKey: `customer:${customerId}`, requestId: `ban-closed-${index}-${n}`, customerId, createdBy: { kind: 'customer' }, ...(ownerActiveAt(order.at) ? { salespersonUserid: owner } : {}),
      items, subtotalFen: totalFen, discountFen: 0, totalFen, refundedFen: 0, status: 'closed', createdAt: new Date(order.at), expiresAt: new Date(order.at + 30 * MINUTE), stockReturned: true,
      history: [
        { from: null, to: 'pending', at: new Date(order.at), by: 'customer', reason: '顾客下单' },
        { from: 'pending', to: 'closed', at: new Date(order.at + 31 * MINUTE), by: 'system', reason: '超时未支付，自动关闭' },
      ],
    });
  });

  // The salesperson's follow-up in time order, so stage moves go forward; after a payment the stage is the order's.
  followUps.sort((a, b) => a.at - b.at);
  let stage: string = SALES_STAGES[0];
  const events = [...followUps.map((f) => ({ ...f, paid: undefined })), ...stageMoves.map((m) => ({ at: m.at, kind: 'paid' as const, paid: m }))].sort((a, b) => a.at - b.at);
  for (const [n, event] of events.entries()) {
    if (event.paid) {
      entry('stage_changed', event.at, `stage_on_paid:${event.paid.orderNo}`, { from: stage, to: event.paid.to, rule: event.paid.rule, orderNo: event.paid.orderNo });
      stage = event.paid.to;
      continue;
    }
    const requestId = `ban-${index}-${n}`;
    const next = SALES_STAGES[SALES_STAGES.indexOf(stage as (typeof SALES_STAGES)[number]) + 1];
    if (event.kind === 'stage' && next) {
      entry('stage_changed', event.at, `stage:${owner}:${requestId}`, { from: stage, to: next }, owner);
      stage = next;
    } else if (event.kind === 'tags') {
      entry('tags_changed', event.at, `tags:${owner}:${requestId}`, { add: [world.levelTagIds[Math.floor(random() * world.levelTagIds.length)]!], remove: [] }, owner);
    } else {
      entry('note', event.at, `note:${owner}:${requestId}`, {}, owner, `第 ${n + 1} 次跟进：客户对${world.targets[n % world.targets.length]!.title}感兴趣`);
    }
  }

  // ---- attribution of the new contact (content opened or scanned within 7 days, of the same salesperson)
  for (const follow of out.follows) {
    const since = follow.since.getTime();
    const touch = [...opensAndScans].reverse().find((t) => t.userid === follow.userid && t.at <= since && t.at > since - ATTRIBUTION_WINDOW_MS);
    if (touch) out.touches.push({ corpId, key: `contact_added:${customerId}:${follow.userid}`, touch: 'contact_added', contentKind: touch.contentKind, contentId: touch.contentId, userid: touch.userid, ...(touch.sendId ? { sendId: touch.sendId } : {}), ...(touch.scene ? { scene: touch.scene, campaign: touch.campaign } : {}), customerId, at: new Date(since) });
  }

  // ---- the intent score rollup, from the tracked events (as the ingestion's background rounds keep it)
  if (out.fanEvents.length) {
    const contributions: Contribution[] = [];
    for (const event of out.fanEvents) {
      const part = contributionOf({ type: event.type, clientEventId: event.clientEventId, sessionId: event.sessionId, page: event.page, occurredAt: event.occurredAt.toISOString(), ...(event.target ? { target: event.target } : {}), ...(event.durationMs ? { durationMs: event.durationMs } : {}) } as TrackEvent);
      if (part) contributions.push({ ...part, key: event.clientEventId, at: event.occurredAt });
    }
    const rollup = addToRollup(null, contributions);
    out.intent.push({ customerId, refAt: rollup.refAt, value: rollup.value, recent: rollup.recent, version: 1 });
  }

  const lastActive = ownActivity.length ? Math.max(...ownActivity) : undefined;
  out.customer = {
    _id: plan.id,
    displayName: plan.name,
    stage,
    ...(plan.contactAt !== undefined ? { wecomProfile: { avatar: `https://wx.qlogo.cn/bench/${index}/0`, gender: index % 3, type: 1 } } : {}),
    identifiers: { ...(plan.mpAt !== undefined ? { openid } : {}), ...(plan.unionid ? { unionid } : {}), externalUserIds: plan.contactAt !== undefined ? [externalUserId] : [] },
    identityLinks: links,
    firstSeenAt: new Date(plan.t0),
    ...(lastActive !== undefined ? { lastActiveAt: new Date(lastActive) } : {}),
    ...(plan.invitees.length || plan.shares.length ? { inviteCode: `ban${index.toString(36)}` } : {}),
  };
  return out;
}
