import request from 'supertest';
import { seedDemoCatalog } from '../../demo/demo-catalog.seed';
import { CatalogRepository } from '../../modules/catalog';
import { eventually } from '../../testing/eventually';
import { completeStaffOAuth, sessionCookie } from '../../testing/staff-login';
import { createTestApp, notificationsInto, type TestApp } from '../../testing/test-app';

describe('paying an order through WeChat Pay (sandbox), end to end', () => {
  let app: TestApp;
  let token: string;
  let serum: { productId: string; skuId: string };
  const asCustomer = () => ({
    get: (path: string) => request(app.callback).get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(app.callback).post(path).set('authorization', `Bearer ${token}`).send(body),
  });
  const pay = async (payParams: Record<string, string>, extra: object = {}) =>
    (await (await fetch(`${app.sandboxUrl}/sandbox/demo/wechatpay/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...payParams, ...extra }) })).json()) as { errMsg: string };
  let requests = 0;
  const placeOrder = async () => (await asCustomer().post('/api/orders', { requestId: `pay-test-order-${(requests += 1)}`, items: [{ ...serum, quantity: 1 }] })).body.order;

  beforeAll(async () => {
    app = await createTestApp('payments');
    await seedDemoCatalog({ corpId: app.config.wecom.corpId, catalog: new CatalogRepository(app.connection), assets: app.services.assets });
    const code = app.sandbox.miniProgram.issueLoginCode(app.config.miniProgram.appId, 'o_demo_wang');
    token = (await request(app.callback).post('/api/auth/miniprogram/login').send({ code })).body.token;
    const product = (await request(app.callback).get('/api/catalog/products')).body.items[0];
    serum = { productId: product.id, skuId: product.skus[0].id };
  });
  afterAll(() => app.close());

  it('is paid once WeChat Pay’s signed notification arrives, not when the phone says ok', async () => {
    const order = await placeOrder();
    expect(order).toMatchObject({ status: 'pending', totalFen: 39_900 });
    const { payParams } = (await asCustomer().post(`/api/orders/${order.orderNo}/payment`)).body;
    expect(payParams).toMatchObject({ appId: app.config.miniProgram.appId, signType: 'RSA' });
    expect(payParams.package).toMatch(/^prepay_id=/);

    const cancelled = await pay(payParams, { cancel: true });
    expect(cancelled.errMsg).toBe('requestPayment:fail cancel');
    expect((await asCustomer().get(`/api/orders/${order.orderNo}`)).body.order.status).toBe('pending');

    expect((await pay(payParams)).errMsg).toBe('requestPayment:ok');
    const paid = await eventually(async () => {
      const current = (await asCustomer().get(`/api/orders/${order.orderNo}`)).body.order;
      return current.status === 'paid' && current;
    });
    expect(paid.history.map((step: { to: string; by: string }) => [step.to, step.by])).toEqual([
      ['pending', 'customer'],
      ['paid', 'wechatpay'],
    ]);
  });

  it('refuses a signature probe and a forged notification, and changes nothing', async () => {
    const order = await placeOrder();
    await asCustomer().post(`/api/orders/${order.orderNo}/payment`);
    await app.sandbox.wechatPay.sendSignatureProbe(order.orderNo);
    const forged = await request(app.callback)
      .post('/api/wechatpay/notify')
      .set({ 'content-type': 'application/json', 'wechatpay-timestamp': String(Math.floor(Date.now() / 1000)), 'wechatpay-nonce': 'n', 'wechatpay-serial': 'PUB_KEY_ID_01190000010920261125000000000001', 'wechatpay-signature': 'Zm9yZ2Vk' })
      .send(JSON.stringify({ id: 'x', event_type: 'TRANSACTION.SUCCESS', resource: {} }));
    expect(forged.status).toBe(403);
    expect((await asCustomer().get(`/api/orders/${order.orderNo}`)).body.order.status).toBe('pending');
  });

  it('holds a payment whose amount differs from the order for review instead of marking it paid', async () => {
    const order = await placeOrder();
    await asCustomer().post(`/api/orders/${order.orderNo}/payment`);
    const completed = app.sandbox.wechatPay.completePayment(order.orderNo, { outcome: 'success', paidFen: 1 });
    if (completed.outcome === 'success') await completed.notification;
    const held = await eventually(async () => {
      const current = (await asCustomer().get(`/api/orders/${order.orderNo}`)).body.order;
      return current.paymentIssue && current;
    });
    expect(held).toMatchObject({ status: 'pending', paymentIssue: '支付金额 1 分与订单金额 39900 分不符' });
  });

  it('finds a payment whose notification was lost by asking WeChat Pay', async () => {
    const order = await placeOrder();
    await asCustomer().post(`/api/orders/${order.orderNo}/payment`);
    app.sandbox.wechatPay.useNotificationTransport(async () => 500);
    app.sandbox.wechatPay.completePayment(order.orderNo, { outcome: 'success' });
    expect(await app.services.orders.reconcilePending(0)).toBeGreaterThanOrEqual(1);
    expect((await asCustomer().get(`/api/orders/${order.orderNo}`)).body.order.status).toBe('paid');
    app.sandbox.wechatPay.useNotificationTransport(notificationsInto(app.koa.callback()));
  });

  it('moves a first-time buyer to 成交 and tags them 已购 on their salesperson’s relationship', async () => {
    await app.services.staff.syncDirectory();
    await app.services.tagLibrary.syncFromWeCom();
    await app.services.contactSync.fullSync();
    const code = app.sandbox.miniProgram.issueLoginCode(app.config.miniProgram.appId, 'o_demo_sun');
    const sun = (await request(app.callback).post('/api/auth/miniprogram/login').send({ code })).body.token as string;
    const order = (await request(app.callback).post('/api/orders').set('authorization', `Bearer ${sun}`).send({ requestId: 'sun-order-0001', items: [{ ...serum, quantity: 1 }] })).body.order;
    expect(order.salespersonUserid).toBe('lilei');
    const { payParams } = (await request(app.callback).post(`/api/orders/${order.orderNo}/payment`).set('authorization', `Bearer ${sun}`)).body;
    expect((await pay(payParams)).errMsg).toBe('requestPayment:ok');

    const lilei = sessionCookie((await completeStaffOAuth(app, 'lilei')).callback);
    await eventually(async () => (await request(app.callback).get('/api/customers/by-external-userid/wm_demo_sun').set('cookie', lilei)).body.stage === 'won');
    const tagNames = await eventually(async () => {
      const view = (await request(app.callback).get('/api/customers/by-external-userid/wm_demo_sun').set('cookie', lilei)).body;
      const names = view.tags.map((tag: { name: string }) => tag.name) as string[];
      // Adding 已购 and removing 未购 are two writes to the follow: wait for both.
      return names.includes('已购') && !names.includes('未购') && names;
    });
    expect(tagNames).toContain('已购');
    expect(tagNames).not.toContain('未购');
    const timeline = (await request(app.callback).get('/api/customers/by-external-userid/wm_demo_sun').set('cookie', lilei)).body.timeline as { summary: string }[];
    expect(timeline.slice(0, 3).map((entry) => entry.summary)).toEqual(['李雷 添加标签 已购；移除标签 未购', '系统 将阶段从 新客户 改为 成交（首单支付）', '客户支付了订单 ¥399.00：精华护肤套装×1']);
  });

  it('lists orders in the console by scope, and lets an admin mark a paid order fulfilled once', async () => {
    const admin = sessionCookie((await completeStaffOAuth(app, 'chenjing')).callback);
    const salesperson = sessionCookie((await completeStaffOAuth(app, 'hanmeimei')).callback);
    expect((await request(app.callback).get('/api/admin/orders').set('cookie', salesperson)).status).toBe(403);
    const paid = await request(app.callback).get('/api/admin/orders').query({ status: 'paid' }).set('cookie', admin);
    expect(paid.body.total).toBeGreaterThanOrEqual(1);
    const sunOrder = paid.body.orders.find((order: { customerName: string }) => order.customerName === '孙强');
    expect(sunOrder).toMatchObject({ status: 'paid', salespersonName: '李雷', totalFen: 39_900 });

    const fulfilled = await request(app.callback).post(`/api/admin/orders/${sunOrder.orderNo}/fulfil`).set('cookie', admin).send({ note: '顺丰已发出' });
    expect(fulfilled.body.order.history.at(-1)).toMatchObject({ from: 'paid', to: 'fulfilled', by: 'chenjing', reason: '顺丰已发出' });
    const again = await request(app.callback).post(`/api/admin/orders/${sunOrder.orderNo}/fulfil`).set('cookie', admin).send({});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('订单已完成');
  });
});
