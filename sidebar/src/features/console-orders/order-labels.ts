import type { AdminOrderView } from '@zhike/shared/orders';

// What the server writes as `by` when no staff member acted; anything else is a staff userid.
const SYSTEM_ACTORS: Record<string, string> = {
  customer: '顾客',
  system: '系统',
  wechatpay: '微信支付',
  reconciliation: '支付对账',
};

/** Who made a step in the order's history, in words: 微信支付, 顾客, or the salesperson's name when it is them. */
export function actorLabel(by: string, order: Pick<AdminOrderView, 'salespersonUserid' | 'salespersonName' | 'createdBy'>): string {
  if (SYSTEM_ACTORS[by]) return SYSTEM_ACTORS[by];
  if (by === order.salespersonUserid && order.salespersonName) return order.salespersonName;
  if (by === order.createdBy.userid && order.createdBy.name) return order.createdBy.name;
  return by;
}

/** "精华护肤套装 ×2" or "精华护肤套装 ×1 等 3 种" for the list; the detail shows every line. */
export function itemsSummary(order: Pick<AdminOrderView, 'items'>): string {
  const [first, ...rest] = order.items;
  if (!first) return '—';
  const head = `${first.name} ×${first.quantity}`;
  return rest.length === 0 ? head : `${head} 等 ${order.items.length} 种`;
}

/** What is still refundable as far as the console knows (a refund still processing upstream is not counted). */
export function refundableFen(order: Pick<AdminOrderView, 'totalFen' | 'refundedFen'>): number {
  return Math.max(0, order.totalFen - order.refundedFen);
}
