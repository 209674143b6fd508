import type { ChatMessage } from '@zhike/shared/content';
import type { AdminOrderView, AdminOrdersQuery, CustomerOrdersSummary, OrderView, PaymentParamsResponse, PlaceOrderForCustomerRequest, PlaceOrderRequest, RefundOrderRequest } from '@zhike/shared/orders';
import type { z } from 'zod';
import { WeChatPayApiError, type WeChatPayClient, type WeChatPayRefund, type WeChatPayTransaction } from '../../integrations/wechatpay';
import { AppError } from '../../platform/http/app-error';
import type { StaffPrincipal } from '../../platform/http/principal';
import type { CatalogService } from '../../modules/catalog';
import type { CustomerRepository } from '../../modules/customers';
import type { FollowRepository } from '../../modules/follows';
import type { OrderDocument, OrderRecord, OrderRepository } from '../../modules/orders';
import type { StaffService } from '../../modules/staff';
import type { TimelineRepository } from '../../modules/timeline';
import type { CustomerAccess } from '../customer-360';
import { newOrderNo } from './order-number';
import { priceOrder } from './order-pricing';
import { toOrderView } from './order-view';

export interface OrderSettings {
  corpId: string;
  miniProgramAppId: string;
  mchId: string;
  notifyUrl: string;
  refundNotifyUrl: string;
  /** An unpaid order closes itself after this long. */
  paymentTimeoutMinutes: number;
  /** 代客下单 discounts are capped at this share of the subtotal. */
  maxDiscountPercent: number;
  /** Stage rules: where the first paid order, and any later one, moves the customer (forward only). */
  stageOnFirstPaid: string;
  stageOnRepeatPaid: string;
}

export interface OrdersDeps {
  settings: OrderSettings;
  orders: OrderRepository;
  catalog: Pick<CatalogService, 'forPricing' | 'takeStock' | 'returnStock'>;
  customers: Pick<CustomerRepository, 'findById' | 'findByIds' | 'changeStage'>;
  follows: Pick<FollowRepository, 'listForCustomer'>;
  access: Pick<CustomerAccess, 'visibleCustomer'>;
  staff: Pick<StaffService, 'directory' | 'visibleFollowers'>;
  pay: Pick<WeChatPayClient, 'createJsapiOrder' | 'queryOrder' | 'closeOrder' | 'refund'>;
  timeline: Pick<TimelineRepository, 'record'>;
  /** Pipeline order of stage keys, to move customers forward only. */
  stageOrder(): Promise<string[]>;
  /** Credits the content the customer last touched (content attribution), and takes refunds back from it. */
  creditOrder(order: { orderId: string; customerId: string; amountFen: number }): Promise<OrderDocument['contentCredit'] | undefined>;
  creditRefund(refund: { orderId: string; refundId: string; amountFen: number }): Promise<void>;
  /** Credits the acquisition channel that first brought the customer (渠道活码 statistics). */
  creditChannel?(order: { orderId: string; customerId: string; amountFen: number }): Promise<unknown>;
  /** Who referred the customer (the referral record), credited on every order. */
  referrerOf?(customerId: string): Promise<string | undefined>;
  /** Tag rule on payment (已购), when configured. */
  tagOnPaid?(order: { orderNo: string; customerId: string; salespersonUserid?: string }): Promise<void>;
  /**
   * The product's cover address for the 代客下单 card (`CatalogService.coverUrlOf`): WeCom refuses a
   * mini-program card without an http(s) imgUrl. Optional until composition wires it.
   */
  productCoverUrl?(productId: string): Promise<string>;
  now?: () => Date;
}

/**
 * Orders from both sides — the customer's checkout and 代客下单 — and the money: payment parameters,
 * WeChat Pay notifications applied exactly once, timeouts, reconciliation and refunds.
 */
