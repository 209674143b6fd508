import { Text } from '@tarojs/components';
import { ORDER_STATUS_LABELS, type OrderView } from '@zhike/shared/orders';
import './orders.css';

/** The order's status as a coloured chip; a payment held for review reads 支付异常. */
export function OrderStatusChip({ order }: { order: Pick<OrderView, 'status' | 'paymentIssue'> }) {
  const issue = order.status === 'pending' && order.paymentIssue !== undefined;
  return <Text className={`order-chip order-chip-${issue ? 'issue' : order.status}`}>{issue ? '支付异常' : ORDER_STATUS_LABELS[order.status]}</Text>;
}

/** "精华护肤套装 等 3 件" for a list row. */
export function orderHeadline(order: Pick<OrderView, 'items'>): string {
  const first = order.items[0];
  const count = order.items.reduce((sum, item) => sum + item.quantity, 0);
  if (!first) return '订单';
  return order.items.length > 1 || first.quantity > 1 ? `${first.name} 等 ${count} 件` : first.name;
}

export const PAYMENT_ISSUE_NOTE = '支付异常，顾问会联系您';
