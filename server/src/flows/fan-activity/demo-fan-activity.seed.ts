import type { TrackEvent } from '@zhike/shared/events';
import type { CustomerService } from '../../modules/customers';
import type { ReferralFlow } from '../referrals';
import type { FanActivityFlow } from './fan-activity.flow';

type Target = NonNullable<TrackEvent['target']>;

export interface DemoFanActivityDeps {
  customers: Pick<CustomerService, 'observe' | 'inviteCodeOf'>;
  fanActivity: Pick<FanActivityFlow, 'ingest' | 'settled'>;
  referrals: Pick<ReferralFlow, 'claim'>;
  /** The store's products and articles (the catalogue's demo data), by title. */
  catalog: { listProducts(): Promise<{ id: string; name: string }[]>; listArticles(): Promise<{ id: string; title: string }[]> };
  now?: () => Date;
}

/** Titles the script below uses; ids come from the catalogue when it has them. */
const PRODUCTS = ['精华护肤套装', '晨露香氛', '水润保湿面膜', '修护手霜礼盒'] as const;
const ARTICLES = ['秋冬换季，护肤三步走', '送礼不踩雷：香氛与手霜怎么选'] as const;

/** One simulated action: days and hours before now, what, and how long the page stayed open. */
interface Step {
  daysAgo: number;
  hour: number;
  type: 'view' | 'share';
  target: string;
  dwellSeconds?: number;
}

/** A few days of each demo fan's life in the mini-program (王 keen on skincare, 孙 on fragrance, 赵 new, 刘 idle). */
const SCRIPT: Record<string, Step[]> = {
  o_demo_wang: [
    { daysAgo: 4, hour: 20, type: 'view', target: '秋冬换季，护肤三步走', dwellSeconds: 95 },
    { daysAgo: 3, hour: 21, type: 'view', target: '精华护肤套装', dwellSeconds: 140 },
    { daysAgo: 2, hour: 12, type: 'view', target: '水润保湿面膜', dwellSeconds: 25 },
    { daysAgo: 1, hour: 22, type: 'view', target: '精华护肤套装', dwellSeconds: 180 },
    { daysAgo: 1, hour: 22, type: 'share', target: '精华护肤套装' },
  ],
  o_demo_sun: [
    { daysAgo: 3, hour: 9, type: 'view', target: '送礼不踩雷：香氛与手霜怎么选', dwellSeconds: 60 },
    { daysAgo: 2, hour: 19, type: 'view', target: '晨露香氛', dwellSeconds: 75 },
    { daysAgo: 0, hour: 8, type: 'view', target: '修护手霜礼盒', dwellSeconds: 40 },
  ],
  o_demo_zhao: [{ daysAgo: 1, hour: 23, type: 'view', target: '精华护肤套装', dwellSeconds: 50 }],
  o_demo_liu: [{ daysAgo: 2, hour: 15, type: 'view', target: '水润保湿面膜', dwellSeconds: 10 }],
};
const UNIONIDS: Record<string, string> = { o_demo_wang: 'u_demo_wang', o_demo_sun: 'u_demo_sun', o_demo_zhao: 'u_demo_zhao', o_demo_liu: 'u_demo_liu' };

/**
 * Simulated fan activity for the demo, through the same services as the mini-program (so timelines,
 * scores and referrals agree). Idempotent: the client event ids are fixed, so a second start stores
 * nothing new, and the referral answers as already recorded.
 */
export async function seedDemoFanActivity(deps: DemoFanActivityDeps): Promise<{ accepted: number; duplicates: number; referral: boolean; titlesOnly: boolean }> {
  const now = deps.now?.() ?? new Date();
  const [products, articles] = await Promise.all([deps.catalog.listProducts(), deps.catalog.listArticles()]);
  const targets = new Map<string, Target>();
  // Without the catalogue (not seeded yet), targets are named by title with stable made-up ids.
  PRODUCTS.forEach((title, i) => targets.set(title, { kind: 'product', id: products.find((p) => p.name === title)?.id ?? `demo-product-${i + 1}`, title }));
  ARTICLES.forEach((title, i) => targets.set(title, { kind: 'article', id: articles.find((a) => a.title === title)?.id ?? `demo-article-${i + 1}`, title }));
  const titlesOnly = products.length === 0 && articles.length === 0;
  let accepted = 0;
  let duplicates = 0;
  const customerIds: Record<string, string> = {};
  for (const [openid, steps] of Object.entries(SCRIPT)) {
    const customer = await deps.customers.observe({ openid, unionid: UNIONIDS[openid], source: '演示数据（模拟小程序登录）' });
    customerIds[openid] = customer.id;
    const events = steps.flatMap((step, i) => eventsOf(openid, i, step, targets.get(step.target)!, now));
    const answer = await deps.fanActivity.ingest(customer.id, events);
    accepted += answer.accepted.length;
    duplicates += answer.duplicates.length;
  }
  await deps.fanActivity.settled();
  // 赵 opened 王's share of 精华护肤套装: the referral 王 → 赵, credited to 王's salesperson.
  const wangCode = await deps.customers.inviteCodeOf(customerIds.o_demo_wang!);
  const referral = wangCode ? (await deps.referrals.claim(customerIds.o_demo_zhao!, { inviteCode: wangCode, channel: 'share' })).recorded : false;
  return { accepted, duplicates, referral, titlesOnly };
}

function eventsOf(openid: string, i: number, step: Step, target: Target, now: Date): Record<string, unknown>[] {
  const day = new Date(now.getTime() - step.daysAgo * 86_400_000);
  // Beijing evening hours, kept in the past for today's steps.
  const at = new Date(Math.min(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), step.hour - 8, 10 + i), now.getTime() - 60 * 60_000));
  const base = {
    sessionId: `demo-${openid.slice(7)}-${step.daysAgo}`,
    page: target.kind === 'product' ? 'pages/product/detail' : 'pages/article/detail',
    target,
  };
  const id = (suffix: string) => `demo-${openid.slice(7)}-${String(i).padStart(2, '0')}-${suffix}`;
  if (step.type === 'share') return [{ ...base, clientEventId: id('share'), type: 'share', shareChannel: 'chat', occurredAt: at.toISOString() }];
  const view = { ...base, clientEventId: id('view'), type: 'page_view', referrer: 'pages/index/index', occurredAt: at.toISOString() };
  if (!step.dwellSeconds) return [view];
  const left = new Date(at.getTime() + step.dwellSeconds * 1000);
  return [view, { ...base, clientEventId: id('leave'), type: 'page_leave', durationMs: step.dwellSeconds * 1000, occurredAt: left.toISOString() }];
}
