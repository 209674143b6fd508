import type { OrderView } from '@zhike/shared/orders';
import type { OrderRecord } from '../../modules/orders';
import type { StaffRecord } from '../../modules/staff';

export function toOrderView(order: OrderRecord, staff: Map<string, StaffRecord>): OrderView {
  const creatorName = order.createdBy.userid ? staff.get(order.createdBy.userid)?.name : undefined;
  return {
    orderNo: order.orderNo,
    status: order.status,
    items: order.items,
    subtotalFen: order.subtotalFen,
    discountFen: order.discountFen,
    totalFen: order.totalFen,
    refundedFen: order.refundedFen,
    createdBy: { kind: order.createdBy.kind, ...(order.createdBy.userid ? { userid: order.createdBy.userid } : {}), ...(creatorName ? { name: creatorName } : {}) },
    ...(order.salespersonUserid ? { salespersonUserid: order.salespersonUserid } : {}),
    createdAt: order.createdAt.toISOString(),
    expiresAt: order.expiresAt.toISOString(),
    ...(order.paidAt ? { paidAt: order.paidAt.toISOString() } : {}),
    ...(order.paymentIssue ? { paymentIssue: order.paymentIssue } : {}),
    history: order.history.map((step) => ({ from: step.from, to: step.to, at: step.at.toISOString(), by: step.by, reason: step.reason })),
  };
}
