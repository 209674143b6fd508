import { Schema, type Connection, type Model } from 'mongoose';
import type { OrderLine, OrderStatus } from '@zhike/shared/orders';

export interface OrderTransitionRecord {
  from: OrderStatus | null;
  to: OrderStatus;
  at: Date;
  /** 'customer', a salesperson's userid, 'wechatpay' or 'system'. */
  by: string;
  reason: string;
}

/** An order and every move it made; money in integer fen. */
export interface OrderDocument {
  corpId: string;
  /** Our out_trade_no at WeChat Pay. */
  orderNo: string;
  /** Idempotency: one order per (creator, requestId). */
  creatorKey: string;
  requestId: string;
  customerId: string;
  createdBy: { kind: 'customer' | 'salesperson'; userid?: string };
  /** Credited with the sale: the creator, else the customer's salesperson. */
  salespersonUserid?: string;
  referrerCustomerId?: string;
  /** The content that led here (a tracking token or poster scene the customer arrived with). */
  contentCredit?: { contentKind: 'script' | 'poster'; contentId: string };
  items: OrderLine[];
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  refundedFen: number;
  status: OrderStatus;
  note?: string;
  createdAt: Date;
  expiresAt: Date;
  prepayId?: string;
  paidAt?: Date;
  transactionId?: string;
  paymentIssue?: string;
  /** Stock is taken when the order is placed and given back once if it closes unpaid. */
  stockReturned?: boolean;
  history: OrderTransitionRecord[];
}

const OrderSchema = new Schema<OrderDocument>(
  {
    corpId: { type: String, required: true },
    orderNo: { type: String, required: true },
    creatorKey: { type: String, required: true },
    requestId: { type: String, required: true },
    customerId: { type: String, required: true },
    createdBy: { _id: false, kind: { type: String, required: true }, userid: String },
    salespersonUserid: String,
    referrerCustomerId: String,
    contentCredit: { _id: false, contentKind: String, contentId: String },
    items: { type: Schema.Types.Mixed, required: true },
    subtotalFen: { type: Number, required: true },
    discountFen: { type: Number, required: true },
    totalFen: { type: Number, required: true },
    refundedFen: { type: Number, default: 0 },
    status: { type: String, required: true, enum: ['pending', 'paid', 'fulfilled', 'closed', 'refunded'] },
    note: String,
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    prepayId: String,
    paidAt: Date,
    transactionId: String,
    paymentIssue: String,
    stockReturned: Boolean,
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'orders', versionKey: false, minimize: false },
);
OrderSchema.index({ orderNo: 1 }, { unique: true });
OrderSchema.index({ corpId: 1, creatorKey: 1, requestId: 1 }, { unique: true });
OrderSchema.index({ customerId: 1, createdAt: -1 });
OrderSchema.index({ status: 1, expiresAt: 1 });

/** A refund and its progress at WeChat Pay; `outRefundNo` is what makes a retried refund the same refund. */
export interface RefundDocument {
  corpId: string;
  orderNo: string;
  outRefundNo: string;
  requestId: string;
  amountFen: number;
  reason: string;
  requestedBy: string;
  status: 'processing' | 'succeeded' | 'failed';
  requestedAt: Date;
  settledAt?: Date;
}

const RefundSchema = new Schema<RefundDocument>(
  {
    corpId: { type: String, required: true },
    orderNo: { type: String, required: true },
    outRefundNo: { type: String, required: true },
    requestId: { type: String, required: true },
    amountFen: { type: Number, required: true },
    reason: { type: String, required: true },
    requestedBy: { type: String, required: true },
    status: { type: String, required: true, enum: ['processing', 'succeeded', 'failed'] },
    requestedAt: { type: Date, required: true },
    settledAt: Date,
  },
  { collection: 'refunds', versionKey: false },
);
RefundSchema.index({ outRefundNo: 1 }, { unique: true });
RefundSchema.index({ corpId: 1, orderNo: 1 });

export function orderModels(connection: Connection) {
  return {
    orders: (connection.models.Order ?? connection.model<OrderDocument>('Order', OrderSchema)) as Model<OrderDocument>,
    refunds: (connection.models.Refund ?? connection.model<RefundDocument>('Refund', RefundSchema)) as Model<RefundDocument>,
  };
}
