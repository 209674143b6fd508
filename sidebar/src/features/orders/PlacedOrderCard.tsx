import { formatFen } from '@zhike/shared/money';
import type { PlaceOrderState } from './use-place-order';

interface PlacedOrderCardProps {
  state: Extract<PlaceOrderState, { kind: 'placed' }>;
  onResend: () => void;
  onAnother: () => void;
  onClose: () => void;
}

/**
 * After 代客下单: the order exists; the status line says exactly 已发送 / 已取消 / 发送失败：… as in the scripts
 * tab. Sending again re-sends this order's card; it never places a second order.
 */
export function PlacedOrderCard({ state, onResend, onAnother, onClose }: PlacedOrderCardProps) {
  const { order } = state.placed;
  const { send } = state;
  return (
    <section className="card new-order" aria-label="代客下单">
      <p className="card-title">已创建订单，应付 {formatFen(order.totalFen)}</p>
      <p className="content-muted">
        订单号 {order.orderNo}
        {order.discountFen > 0 && ` · 已优惠 ${formatFen(order.discountFen)}`}
      </p>
      {send.kind === 'sending' && (
        <p className="content-muted" role="status">
          正在发送订单卡片…
        </p>
      )}
      {send.kind === 'sent' && (
        <p className="content-send-status content-send-ok" role="status" data-testid="order-send-status">
          已发送
        </p>
      )}
      {send.kind === 'cancelled' && (
        <p className="content-send-status content-send-cancelled" role="status" data-testid="order-send-status">
          已取消
        </p>
      )}
      {send.kind === 'failed' && (
        <p className="content-send-status content-send-failed" role="alert" data-testid="order-send-status">
          发送失败：{send.message}
        </p>
      )}
      {(send.kind === 'cancelled' || send.kind === 'failed') && <p className="content-send-hint">订单已保留，可重新发送卡片，不会重复下单。</p>}
      <div className="new-order-actions">
        {(send.kind === 'cancelled' || send.kind === 'failed') && (
          <button type="button" className="button button-primary button-small" data-testid="resend-order" onClick={onResend}>
            重新发送
          </button>
        )}
        <button type="button" className="button button-small" disabled={send.kind === 'sending'} onClick={onAnother}>
          再下一单
        </button>
        <button type="button" className="link-button" disabled={send.kind === 'sending'} onClick={onClose}>
          收起
        </button>
      </div>
    </section>
  );
}
