import { z } from 'zod';
import { RequestId } from '../timeline';

export const OrderStatus = z.enum(['pending', 'paid', 'fulfilled', 'closed', 'refunded']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: '待支付',
  paid: '已支付',
  fulfilled: '已完成',
  closed: '已关闭',
  refunded: '已退款',
};

const ObjectIdString = z.string().regex(/^[a-f0-9]{24}$/, 'ID 格式不正确');

export const OrderLineRequest = z.strictObject({
  productId: ObjectIdString,
  skuId: ObjectIdString,
  quantity: z.number().int().min(1, '数量至少为 1').max(99, '单个商品最多 99 件'),
});
export type OrderLineRequest = z.infer<typeof OrderLineRequest>;

/** The customer's own checkout in the mini-program. */
export const PlaceOrderRequest = z.strictObject({
  requestId: RequestId,
  items: z.array(OrderLineRequest).min(1, '请选择商品').max(20, '一单最多 20 种商品'),
});
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequest>;

/** 代客下单: a salesperson orders for the open customer, with an optional discount within the admin's limit. */
export const PlaceOrderForCustomerRequest = z.strictObject({
  requestId: RequestId,
  items: z.array(OrderLineRequest).min(1, '请选择商品').max(20, '一单最多 20 种商品'),
  discountFen: z.number().int().min(0, '优惠不能为负').default(0),
  note: z.string().trim().max(200).default(''),
});
export type PlaceOrderForCustomerRequest = z.input<typeof PlaceOrderForCustomerRequest>;

export const OrderLine = z.object({
  productId: z.string(),
  skuId: z.string(),
  name: z.string(),
  skuName: z.string(),
  priceFen: z.number().int(),
  quantity: z.number().int(),
  amountFen: z.number().int(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const OrderTransition = z.object({ from: OrderStatus.nullable(), to: OrderStatus, at: z.iso.datetime(), by: z.string(), reason: z.string() });

export const OrderView = z
  .object({
    orderNo: z.string(),
    status: OrderStatus,
    items: z.array(OrderLine),
    subtotalFen: z.number().int(),
    discountFen: z.number().int(),
    totalFen: z.number().int(),
    refundedFen: z.number().int(),
    createdBy: z.object({ kind: z.enum(['customer', 'salesperson']), userid: z.string().optional(), name: z.string().optional() }),
    salespersonUserid: z.string().optional(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    paidAt: z.iso.datetime().optional(),
    /** Set when a payment did not match the order (amount, app or merchant): held for review, not marked paid. */
    paymentIssue: z.string().optional(),
    history: z.array(OrderTransition),
  })
  .meta({ id: 'Order' });
export type OrderView = z.infer<typeof OrderView>;

export const OrderResponse = z.object({ order: OrderView }).meta({ id: 'OrderResponse' });
export type OrderResponse = z.infer<typeof OrderResponse>;
export const OrderListResponse = z.object({ orders: z.array(OrderView) }).meta({ id: 'OrderListResponse' });
export type OrderListResponse = z.infer<typeof OrderListResponse>;
export const OrderNoParams = z.strictObject({ orderNo: z.string().regex(/^ZK[0-9A-Za-z]{10,30}$/, '订单号格式不正确') });

/** What `Taro.requestPayment` takes, built and signed by the server. */
export const PaymentParamsResponse = z
  .object({ orderNo: z.string(), payParams: z.object({ appId: z.string(), timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.literal('RSA'), paySign: z.string() }) })
  .meta({ id: 'PaymentParamsResponse' });
export type PaymentParamsResponse = z.infer<typeof PaymentParamsResponse>;

export const RefundOrderRequest = z.strictObject({
  requestId: RequestId,
  amountFen: z.number().int().min(1, '退款金额至少 1 分'),
  reason: z.string().trim().min(1, '请填写退款原因').max(80, '退款原因最多 80 字'),
});
export type RefundOrderRequest = z.infer<typeof RefundOrderRequest>;

/** The customer 360's order card. */
export const CustomerOrdersSummary = z.object({
  orders: z.array(OrderView),
  /** Paid minus refunded, over all paid orders. */
  lifetimeValueFen: z.number().int(),
  paidOrders: z.number().int(),
});
export type CustomerOrdersSummary = z.infer<typeof CustomerOrdersSummary>;

/** Console: an order with who it is for and who sold it. */
export const AdminOrderView = OrderView.extend({ customerName: z.string(), salespersonName: z.string().optional() }).meta({ id: 'AdminOrder' });
export type AdminOrderView = z.infer<typeof AdminOrderView>;

export const AdminOrdersQuery = z.strictObject({
  status: OrderStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AdminOrdersQuery = z.input<typeof AdminOrdersQuery>;

export const AdminOrderListResponse = z.object({ orders: z.array(AdminOrderView), total: z.number().int() }).meta({ id: 'AdminOrderListResponse' });
export type AdminOrderListResponse = z.infer<typeof AdminOrderListResponse>;

/** Marks a paid order fulfilled (shipped or handed over); the note is kept in its history. */
export const FulfilOrderRequest = z.strictObject({ note: z.string().trim().max(80).default('') });
export type FulfilOrderRequest = z.input<typeof FulfilOrderRequest>;

export const AdminOrderResponse = z.object({ order: AdminOrderView }).meta({ id: 'AdminOrderResponse' });
export type AdminOrderResponse = z.infer<typeof AdminOrderResponse>;
