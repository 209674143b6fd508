import { ORDER_STATUS_LABELS, type OrderStatus } from '@zhike/shared/orders';

export function OrderStatusChip({ status }: { status: OrderStatus }) {
  return <span className={`order-chip order-chip-${status}`}>{ORDER_STATUS_LABELS[status]}</span>;
}

/** A payment that did not match the order is held for review, not marked paid: the admin must see it in the list. */
export function PaymentIssueChip({ issue }: { issue: string }) {
  return (
    <span className="order-chip order-chip-issue" title={issue} data-testid="payment-issue">
      支付异常
    </span>
  );
}
