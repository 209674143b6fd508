import { ORDER_STATUS_LABELS, type OrderView } from '@zhike/shared/orders';
import { formatFen } from '@zhike/shared/money';
import { formatShanghaiDateTime } from '@zhike/shared/time';

/** One order: status chip, total, what was in it, when (Beijing time), and any payment held for review. */
export function OrderRow({ order }: { order: OrderView }) {
  return (
    <li className="order-row" data-testid="order-row" data-order-no={order.orderNo} data-status={order.status}>
      <div className="order-row-head">
        <span className={`order-status order-status-${order.status}`}>{ORDER_STATUS_LABELS[order.status]}</span>
        <span className="order-total">{formatFen(order.totalFen)}</span>
      </div>
      <ul className="order-items">
        {order.items.map((item) => (
          <li key={item.skuId}>
            {item.name}（{item.skuName}）× {item.quantity}
          </li>
        ))}
      </ul>
      <div className="order-meta">
        <span>{formatShanghaiDateTime(order.createdAt)}</span>
        {order.createdBy.kind === 'salesperson' && <span>代客下单</span>}
        {order.discountFen > 0 && <span>优惠 {formatFen(order.discountFen)}</span>}
        {order.refundedFen > 0 && <span>已退 {formatFen(order.refundedFen)}</span>}
        <span className="order-no">{order.orderNo}</span>
      </div>
      {order.paymentIssue && (
        <p className="order-issue" role="alert">
          支付待核实：{order.paymentIssue}
        </p>
      )}
    </li>
  );
}
