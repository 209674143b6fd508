import request from 'supertest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { seedAnalyticsDataset, type AnalyticsDataset } from './analytics-dataset.testing';

const WEEK = { from: '2026-11-25', to: '2026-12-01' };

describe('analytics drill-down (GET /api/analytics/customers)', () => {
  let app: TestApp;
  let data: AnalyticsDataset;
  const list = (who: keyof AnalyticsDataset['cookies'], query: Record<string, string | number>) =>
    request(app.callback).get('/api/analytics/customers').query(query).set('cookie', data.cookies[who]);
  const names = (res: request.Response) => res.body.customers.map((customer: { name: string }) => customer.name);

  beforeAll(async () => {
    app = await createTestApp('analyticsdrill');
    data = await seedAnalyticsDataset(app);
  }, 60_000);
  afterAll(() => app.close());

  it('lists the customers behind a funnel step, most recently active first, with their journey', async () => {
    const res = await list('admin', { population: 'funnel', ...WEEK, step: 'ordered' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '2026-11-25 至 2026-12-01 首次接触、已到达「已下单」的客户', total: 3, page: 1, pageSize: 50 });
    expect(names(res)).toEqual(['赵二', '孙三', '王一, VIP']);
    expect(res.body.customers[0]).toEqual({
      customerId: data.customers.zhao,
      externalUserId: 'wm_zhao',
      name: '赵二',
      avatar: null,
      ownerUserid: 'lilei',
      ownerName: '李雷',
      stage: '新客户',
      channelLabel: '好友分享',
      firstTouchAt: '2026-11-26T04:00:00.000Z',
      lastActiveAt: '2026-11-30T06:00:00.000Z',
      paidOrders: 1,
      netRevenueFen: 5000,
    });
    const byChannel = await list('admin', { population: 'funnel', ...WEEK, step: 'contact', channelKey: `channel:${data.channel.id}` });
    expect(byChannel.body.title).toBe('2026-11-25 至 2026-12-01 首次接触、已到达「企微客户」的客户（地推活码）');
    expect(names(byChannel)).toEqual(['孙三']);
  });

  it('reads contacts, losses, payments, content and invitees from the raw records', async () => {
    expect(names(await list('admin', { population: 'new_contacts', ...WEEK }))).toEqual(['赵二', '孙三', '王一, VIP']);
    const lost = await list('admin', { population: 'lost_contacts', ...WEEK, userid: 'lilei' });
    expect(lost.body).toMatchObject({ title: '2026-11-25 至 2026-12-01 删除了销售的客户（李雷）', total: 1 });
    expect(lost.body.customers[0]).toMatchObject({ name: '刘四', lastActiveAt: null, paidOrders: 0, netRevenueFen: 0 });
    expect(names(await list('admin', { population: 'paid', ...WEEK, firstOnly: 'true' }))).toEqual(['赵二', '孙三', '王一, VIP']);
    // 王一 paid again on 11-28, but their first order was on 11-26: not a first order of 11-27 … 11-29.
    expect(names(await list('admin', { population: 'paid', from: '2026-11-27', to: '2026-11-29' }))).toEqual(['王一, VIP']);
    expect((await list('admin', { population: 'paid', from: '2026-11-27', to: '2026-11-29', firstOnly: 'true' })).body.total).toBe(0);
    const content = { population: 'content', ...WEEK, contentKind: 'script', contentId: data.scripts.launch };
    const sent = await list('admin', { ...content, touch: 'sent' });
    expect(sent.body.title).toBe('2026-11-25 至 2026-12-01 收到「新品话术」的客户');
    expect(names(sent)).toEqual(['孙三', '王一, VIP']);
    expect(names(await list('admin', { ...content, touch: 'opened' }))).toEqual(['王一, VIP']);
    expect(names(await list('admin', { ...content, touch: 'order' }))).toEqual(['王一, VIP']);
    const invitees = await list('admin', { population: 'invitees', inviterId: data.customers.wang });
    expect(invitees.body).toMatchObject({ title: '王一, VIP 邀请的客户', total: 1 });
    expect(names(invitees)).toEqual(['赵二']);
    expect((await list('admin', { population: 'invitees', inviterId: 'not-a-customer' })).status).toBe(404);
  });

  it('pages through the list', async () => {
    const second = await list('admin', { population: 'new_contacts', ...WEEK, page: 2 });
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 50, customers: [] });
  });

  it("never shows a manager customers of another department's salespeople", async () => {
    expect(names(await list('manager', { population: 'funnel', ...WEEK, step: 'ordered' }))).toEqual(['赵二', '王一, VIP']);
    expect(names(await list('manager', { population: 'new_contacts', ...WEEK }))).toEqual(['赵二', '王一, VIP']);
    expect(names(await list('manager', { population: 'content', ...WEEK, contentKind: 'script', contentId: data.scripts.launch, touch: 'sent' }))).toEqual(['王一, VIP']);
    const csv = await list('manager', { population: 'new_contacts', ...WEEK, format: 'csv' });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('赵二');
    expect(csv.text).not.toContain('孙三');
    for (const query of [
      { population: 'funnel', ...WEEK, step: 'ordered', department: 3 },
      { population: 'paid', ...WEEK, department: 3, format: 'csv' },
    ]) {
      const res = await list('manager', query);
      expect(res.status).toBe(403);
      expect(res.body.error.details).toEqual([{ field: 'query.department', issue: '不是您负责的部门' }]);
    }
    const otherSalesperson = await list('manager', { population: 'new_contacts', ...WEEK, userid: 'hanmeimei' });
    expect(otherSalesperson.status).toBe(403);
    expect(otherSalesperson.body.error.details).toEqual([{ field: 'query.userid', issue: '不是您部门的销售' }]);
    const othersInviter = await list('manager', { population: 'invitees', inviterId: data.customers.sun });
    expect(othersInviter.status).toBe(404);
    expect((await list('salesperson', { population: 'new_contacts', ...WEEK })).status).toBe(403);
  });

  it('exports every row as CSV: BOM, fixed columns, yuan, Beijing times, quoted fields', async () => {
    const res = await list('manager', { population: 'paid', ...WEEK, userid: 'lilei', firstOnly: 'true', format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="customers-paid-2026-11-25-2026-12-01.csv"');
    expect(res.text).toBe(
      '\uFEFF客户ID,客户,负责销售,阶段,首次接触渠道,首次接触时间,最近活跃,已支付订单数,净消费(元)\r\n' +
        `${data.customers.zhao},赵二,李雷,新客户,好友分享,2026-11-26 12:00,2026-11-30 14:00,1,50.00\r\n` +
        `${data.customers.wang},"王一, VIP",李雷,新客户,自然流量,2026-11-25 00:30,2026-11-28 10:30,2,450.00\r\n`,
    );
  });

  it('names the offending field of a bad request', async () => {
    const unknown = await list('admin', { population: 'everyone' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'query.population' })] });
    const badStep = await list('admin', { population: 'funnel', ...WEEK, step: 'bought' });
    expect(badStep.body.error.details).toEqual([expect.objectContaining({ field: 'query.step' })]);
    const badDate = await list('admin', { population: 'paid', from: '2026-02-30', to: '2026-03-01' });
    expect(badDate.body.error.details).toEqual([{ field: 'query.from', issue: '日期无效' }]);
    const stray = await list('admin', { population: 'invitees', inviterId: data.customers.wang, step: 'fan' });
    expect(stray.body.error.details).toEqual([{ field: 'query.step', issue: '不允许的字段' }]);
  });
});
