import type { Connection } from 'mongoose';
import type { OrderStatus } from '@zhike/shared/orders';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { orderModels, type OrderDocument, type OrderTransitionRecord, type RefundDocument } from './order.model';

export type OrderRecord = WithId<OrderDocument>;
export type RefundRecord = WithId<RefundDocument>;

export class OrderRepository {
  private readonly models: ReturnType<typeof orderModels>;

  constructor(connection: Connection) {
    this.models = orderModels(connection);
  }

  /** Creates the order once per (creator, requestId); a retry gets the first one back with `created: false`. */
  async create(order: OrderDocument): Promise<{ order: OrderRecord; created: boolean }> {
    try {
      return { order: withStringId((await this.models.orders.create(order)).toObject()), created: true };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.models.orders.findOne({ corpId: order.corpId, creatorKey: order.creatorKey, requestId: order.requestId }).lean();
      if (!existing) throw error;
      return { order: withStringId(existing), created: false };
    }
  }

  async findByOrderNo(orderNo: string): Promise<OrderRecord | null> {
    const found = await this.models.orders.findOne({ orderNo }).lean();
    return found && withStringId(found);
  }

  async listForCustomer(customerId: string, limit = 50): Promise<OrderRecord[]> {
    return (await this.models.orders.find({ customerId }).sort({ createdAt: -1 }).limit(limit).lean()).map(withStringId);
  }

  async listForCustomers(customerIds: string[]): Promise<OrderRecord[]> {
    return (await this.models.orders.find({ customerId: { $in: customerIds } }).sort({ createdAt: -1 }).lean()).map(withStringId);
  }

  /** Orders for the console, newest first: all of them, or those credited to the given salespeople. */
  async listForConsole(scope: 'all' | string[], status: OrderStatus | undefined, limit: number, offset: number): Promise<{ orders: OrderRecord[]; total: number }> {
    const filter = { ...(scope === 'all' ? {} : { salespersonUserid: { $in: scope } }), ...(status ? { status } : {}) };
    const [orders, total] = await Promise.all([this.models.orders.find(filter).sort({ createdAt: -1 }).skip(offset).limit(limit).lean(), this.models.orders.countDocuments(filter)]);
    return { orders: orders.map(withStringId), total };
  }

  /** Which of these customers have paid at least one order (referral conversion). */
  async customersWithPaidOrders(customerIds: string[]): Promise<Set<string>> {
    const paid = await this.models.orders.find({ customerId: { $in: customerIds }, paidAt: { $exists: true } }, { customerId: 1 }).lean();
    return new Set(paid.map((order) => order.customerId));
  }

  /** Orders paid in [start, end), whatever happened to them since (refunded ones included). */
  async listPaidBetween(corpId: string, start: Date, end: Date): Promise<OrderRecord[]> {
    return (await this.models.orders.find({ corpId, paidAt: { $gte: start, $lt: end } }).lean()).map(withStringId);
  }

  /** Each customer's first paid order (who first bought when, credited to whom); customers who never paid are absent. */
  async firstPaidOrders(customerIds: string[]): Promise<Map<string, OrderRecord>> {
    if (customerIds.length === 0) return new Map();
    const paid = await this.models.orders.find({ customerId: { $in: customerIds }, paidAt: { $exists: true } }).sort({ paidAt: 1 }).lean();
    const first = new Map<string, OrderRecord>();
    for (const order of paid) if (!first.has(order.customerId)) first.set(order.customerId, withStringId(order));
    return first;
  }

  /** Pending orders whose time ran out, oldest first. */
  async listExpiredPending(now: Date, limit: number): Promise<OrderRecord[]> {
    return (await this.models.orders.find({ status: 'pending', expiresAt: { $lte: now } }).sort({ expiresAt: 1 }).limit(limit).lean()).map(withStringId);
  }

  /** Pending orders with a prepay id created before `before`: their notification may have been lost. */
  async listPendingWithPrepay(before: Date, limit: number): Promise<OrderRecord[]> {
    return (await this.models.orders.find({ status: 'pending', prepayId: { $exists: true }, createdAt: { $lte: before } }).limit(limit).lean()).map(withStringId);
  }

  /**
   * Moves an order from one status to another, recording the move; null when it was not in `from` any
   * more (someone else moved it first), which is how every transition stays exactly-once.
   */
  async transition(orderNo: string, from: OrderStatus, transition: Omit<OrderTransitionRecord, 'from'>, changes: Partial<OrderDocument> = {}): Promise<OrderRecord | null> {
    const updated = await this.models.orders
      .findOneAndUpdate({ orderNo, status: from }, { $set: { ...changes, status: transition.to }, $push: { history: { ...transition, from } } }, { returnDocument: 'after' })
      .lean();
    return updated && withStringId(updated);
  }

  async update(orderNo: string, changes: Partial<OrderDocument>): Promise<void> {
    await this.models.orders.updateOne({ orderNo }, { $set: changes });
  }

  /** Marks the stock given back; true only for the one caller that did it. */
  async claimStockReturn(orderNo: string): Promise<boolean> {
    const claimed = await this.models.orders.updateOne({ orderNo, stockReturned: { $ne: true } }, { $set: { stockReturned: true } });
    return claimed.modifiedCount === 1;
  }

  /** Adds a settled refund to the order once (the refund's own status change is the guard). */
  async addRefunded(orderNo: string, amountFen: number): Promise<OrderRecord | null> {
    const updated = await this.models.orders.findOneAndUpdate({ orderNo }, { $inc: { refundedFen: amountFen } }, { returnDocument: 'after' }).lean();
    return updated && withStringId(updated);
  }

  async createRefund(refund: RefundDocument): Promise<RefundRecord> {
    try {
      return withStringId((await this.models.refunds.create(refund)).toObject());
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.findRefund(refund.outRefundNo))!;
    }
  }

  async findRefund(outRefundNo: string): Promise<RefundRecord | null> {
    const found = await this.models.refunds.findOne({ outRefundNo }).lean();
    return found && withStringId(found);
  }

  async refundsOf(orderNo: string): Promise<RefundRecord[]> {
    return (await this.models.refunds.find({ orderNo }).lean()).map(withStringId);
  }

  /** Settles a processing refund once; null when it was already settled. */
  async settleRefund(outRefundNo: string, status: 'succeeded' | 'failed', at: Date): Promise<RefundRecord | null> {
    const updated = await this.models.refunds.findOneAndUpdate({ outRefundNo, status: 'processing' }, { $set: { status, settledAt: at } }, { returnDocument: 'after' }).lean();
    return updated && withStringId(updated);
  }
}
