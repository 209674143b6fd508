import request from 'supertest';
import { syncFromWeCom } from '../flows/wecom-sync/sync-from-wecom';
import { seedDemoFanActivity } from '../flows/fan-activity';
import { demoWorld } from '../integrations/sandbox/world';
import { CatalogRepository } from '../modules/catalog';
import { FollowRepository } from '../modules/follows';
import { TimelineRepository } from '../modules/timeline';
import { completeStaffOAuth, sessionCookie } from '../testing/staff-login';
import { createTestApp, type TestApp } from '../testing/test-app';
import { seedDemoCatalog } from './demo-catalog.seed';
import { seedDemoCommerce } from './demo-commerce.seed';
import { seedDemoContent } from './demo-content.seed';
import { addDemoHistoryContacts, seedDemoHistory } from './demo-history.seed';

const DAY_MS = 86_400_000;
const day = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);

/** The demo start-up as main.ts runs it, then what the manager console shows for its default 30 days. */
describe('demo history: the console has something to show', () => {
  let app: TestApp;
  let addedAt: Awaited<ReturnType<typeof addDemoHistoryContacts>>;
  const cookies: Record<string, string> = {};
  const as = (userid: string) => (path: string) => request(app.callback).get(path).set('cookie', cookies[userid]!);
  const range = `from=${day(Date.now() - 29 * DAY_MS)}&to=${day(Date.now())}`;
  const seedHistory = () => seedDemoHistory(app.services, app.sandbox, { corpId: app.config.wecom.corpId, timeline: new TimelineRepository(app.connection), addedAt });

  beforeAll(async () => {
    app = await createTestApp('demohistory');
    const { corpId } = app.config.wecom;
    addedAt = await addDemoHistoryContacts(app.sandbox.world, new FollowRepository(app.connection), corpId);
    await syncFromWeCom(app.services);
    await seedDemoContent(app.services, { corpId, userid: 'chenjing', role: 'admin' });
    await seedDemoCatalog({ corpId, catalog: new CatalogRepository(app.connection), assets: app.services.assets });
    await seedDemoFanActivity(app.services);
    await seedDemoCommerce(app.services, app.sandbox, corpId);
    await seedHistory();
    await app.services.analytics.rebuild();
    await app.services.analyticsSnapshotJob.refresh();
    for (const userid of ['zhangwei', 'lilei', 'chenjing']) cookies[userid] = sessionCookie((await completeStaffOAuth(app, userid)).callback);
  }, 60_000);
  afterAll(() => app.close());

  it('gives the manager a funnel of the last 30 days with every step, and 郑秀英 and 吴杰 behind 已下单', async () => {
    const funnel = await as('zhangwei')(`/api/analytics/funnel?${range}`);
    expect(funnel.status).toBe(200);
    // 赵丽 (referred, browsing), 郑秀英, 吴杰, 冯磊, 何娜; 刘洋 has no salesperson, so only an admin sees him.
    expect(funnel.body.entered.value).toBe(5);
    expect(Object.fromEntries(funnel.body.steps.map((s: { step: string; reached: number }) => [s.step, s.reached]))).toEqual({ visitor: 3, fan: 5, contact: 4, engaged: 3, ordered: 2, repeat: 1 });
    const ordered = await as('zhangwei')(`/api/analytics/customers?population=funnel&${range}&step=ordered`);
    expect(ordered.status).toBe(200);
    expect(ordered.body.customers.map((c: { name: string }) => c.name).sort()).toEqual(['吴杰', '郑秀英']);
  });

  it('lists 周婷婷 at churn risk for 李雷, who came every 3 days a month ago', async () => {
    const churn = await as('lilei')('/api/analytics/churn-risk');
    expect(churn.status).toBe(200);
    expect(churn.body.rows.map((row: { name: string }) => row.name)).toEqual(['周婷婷']);
    expect(churn.body.rows[0].reason).toMatch(/^平均每 3 天活跃一次，已 2[45] 天未活跃/);
  });

  it('has rows per salesperson and per content, and three RFM cells', async () => {
    const sales = await as('zhangwei')(`/api/analytics/salespeople?${range}`);
    const row = (userid: string) => sales.body.rows.find((r: { userid: string }) => r.userid === userid);
    // 李雷: 郑秀英 and 吴杰 added; 王小明 ¥399, 郑秀英 ¥99, 吴杰 ¥129 + ¥299 paid today.
    expect(row('lilei')).toMatchObject({ newContacts: 2, paidOrders: 4, firstOrders: 3, netRevenueFen: 92_600, contentSent: 2, contentOpened: 2 });
    expect(row('hanmeimei')).toMatchObject({ newContacts: 2, paidOrders: 0, contentSent: 1, contentOpened: 1 });

    const content = await as('zhangwei')(`/api/analytics/content?${range}`);
    const figures = (title: string) => content.body.rows.find((r: { title: string }) => r.title === title);
    expect(figures('精华套装介绍')).toMatchObject({ sent: 2, opened: 2, orders: 1, netRevenueFen: 39_900 });
    expect(figures('晨露香氛小程序')).toMatchObject({ sent: 1, opened: 1, orders: 1, netRevenueFen: 9_900 });

    const rfm = await as('chenjing')('/api/analytics/rfm');
    const cells = Object.fromEntries(rfm.body.cells.filter((c: { customers: number }) => c.customers > 0).map((c: { cell: string; customers: number }) => [c.cell, c.customers]));
    // All paid today: 吴杰 twice and most (重要价值), 王小明 once for much (重要发展), 郑秀英 once for little (一般发展).
    expect(cells).toEqual({ important_value: 1, important_develop: 1, general_develop: 1 });
  });

  it('keeps the same history on the next start: the same add times, nothing recorded twice', async () => {
    const counts = async () => Object.fromEntries(await Promise.all(['timeline', 'orders', 'content_sends', 'fan_events'].map(async (name) => [name, await app.connection.collection(name).countDocuments()])));
    const before = await counts();
    const restarted = await addDemoHistoryContacts(demoWorld(), new FollowRepository(app.connection), app.config.wecom.corpId, new Date(Date.now() + 3 * DAY_MS));
    expect(restarted).toEqual(addedAt);
    expect(await seedHistory()).toMatchObject({ sends: 0, orders: 0 });
    expect(await counts()).toEqual(before);
  });
});