export class OrdersFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: OrdersDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async placeByCustomer(customerId: string, request: PlaceOrderRequest): Promise<OrderView> {
    const salesperson = await this.ownerOf(customerId);
    return this.place({ customerId, creatorKey: `customer:${customerId}`, createdBy: { kind: 'customer' }, salespersonUserid: salesperson, requestId: request.requestId, lines: request.items, discountFen: 0, note: '' });
  }

  /** 代客下单: an order for a customer the salesperson may see, and the mini-program card that opens its pay page. */
  async placeForCustomer(viewer: StaffPrincipal, externalUserId: string, request: z.output<typeof PlaceOrderForCustomerRequest>): Promise<{ order: OrderView; message: ChatMessage }> {
    const { customer } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    const order = await this.place({
      customerId: customer.id,
      creatorKey: `staff:${viewer.userid}`,
      createdBy: { kind: 'salesperson', userid: viewer.userid },
      salespersonUserid: viewer.userid,
      requestId: request.requestId,
      lines: request.items,
      discountFen: request.discountFen,
      note: request.note,
    });
    const first = order.items[0]!;
    return {
      order,
      message: {
        msgtype: 'miniprogram',
        miniprogram: {
          appid: this.deps.settings.miniProgramAppId,
          title: `您的专属订单：${first.name}${order.items.length > 1 ? ` 等 ${order.items.length} 件` : ''}，¥${(order.totalFen / 100).toFixed(2)}`,
          imgUrl: (await this.deps.productCoverUrl?.(first.productId)) ?? '',
          page: `pages/orders/pay.html?orderNo=${order.orderNo}`,
        },
      },
    };
  }

  private async place(input: {
    customerId: string;
    creatorKey: string;
    createdBy: { kind: 'customer' | 'salesperson'; userid?: string };
    salespersonUserid?: string;
    requestId: string;
    lines: PlaceOrderRequest['items'];
    discountFen: number;
    note: string;
  }): Promise<OrderView> {
    const catalogue = await this.deps.catalog.forPricing(input.lines.map((line) => line.productId));
    const priced = priceOrder(input.lines, catalogue, { fen: input.discountFen, maxPercent: input.createdBy.kind === 'salesperson' ? this.deps.settings.maxDiscountPercent : 0 });
    const now = this.now();
    const referrerCustomerId = await this.deps.referrerOf?.(input.customerId);
    const { order, created } = await this.deps.orders.create({
      corpId: this.deps.settings.corpId,
      orderNo: newOrderNo(now),
      creatorKey: input.creatorKey,
      requestId: input.requestId,
      customerId: input.customerId,
      createdBy: input.createdBy,
      ...(input.salespersonUserid ? { salespersonUserid: input.salespersonUserid } : {}),
      ...(referrerCustomerId ? { referrerCustomerId } : {}),
      ...priced,
      refundedFen: 0,
      status: 'pending',
      ...(input.note ? { note: input.note } : {}),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.deps.settings.paymentTimeoutMinutes * 60_000),
      history: [{ from: null, to: 'pending', at: now, by: input.createdBy.userid ?? 'customer', reason: input.createdBy.kind === 'salesperson' ? '代客下单' : '顾客下单' }],
    });
    if (created) await this.reserveStock(order);
    return this.view(order);
  }

  /** Takes stock line by line; if a line is short, gives back what was taken and closes the order. */
  private async reserveStock(order: OrderRecord): Promise<void> {
    const taken: OrderRecord['items'] = [];
    // Lines keep the request's order (priceOrder), so the index names the line the buyer has to change.
    for (const [index, item] of order.items.entries()) {
      if (await this.deps.catalog.takeStock(item.skuId, item.quantity)) {
        taken.push(item);
        continue;
      }
      for (const done of taken) await this.deps.catalog.returnStock(done.skuId, done.quantity);
      await this.deps.orders.update(order.orderNo, { stockReturned: true });
      await this.deps.orders.transition(order.orderNo, 'pending', { to: 'closed', at: this.now(), by: 'system', reason: `库存不足：${item.name} ${item.skuName}` });
      throw new AppError('CONFLICT', `库存不足：${item.name}（${item.skuName}）`, [{ field: `body.items.${index}.quantity`, issue: `${item.name}（${item.skuName}）库存不足，请减少数量或换个规格` }]);
    }
  }

  /** The signed parameters for `Taro.requestPayment`; WeChat answers the same prepay id for the same order. */
  async paymentParams(customerId: string, orderNo: string): Promise<PaymentParamsResponse> {
    const order = await this.deps.orders.findByOrderNo(orderNo);
    if (!order || order.customerId !== customerId) throw new AppError('NOT_FOUND', '订单不存在');
    if (order.status !== 'pending') throw new AppError('CONFLICT', order.status === 'closed' ? '订单已关闭，请重新下单' : '订单已支付');
    if (order.expiresAt <= this.now()) throw new AppError('CONFLICT', '订单已超时，请重新下单');
    const customer = await this.deps.customers.findById(customerId);
    const openid = customer?.identifiers.openid;
    if (!openid) throw new AppError('CONFLICT', '请在小程序中登录后支付');
    const { prepayId, payParams } = await this.deps.pay.createJsapiOrder({
      outTradeNo: order.orderNo,
      description: order.items.map((item) => item.name).join('、').slice(0, 120),
      amountFen: order.totalFen,
      openid,
      notifyUrl: this.deps.settings.notifyUrl,
      expiresAt: order.expiresAt,
    });
    if (order.prepayId !== prepayId) await this.deps.orders.update(order.orderNo, { prepayId });
    return { orderNo: order.orderNo, payParams };
  }

  /**
   * Applies a verified payment (from a notification or a query) exactly once: the amount, app and merchant
   * must match the order, or the order is flagged instead of marked paid.
   */
  async applyPayment(transaction: WeChatPayTransaction, by: 'wechatpay' | 'reconciliation'): Promise<void> {
    if (transaction.tradeState !== 'SUCCESS') return;
    const order = await this.deps.orders.findByOrderNo(transaction.outTradeNo);
    if (!order) throw new AppError('NOT_FOUND', `未知订单 ${transaction.outTradeNo}`);
    if (order.status === 'paid' || order.status === 'fulfilled' || order.status === 'refunded') return;
    const mismatch =
      transaction.amountTotalFen !== order.totalFen
        ? `支付金额 ${transaction.amountTotalFen} 分与订单金额 ${order.totalFen} 分不符`
        : transaction.appid !== this.deps.settings.miniProgramAppId || transaction.mchid !== this.deps.settings.mchId
          ? '支付的小程序或商户号与订单不符'
          : undefined;
    if (mismatch) {
      await this.deps.orders.update(order.orderNo, { paymentIssue: mismatch, ...(transaction.transactionId ? { transactionId: transaction.transactionId } : {}) });
      return;
    }
    const paidAt = transaction.successTime ?? this.now();
    // A payment that lands after a local close still happened: the order is paid (and its stock taken again).
    const from = order.status;
    const paid = await this.deps.orders.transition(order.orderNo, from, { to: 'paid', at: this.now(), by, reason: by === 'wechatpay' ? '微信支付通知' : '查询微信支付确认' }, {
      paidAt,
      ...(transaction.transactionId ? { transactionId: transaction.transactionId } : {}),
    });
    if (!paid) return;
    if (from === 'closed' && order.stockReturned) for (const item of order.items) await this.deps.catalog.takeStock(item.skuId, item.quantity);
    await this.afterPaid(paid);
  }

  private async afterPaid(order: OrderRecord): Promise<void> {
    await this.deps.timeline.record({
      corpId: order.corpId,
      customerId: order.customerId,
      kind: 'order_paid',
      at: order.paidAt ?? this.now(),
      ...(order.salespersonUserid ? { actorUserid: order.salespersonUserid } : {}),
      data: { orderNo: order.orderNo, totalFen: order.totalFen, items: order.items.map((item) => `${item.name}×${item.quantity}`) },
      key: `order_paid:${order.orderNo}`,
    });
    await this.moveStageOnPaid(order);
    await this.deps.tagOnPaid?.(order);
    const credit = { orderId: order.orderNo, customerId: order.customerId, amountFen: order.totalFen };
    await this.deps.creditChannel?.(credit);
    const contentCredit = await this.deps.creditOrder(credit);
    if (contentCredit) await this.deps.orders.update(order.orderNo, { contentCredit });
  }

  /** First paid order → 成交, later ones → 复购 (by default), never backwards along the pipeline. */
  private async moveStageOnPaid(order: OrderRecord): Promise<void> {
    const customer = await this.deps.customers.findById(order.customerId);
    if (!customer) return;
    const paidBefore = (await this.deps.orders.listForCustomer(order.customerId)).filter((other) => other.orderNo !== order.orderNo && other.paidAt).length;
    const target = paidBefore === 0 ? this.deps.settings.stageOnFirstPaid : this.deps.settings.stageOnRepeatPaid;
    const pipeline = await this.deps.stageOrder();
    const current = customer.stage ?? pipeline[0]!;
    if (!pipeline.includes(target) || pipeline.indexOf(current) >= pipeline.indexOf(target)) return;
    if (!(await this.deps.customers.changeStage(customer.id, current, target))) return;
    await this.deps.timeline.record({
      corpId: order.corpId,
      customerId: order.customerId,
      kind: 'stage_changed',
      at: this.now(),
      data: { from: current, to: target, rule: paidBefore === 0 ? 'first_paid_order' : 'repeat_paid_order', orderNo: order.orderNo },
      key: `stage_on_paid:${order.orderNo}`,
    });
  }

  /** Closes unpaid orders whose time is up — at WeChat Pay first, so a payment in flight is not lost. */
  async closeExpired(limit = 50): Promise<number> {
    let closed = 0;
    for (const order of await this.deps.orders.listExpiredPending(this.now(), limit)) {
      if (order.prepayId) {
        const upstream = await this.deps.pay.queryOrder(order.orderNo);
        if (upstream?.tradeState === 'SUCCESS') {
          await this.applyPayment(upstream, 'reconciliation');
          continue;
        }
        if (upstream && upstream.tradeState !== 'CLOSED' && (await this.closedUpstreamOrPaid(order.orderNo)) === 'paid') continue;
      }
      const done = await this.deps.orders.transition(order.orderNo, 'pending', { to: 'closed', at: this.now(), by: 'system', reason: '超时未支付，自动关闭' });
      if (done) {
        await this.returnStockOnce(done);
        closed += 1;
      }
    }
    return closed;
  }

  /** Closes at WeChat Pay; if the customer paid in the meantime (ORDERPAID), applies that payment instead. */
  private async closedUpstreamOrPaid(orderNo: string): Promise<'closed' | 'paid'> {
    try {
      await this.deps.pay.closeOrder(orderNo);
      return 'closed';
    } catch (error) {
      if (!(error instanceof WeChatPayApiError) || error.wechatPayCode !== 'ORDERPAID') throw error;
      const paid = await this.deps.pay.queryOrder(orderNo);
      if (paid) await this.applyPayment(paid, 'reconciliation');
      return 'paid';
    }
  }

  /** Orders whose notification never came: ask WeChat Pay. */
  async reconcilePending(olderThanMinutes = 5, limit = 50): Promise<number> {
    let applied = 0;
    for (const order of await this.deps.orders.listPendingWithPrepay(new Date(this.now().getTime() - olderThanMinutes * 60_000), limit)) {
      const upstream = await this.deps.pay.queryOrder(order.orderNo);
      if (upstream?.tradeState !== 'SUCCESS') continue;
      await this.applyPayment(upstream, 'reconciliation');
      applied += 1;
    }
    return applied;
  }

  private async returnStockOnce(order: OrderRecord): Promise<void> {
    if (!(await this.deps.orders.claimStockReturn(order.orderNo))) return;
    for (const item of order.items) await this.deps.catalog.returnStock(item.skuId, item.quantity);
  }

  /** Starts a refund (partial or full) of a paid order; idempotent by requestId. */
  async refund(viewer: StaffPrincipal, orderNo: string, request: RefundOrderRequest): Promise<OrderView> {
    const order = await this.deps.orders.findByOrderNo(orderNo);
    if (!order || order.corpId !== viewer.corpId) throw new AppError('NOT_FOUND', '订单不存在');
    const outRefundNo = `${order.orderNo}R${request.requestId}`.slice(0, 64);
    const existing = await this.deps.orders.findRefund(outRefundNo);
    if (!existing) {
      if (order.status !== 'paid' && order.status !== 'fulfilled') throw new AppError('CONFLICT', '只有已支付的订单可以退款');
      const processing = (await this.deps.orders.refundsOf(orderNo)).filter((refund) => refund.status === 'processing').reduce((sum, refund) => sum + refund.amountFen, 0);
      const refundable = order.totalFen - order.refundedFen - processing;
      if (request.amountFen > refundable) throw new AppError('VALIDATION_FAILED', `最多还能退 ${(refundable / 100).toFixed(2)} 元`, [{ field: 'body.amountFen', issue: `最多 ${refundable} 分` }]);
      await this.deps.orders.createRefund({ corpId: order.corpId, orderNo, outRefundNo, requestId: request.requestId, amountFen: request.amountFen, reason: request.reason, requestedBy: viewer.userid, status: 'processing', requestedAt: this.now() });
    }
    const refund = (await this.deps.orders.findRefund(outRefundNo))!;
    const upstream = await this.deps.pay.refund({ outTradeNo: orderNo, outRefundNo, refundFen: refund.amountFen, totalFen: order.totalFen, reason: refund.reason, notifyUrl: this.deps.settings.refundNotifyUrl });
    await this.applyRefund(upstream);
    return this.view((await this.deps.orders.findByOrderNo(orderNo))!);
  }

  /** A refund's outcome (from its notification, or the refund call's answer), applied once. */
  async applyRefund(refund: WeChatPayRefund): Promise<void> {
    if (refund.status === 'PROCESSING') return;
    const settled = await this.deps.orders.settleRefund(refund.outRefundNo, refund.status === 'SUCCESS' ? 'succeeded' : 'failed', refund.successTime ?? this.now());
    if (!settled || settled.status !== 'succeeded') return;
    const order = await this.deps.orders.addRefunded(settled.orderNo, settled.amountFen);
    if (!order) return;
    await this.deps.timeline.record({
      corpId: order.corpId,
      customerId: order.customerId,
      kind: 'order_refunded',
      at: this.now(),
      actorUserid: settled.requestedBy,
      // The refund counts against the order's salesperson (the analytics), not whoever made it.
      data: { orderNo: order.orderNo, refundFen: settled.amountFen, reason: settled.reason, ...(order.salespersonUserid ? { salespersonUserid: order.salespersonUserid } : {}) },
      key: `order_refunded:${settled.outRefundNo}`,
    });
    await this.deps.creditRefund({ orderId: order.orderNo, refundId: settled.outRefundNo, amountFen: settled.amountFen });
    if (order.refundedFen >= order.totalFen) await this.deps.orders.transition(order.orderNo, order.status, { to: 'refunded', at: this.now(), by: settled.requestedBy, reason: `全额退款：${settled.reason}` });
  }

  /** Marks a paid order fulfilled (shipped, handed over); refused for any other status. */
  async fulfil(viewer: StaffPrincipal, orderNo: string, note: string): Promise<AdminOrderView> {
    const order = await this.deps.orders.findByOrderNo(orderNo);
    if (!order || order.corpId !== viewer.corpId) throw new AppError('NOT_FOUND', '订单不存在');
    const fulfilled = await this.deps.orders.transition(orderNo, 'paid', { to: 'fulfilled', at: this.now(), by: viewer.userid, reason: note || '已发货' });
    if (!fulfilled) throw new AppError('CONFLICT', order.status === 'fulfilled' ? '订单已完成' : '只有已支付的订单可以标记完成');
    return (await this.consoleViews([fulfilled]))[0]!;
  }

  /** The console's order list: a manager sees their departments' salespeople's orders, an admin all. */
  async consoleList(viewer: StaffPrincipal, query: z.output<typeof AdminOrdersQuery>): Promise<{ orders: AdminOrderView[]; total: number }> {
    const scope = await this.deps.staff.visibleFollowers(viewer);
    const { orders, total } = await this.deps.orders.listForConsole(scope === 'all' ? 'all' : [...scope], query.status, query.limit, query.offset);
    return { orders: await this.consoleViews(orders), total };
  }

  private async consoleViews(orders: OrderRecord[]): Promise<AdminOrderView[]> {
    const customers = new Map((await this.deps.customers.findByIds([...new Set(orders.map((order) => order.customerId))])).map((customer) => [customer.id, customer]));
    const userids = [...new Set(orders.flatMap((order) => [order.salespersonUserid, order.createdBy.userid].filter((id): id is string => Boolean(id))))];
    const staff = await this.deps.staff.directory(orders[0]?.corpId ?? this.deps.settings.corpId, userids);
    return orders.map((order) => ({
      ...toOrderView(order, staff),
      customerName: customers.get(order.customerId)?.displayName ?? '',
      ...(order.salespersonUserid && staff.get(order.salespersonUserid) ? { salespersonName: staff.get(order.salespersonUserid)!.name } : {}),
    }));
  }

  async myOrders(customerId: string): Promise<OrderView[]> {
    return Promise.all((await this.deps.orders.listForCustomer(customerId)).map((order) => this.view(order)));
  }

  async myOrder(customerId: string, orderNo: string): Promise<OrderView> {
    const order = await this.deps.orders.findByOrderNo(orderNo);
    if (!order || order.customerId !== customerId) throw new AppError('NOT_FOUND', '订单不存在');
    return this.view(order);
  }

  /** The 360's order card: this customer's orders and lifetime value (paid minus refunded). */
  async customerSummary(viewer: StaffPrincipal, externalUserId: string): Promise<CustomerOrdersSummary> {
    const { customer } = await this.deps.access.visibleCustomer(viewer, externalUserId);
    const orders = await this.deps.orders.listForCustomer(customer.id);
    const paid = orders.filter((order) => order.paidAt);
    return {
      orders: await Promise.all(orders.map((order) => this.view(order))),
      lifetimeValueFen: paid.reduce((sum, order) => sum + order.totalFen - order.refundedFen, 0),
      paidOrders: paid.length,
    };
  }

  /** The customer's salesperson for an order they place themselves: their earliest active relationship. */
  private async ownerOf(customerId: string): Promise<string | undefined> {
    const follows = (await this.deps.follows.listForCustomer(customerId)).filter((follow) => !follow.endedAt);
    return follows.sort((a, b) => (a.since?.getTime() ?? 0) - (b.since?.getTime() ?? 0))[0]?.userid;
  }

  private async view(order: OrderRecord): Promise<OrderView> {
    const names = await this.deps.staff.directory(order.corpId, order.createdBy.userid ? [order.createdBy.userid] : []);
    return toOrderView(order, names);
  }
}
