import type { WeChatPayRefund, WeChatPayTransaction } from '../../integrations/wechatpay';
import { ensureIndexes } from '../../platform/db/database';
import type { StaffPrincipal } from '../../platform/http/principal';
import { AssetRepository, AssetService } from '../../modules/assets';
import { CatalogRepository, CatalogService } from '../../modules/catalog';
import { CustomerRepository, CustomerService, type CustomerRecord } from '../../modules/customers';
import { OrderRepository } from '../../modules/orders';
import { TimelineRepository } from '../../modules/timeline';
import { openTestDatabase } from '../../testing/test-database';
import { OrdersFlow } from './orders.flow';

const MINUTE = 60_000;
const lilei: StaffPrincipal = { kind: 'staff', sessionId: 's', staffId: 'st', corpId: 'ww1', userid: 'lilei', role: 'salesperson' };

/** WeChat Pay as the flow sees it: records calls, answers what the test sets. */
function fakeWeChatPay() {
  return {
    created: [] as { outTradeNo: string; amountFen: number; openid: string }[],
    closed: [] as string[],
    tradeStates: new Map<string, WeChatPayTransaction['tradeState']>(),
    refundAnswer: 'SUCCESS' as WeChatPayRefund['status'],
    async createJsapiOrder(input: { outTradeNo: string; amountFen: number; openid: string }) {
      this.created.push({ outTradeNo: input.outTradeNo, amountFen: input.amountFen, openid: input.openid });
      return { prepayId: `wx_prepay_${input.outTradeNo}`, payParams: { appId: 'wxapp', timeStamp: '1', nonceStr: 'n', package: `prepay_id=wx_prepay_${input.outTradeNo}`, signType: 'RSA' as const, paySign: 'sig' } };
    },
    async queryOrder(outTradeNo: string) {
      const state = this.tradeStates.get(outTradeNo);
      return state ? transaction(outTradeNo, 0, state) : null;
    },
    async closeOrder(outTradeNo: string) {
      this.closed.push(outTradeNo);
    },
    async refund(input: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number }): Promise<WeChatPayRefund> {
      return { outRefundNo: input.outRefundNo, refundId: `rf_${input.outRefundNo}`, outTradeNo: input.outTradeNo, status: this.refundAnswer, refundFen: input.refundFen, totalFen: input.totalFen };
    },
  };
}

function transaction(outTradeNo: string, amountTotalFen: number, tradeState: WeChatPayTransaction['tradeState'] = 'SUCCESS'): WeChatPayTransaction {
  return { appid: 'wxapp', mchid: '1900000109', outTradeNo, transactionId: `tx_${outTradeNo}`, tradeState, amountTotalFen, successTime: new Date('2026-11-25T04:10:00Z') };
}

