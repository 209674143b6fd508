import { ORDER_STATUS_LABELS, type AdminOrderView } from '@zhike/shared/orders';
import { formatShanghaiDateTime } from '@zhike/shared/time';
import { actorLabel } from './order-labels';

/** Every transition, oldest first: from → to, who, why, when. Partial refunds change no status, so they show as amounts. */
export function OrderHistory({ order }: { order: AdminOrderView }) {
  if (order.history.length === 0) return <p className="muted">暂无记录</p>;
  return (
    <ol className="order-history" aria-label="状态记录">
      {order.history.map((step, index) => (
        <li key={`${step.at}-${index}`} data-testid="order-history-step">
          <span className="order-history-move">
            {step.from ? `${ORDER_STATUS_LABELS[step.from]} → ${ORDER_STATUS_LABELS[step.to]}` : `下单 → ${ORDER_STATUS_LABELS[step.to]}`}
          </span>
          <span className="order-history-meta">
            {actorLabel(step.by, order)} · {formatShanghaiDateTime(step.at)}
          </span>
          {step.reason && <span className="order-history-reason">{step.reason}</span>}
        </li>
      ))}
    </ol>
  );
}
