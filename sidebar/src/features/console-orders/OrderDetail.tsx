import { formatFen } from '@zhike/shared/money';
import type { AdminOrderView } from '@zhike/shared/orders';
import { formatShanghaiDateTime } from '@zhike/shared/time';
import { useState } from 'react';
import { FulfilAction } from './FulfilAction';
import { OrderHistory } from './OrderHistory';
import { refundableFen } from './order-labels';
import { OrderStatusChip, PaymentIssueChip } from './OrderStatusChip';
import { RefundForm } from './RefundForm';
import type { RefundOutcome } from './use-refund-order';

interface OrderDetailProps {
  order: AdminOrderView;
  /** Admins act on orders; managers only look (the server refuses them with 403 anyway). */
  canAct: boolean;
  onChanged: (order: AdminOrderView) => void;
  onClose: () => void;
}

/** One order in full: who, lines, totals, payment issue, history, and the admin's actions for its status. */
export function OrderDetail({ order, canAct, onChanged, onClose }: OrderDetailProps) {
  const [refunding, setRefunding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const canFulfil = canAct && order.status === 'paid';
  const canRefund = canAct && (order.status === 'paid' || order.status === 'fulfilled') && refundableFen(order) > 0;

  const refunded = (next: AdminOrderView, outcome: RefundOutcome) => {
    setRefunding(false);
    setNotice(outcome.settled ? `已退款 ${formatFen(outcome.amountFen)}` : `退款 ${formatFen(outcome.amountFen)} 已提交，微信支付确认后更新已退金额`);
    onChanged(next);
  };

  return (
    <aside className="console-card order-detail" data-testid="order-detail" aria-label="订单详情">
      <div className="panel-head">
        <h2 className="order-no">{order.orderNo}</h2>
        <button type="button" className="link-button" onClick={onClose}>
          关闭
        </button>
      </div>
      <p className="order-chips">
        <OrderStatusChip status={order.status} />
        {order.paymentIssue && <PaymentIssueChip issue={order.paymentIssue} />}
      </p>
      {order.paymentIssue && (
        <p className="notice" role="alert">
          支付待核实：{order.paymentIssue}
        </p>
      )}
      <dl className="order-facts">
        <dt>客户</dt>
        <dd>{order.customerName}</dd>
        <dt>销售</dt>
        <dd>{order.salespersonName ?? '—'}</dd>
        <dt>来源</dt>
        <dd>{order.createdBy.kind === 'salesperson' ? `代客下单（${order.createdBy.name ?? order.createdBy.userid ?? '销售'}）` : '顾客自助下单'}</dd>
        <dt>下单时间</dt>
        <dd>{formatShanghaiDateTime(order.createdAt)}</dd>
        {order.paidAt && (
          <>
            <dt>支付时间</dt>
            <dd>{formatShanghaiDateTime(order.paidAt)}</dd>
          </>
        )}
      </dl>

      <table className="stats-table order-lines">
        <thead>
          <tr>
            <th>商品</th>
            <th className="num">单价</th>
            <th className="num">数量</th>
            <th className="num">金额</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.skuId} data-testid="order-line">
              <td>
                {item.name}
                <span className="muted">（{item.skuName}）</span>
              </td>
              <td className="num">{formatFen(item.priceFen)}</td>
              <td className="num">{item.quantity}</td>
              <td className="num">{formatFen(item.amountFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="order-totals" data-testid="order-totals">
        <dt>商品小计</dt>
        <dd>{formatFen(order.subtotalFen)}</dd>
        {order.discountFen > 0 && (
          <>
            <dt>优惠</dt>
            <dd>-{formatFen(order.discountFen)}</dd>
          </>
        )}
        <dt>实付</dt>
        <dd className="order-total">{formatFen(order.totalFen)}</dd>
        {order.refundedFen > 0 && (
          <>
            <dt>已退</dt>
            <dd>{formatFen(order.refundedFen)}</dd>
          </>
        )}
      </dl>

      {notice && (
        <p className="toast toast-ok" role="status">
          {notice}
        </p>
      )}
      {canFulfil && (
        <FulfilAction
          order={order}
          onFulfilled={(next) => {
            setNotice('已标记完成');
            onChanged(next);
          }}
        />
      )}
      {canRefund &&
        (refunding ? (
          <RefundForm order={order} onRefunded={refunded} onCancel={() => setRefunding(false)} />
        ) : (
          <button
            type="button"
            className="button button-danger-outline order-refund-open"
            data-testid="refund-order"
            onClick={() => {
              setNotice(null);
              setRefunding(true);
            }}
          >
            退款
          </button>
        ))}

      <h3 className="order-section-title">状态记录</h3>
      <OrderHistory order={order} />
    </aside>
  );
}
