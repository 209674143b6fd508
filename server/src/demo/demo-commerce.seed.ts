import type { ComposedServices } from '../compose';
import type { Sandbox } from '../integrations/sandbox/sandbox';
import type { StaffPrincipal } from '../platform/http/principal';

/**
 * The demo's sales history, made through the real flows so every number agrees: 李雷 sent 王小明 a script
 * he opened, 王小明 bought and paid through the sandbox WeChat Pay, 孙强 has a 代客下单 order waiting for
 * payment, and the store has a channel code. Seeded once (a demo that already has orders is left alone).
 */
export async function seedDemoCommerce(services: ComposedServices, sandbox: Sandbox, corpId: string): Promise<{ orders: number; sends: number; channels: number }> {
  const lilei: StaffPrincipal = { kind: 'staff', sessionId: 'demo-seed', staffId: 'demo-seed', corpId, userid: 'lilei', role: 'salesperson' };
  const wang = await services.customers.observe({ openid: 'o_demo_wang', unionid: 'u_demo_wang', source: '演示数据（模拟小程序登录）' });
  if ((await services.orders.myOrders(wang.id)).length > 0) return { orders: 0, sends: 0, channels: 0 };

  // A script sent and opened.
  const link = (await services.scripts.listSendable(lilei)).find((script) => script.content.type === 'link');
  let sends = 0;
  if (link) {
    const prepared = await services.contentSending.prepare(lilei, { requestId: 'demo-seed-send-0001', externalUserId: 'wm_demo_wang', content: { kind: 'script', scriptId: link.id } });
    await services.contentSending.reportOutcome(lilei, prepared.sendId, { outcome: 'sent' });
    if (prepared.message.msgtype === 'news') await services.contentEngagement.openLink(new URL(prepared.message.news.link).pathname.split('/').pop()!, { ip: '203.0.113.7', userAgent: 'WeChat demo' });
    sends += 1;
  }

  // 王小明 buys the serum set and pays; the payment is confirmed by asking WeChat Pay, as reconciliation does.
  const [serum] = await services.catalog.listProducts();
  const sku = serum?.skus?.[0];
  if (!serum || !sku) return { orders: 0, sends, channels: 0 };
  const paid = await services.orders.placeByCustomer(wang.id, { requestId: 'demo-seed-order-0001', items: [{ productId: serum.id, skuId: sku.id, quantity: 1 }] });
  await services.orders.paymentParams(wang.id, paid.orderNo);
  sandbox.wechatPay.completePayment(paid.orderNo, { outcome: 'success' });
  await services.orders.reconcilePending(0);

  // 孙强: a 代客下单 order from 李雷, sent and not yet paid.
  await services.orders.placeForCustomer(lilei, 'wm_demo_sun', { requestId: 'demo-seed-order-0002', items: [{ productId: serum.id, skuId: sku.id, quantity: 2 }], discountFen: 3_000, note: '老客户优惠' });

  // An event's channel code.
  await services.channels.admin.create(
    { corpId, userid: 'chenjing' },
    { name: '秋季展会活码', group: '活动', assignment: { mode: 'single', userid: 'lilei' }, skipVerify: true, tagIds: ['et_source_event'], welcome: { text: '{{客户称呼}}您好，感谢来到知客展位！我是您的顾问{{销售姓名}}，展会专享价随时找我。', attachments: [] } },
  );
  return { orders: 2, sends, channels: 1 };
}
