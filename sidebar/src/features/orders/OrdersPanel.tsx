import { formatFen } from '@zhike/shared/money';
import { useState } from 'react';
import { NewOrderForm } from './NewOrderForm';
import { OrderRow } from './OrderRow';
import { useCustomerOrders } from './use-customer-orders';

/** The 订单 tab: what this customer is worth and has ordered, and 代客下单 for them. */
export function OrdersPanel({ externalUserId }: { externalUserId: string }) {
  const orders = useCustomerOrders(externalUserId);
  const [composing, setComposing] = useState(false);
  const { state } = orders;

  return (
    <div className="orders-panel">
      <section className="card orders-summary">
        {state.kind === 'ready' ? (
          <p>
            累计消费 <strong data-testid="orders-ltv">{formatFen(state.summary.lifetimeValueFen)}</strong> · 已支付 <strong data-testid="orders-paid-count">{state.summary.paidOrders}</strong> 单
          </p>
        ) : (
          state.kind === 'loading' && <div className="skeleton skeleton-line" style={{ width: '60%' }} />
        )}
        {!composing && (
          <button type="button" className="button button-primary" data-testid="new-order" onClick={() => setComposing(true)}>
            代客下单
          </button>
        )}
      </section>
      {composing && <NewOrderForm externalUserId={externalUserId} onPlaced={() => void orders.refresh()} onClose={() => setComposing(false)} />}
      <section className="orders-list" aria-label="客户订单">
        <h3 className="content-section-title">订单</h3>
        {state.kind === 'loading' && (
          <p className="content-muted" role="status">
            正在加载订单…
          </p>
        )}
        {state.kind === 'failed' && (
          <div className="content-empty" role="alert">
            <p>订单加载失败：{state.message}</p>
            <button type="button" className="button button-small" onClick={orders.retry}>
              重试
            </button>
          </div>
        )}
        {state.kind === 'ready' && state.summary.orders.length === 0 && <p className="content-empty">这位客户还没有订单。可以点“代客下单”为客户下单，并把订单卡片发到聊天中。</p>}
        {state.kind === 'ready' && state.summary.orders.length > 0 && (
          <ul className="order-list">
            {state.summary.orders.map((order) => (
              <OrderRow key={order.orderNo} order={order} />
            ))}
          </ul>
        )}
        {state.kind === 'ready' && state.refreshError && <p className="content-inline-error">订单可能不是最新：{state.refreshError}</p>}
      </section>
    </div>
  );
}