describe('orders: placing, paying exactly once, closing and refunding', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let flow: OrdersFlow;
  let pay: ReturnType<typeof fakeWeChatPay>;
  let catalog: CatalogRepository;
  let customers: CustomerRepository;
  let timeline: TimelineRepository;
  let wang: CustomerRecord;
  let now: Date;
  const credited: { orderId: string; amountFen: number }[] = [];
  const refundsCredited: { orderId: string; amountFen: number }[] = [];
  const sku: Record<string, string> = {};
  const product: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase('orders');
    catalog = new CatalogRepository(database.connection);
    customers = new CustomerRepository(database.connection);
    timeline = new TimelineRepository(database.connection);
    now = new Date('2026-11-25T04:00:00Z');
    const at = new Date('2026-11-01T00:00:00Z');
    for (const [key, name, priceFen, stock] of [['serum', '精华护肤套装', 39_900, 10], ['mask', '水润保湿面膜', 12_900, 1]] as const) {
      product[key] = (await catalog.createProduct({ corpId: 'ww1', name, subtitle: '', coverAssetId: 'x', imageAssetIds: [], priceFen, badges: [], description: [], onSale: true, featuredRank: 0, createdAt: at, updatedAt: at })).id;
      sku[key] = (await catalog.createSku({ corpId: 'ww1', productId: product[key]!, name: '标准装', priceFen, stock, onSale: true })).id;
    }
    wang = await new CustomerService(customers).observe({ openid: 'o_wang', externalUserId: 'wm_wang', displayName: '王小明', source: 'test' });
    pay = fakeWeChatPay();
    flow = new OrdersFlow({
      settings: { corpId: 'ww1', miniProgramAppId: 'wxapp', mchId: '1900000109', notifyUrl: 'https://zhike.example/api/wechatpay/notify', refundNotifyUrl: 'https://zhike.example/api/wechatpay/notify', paymentTimeoutMinutes: 30, maxDiscountPercent: 10, stageOnFirstPaid: 'won', stageOnRepeatPaid: 'repeat' },
      orders: new OrderRepository(database.connection),
      catalog: new CatalogService('ww1', catalog, new AssetService(new AssetRepository(database.connection), 'https://zhike.example')),
      customers,
      follows: { listForCustomer: async () => [] },
      access: { visibleCustomer: async () => ({ customer: (await customers.findById(wang.id))!, follows: [] }) },
      staff: { directory: async () => new Map(), visibleFollowers: async () => 'all' as const },
      pay,
      timeline,
      stageOrder: async () => ['new', 'contacted', 'interested', 'won', 'repeat'],
      creditOrder: async (order) => {
        credited.push({ orderId: order.orderId, amountFen: order.amountFen });
        return undefined;
      },
      creditRefund: async (refund) => void refundsCredited.push({ orderId: refund.orderId, amountFen: refund.amountFen }),
      now: () => now,
    });
    // After every repository exists: the unique indexes are what make retries idempotent.
    await ensureIndexes(database.connection);
  });
  afterAll(() => database.drop());

  const stockOf = async (key: string) => (await catalog.findSku('ww1', sku[key]!))!.stock;
  const kinds = async () => (await timeline.latestForCustomer(wang.id, 20)).map((entry) => entry.kind);

  it('prices from the catalogue, takes stock once per request, and refuses what is not in stock', async () => {
    const order = await flow.placeByCustomer(wang.id, { requestId: 'order-req-0001', items: [{ productId: product.serum!, skuId: sku.serum!, quantity: 2 }] });
    expect(order).toMatchObject({ status: 'pending', subtotalFen: 79_800, discountFen: 0, totalFen: 79_800, expiresAt: '2026-11-25T04:30:00.000Z' });
    expect(order.orderNo).toMatch(/^ZK20261125120000[0-9A-Z]{6}$/);
    const again = await flow.placeByCustomer(wang.id, { requestId: 'order-req-0001', items: [{ productId: product.serum!, skuId: sku.serum!, quantity: 2 }] });
    expect(again.orderNo).toBe(order.orderNo);
    expect(await stockOf('serum')).toBe(8);

    await expect(
      flow.placeByCustomer(wang.id, { requestId: 'order-req-0002', items: [{ productId: product.serum!, skuId: sku.serum!, quantity: 1 }, { productId: product.mask!, skuId: sku.mask!, quantity: 2 }] }),
    ).rejects.toMatchObject({
      status: 409,
      message: '库存不足：水润保湿面膜（标准装）',
      details: [{ field: 'body.items.1.quantity', issue: '水润保湿面膜（标准装）库存不足，请减少数量或换个规格' }],
    });
    expect([await stockOf('serum'), await stockOf('mask')]).toEqual([8, 1]);
  });

  it('caps 代客下单 discounts at the admin’s share of the subtotal', async () => {
    await expect(flow.placeForCustomer(lilei, 'wm_wang', { requestId: 'order-req-0003', items: [{ productId: product.serum!, skuId: sku.serum!, quantity: 1 }], discountFen: 4_000, note: '' })).rejects.toMatchObject({
      status: 400,
      details: [{ field: 'body.discountFen', issue: '最多 3990 分' }],
    });
    const { order, message } = await flow.placeForCustomer(lilei, 'wm_wang', { requestId: 'order-req-0004', items: [{ productId: product.serum!, skuId: sku.serum!, quantity: 1 }], discountFen: 3_990, note: '老客户' });
    expect(order).toMatchObject({ totalFen: 35_910, createdBy: { kind: 'salesperson', userid: 'lilei' }, salespersonUserid: 'lilei' });
    expect(message).toMatchObject({ msgtype: 'miniprogram', miniprogram: { page: `pages/orders/pay.html?orderNo=${order.orderNo}` } });
  });

  it('marks an order paid once for a matching payment, moves the customer to 成交, and flags a mismatch instead', async () => {
    const [order] = (await flow.myOrders(wang.id)).filter((o) => o.totalFen === 79_800);
    const params = await flow.paymentParams(wang.id, order!.orderNo);
    expect(params.payParams.package).toBe(`prepay_id=wx_prepay_${order!.orderNo}`);
    expect(pay.created.at(-1)).toEqual({ outTradeNo: order!.orderNo, amountFen: 79_800, openid: 'o_wang' });

    await flow.applyPayment(transaction(order!.orderNo, 79_900), 'wechatpay');
    expect(await flow.myOrder(wang.id, order!.orderNo)).toMatchObject({ status: 'pending', paymentIssue: '支付金额 79900 分与订单金额 79800 分不符' });

    await flow.applyPayment(transaction(order!.orderNo, 79_800), 'wechatpay');
    await flow.applyPayment(transaction(order!.orderNo, 79_800), 'wechatpay');
    const paid = await flow.myOrder(wang.id, order!.orderNo);
    expect(paid.status).toBe('paid');
    expect(paid.history.map((step) => [step.from, step.to, step.by])).toEqual([
      [null, 'pending', 'customer'],
      ['pending', 'paid', 'wechatpay'],
    ]);
    expect((await customers.findById(wang.id))!.stage).toBe('won');
    expect(credited).toEqual([{ orderId: order!.orderNo, amountFen: 79_800 }]);
    expect((await kinds()).slice(0, 2).sort()).toEqual(['order_paid', 'stage_changed']);
  });

  it('closes an unpaid order when its time is up, at WeChat Pay first, and gives its stock back once', async () => {
    const discounted = (await flow.myOrders(wang.id)).find((o) => o.totalFen === 35_910)!;
    await flow.paymentParams(wang.id, discounted.orderNo);
    pay.tradeStates.set(discounted.orderNo, 'NOTPAY');
    expect(await stockOf('serum')).toBe(7);
    now = new Date(now.getTime() + 31 * MINUTE);
    expect(await flow.closeExpired()).toBe(1);
    expect(await flow.closeExpired()).toBe(0);
    expect(pay.closed).toEqual([discounted.orderNo]);
    expect(await stockOf('serum')).toBe(8);
    await expect(flow.paymentParams(wang.id, discounted.orderNo)).rejects.toMatchObject({ status: 409, message: '订单已关闭，请重新下单' });

    // The customer had paid just before the close reached WeChat: the late notification still counts.
    await flow.applyPayment(transaction(discounted.orderNo, 35_910), 'wechatpay');
    expect((await flow.myOrder(wang.id, discounted.orderNo)).status).toBe('paid');
    expect(await stockOf('serum')).toBe(7);
    expect((await customers.findById(wang.id))!.stage).toBe('repeat');
  });

  it('refunds partly, refuses more than is left, and a full refund ends the order as refunded', async () => {
    const order = (await flow.myOrders(wang.id)).find((o) => o.totalFen === 79_800)!;
    const admin: StaffPrincipal = { ...lilei, userid: 'chenjing', role: 'admin' };
    const partly = await flow.refund(admin, order.orderNo, { requestId: 'refund-req-01', amountFen: 10_000, reason: '少发一支' });
    expect(partly).toMatchObject({ status: 'paid', refundedFen: 10_000 });
    expect((await flow.refund(admin, order.orderNo, { requestId: 'refund-req-01', amountFen: 10_000, reason: '少发一支' })).refundedFen).toBe(10_000);
    await expect(flow.refund(admin, order.orderNo, { requestId: 'refund-req-02', amountFen: 70_000, reason: '退货' })).rejects.toMatchObject({ status: 400, details: [{ field: 'body.amountFen', issue: '最多 69800 分' }] });
    const full = await flow.refund(admin, order.orderNo, { requestId: 'refund-req-03', amountFen: 69_800, reason: '退货' });
    expect(full).toMatchObject({ status: 'refunded', refundedFen: 79_800 });
    expect(refundsCredited).toEqual([
      { orderId: order.orderNo, amountFen: 10_000 },
      { orderId: order.orderNo, amountFen: 69_800 },
    ]);
  });

  it('never oversells: twenty customers racing for the last five pieces get exactly five orders', async () => {
    const limited = (await catalog.createSku({ corpId: 'ww1', productId: product.mask!, name: '限量装', priceFen: 9_900, stock: 5, onSale: true })).id;
    const racers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => new CustomerService(customers).observe({ openid: `o_racer_${index}`, displayName: `顾客${index}`, source: 'test' })),
    );
    const outcomes = await Promise.allSettled(
      racers.map((racer, index) => flow.placeByCustomer(racer.id, { requestId: `race-order-${String(index).padStart(4, '0')}`, items: [{ productId: product.mask!, skuId: limited, quantity: 1 }] })),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason.status)).toEqual(Array(15).fill(409));
    expect((await catalog.findSku('ww1', limited))!.stock).toBe(0);
  });

  it('refuses every move the state machine does not allow, and changes nothing', async () => {
    const order = await flow.placeByCustomer(wang.id, { requestId: 'order-req-0100', items: [{ productId: product.serum!, skuId: sku.serum!, quantity: 1 }] });
    const admin: StaffPrincipal = { ...lilei, userid: 'chenjing', role: 'admin' };
    // Refunding an unpaid order.
    await expect(flow.refund(admin, order.orderNo, { requestId: 'refund-req-100', amountFen: 100, reason: '测试' })).rejects.toMatchObject({ status: 409, message: '只有已支付的订单可以退款' });
    // Paying an order that is not the caller's.
    const other = await new CustomerService(customers).observe({ openid: 'o_other', displayName: '别人', source: 'test' });
    await expect(flow.paymentParams(other.id, order.orderNo)).rejects.toMatchObject({ status: 404 });
    // A payment that is not SUCCESS never marks an order paid.
    await flow.applyPayment(transaction(order.orderNo, order.totalFen, 'NOTPAY'), 'wechatpay');
    const closedNow = new Date(now.getTime() + 31 * MINUTE);
    now = closedNow;
    await flow.closeExpired();
    const closed = await flow.myOrder(wang.id, order.orderNo);
    expect(closed.status).toBe('closed');
    // Paying a closed order.
    await expect(flow.paymentParams(wang.id, order.orderNo)).rejects.toMatchObject({ status: 409 });
    expect((await flow.myOrder(wang.id, order.orderNo)).history.map((step) => step.to)).toEqual(['pending', 'closed']);
  });
});
