import { formatFen } from '@zhike/shared/money';
import type { AdminOrderView } from '@zhike/shared/orders';
import { formatShanghaiDateTime } from '@zhike/shared/time';
import { itemsSummary } from './order-labels';
import { OrderStatusChip, PaymentIssueChip } from './OrderStatusChip';

interface AdminOrderTableProps {
  orders: readonly AdminOrderView[];
  selectedOrderNo: string | null;
  onOpen: (order: AdminOrderView) => void;
}

/** One row per order, newest first; the order number opens its detail. */
export function AdminOrderTable({ orders, selectedOrderNo, onOpen }: AdminOrderTableProps) {
  return (
    <div className="table-scroll">
      <table className="stats-table order-admin-table">
        <thead>
          <tr>
            <th>订单号</th>
            <th>客户</th>
            <th>销售</th>
            <th>商品</th>
            <th className="num">实付</th>
            <th className="num">已退</th>
            <th>状态</th>
            <th>下单时间</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.orderNo} data-testid="order-admin-row" data-order-no={order.orderNo} data-status={order.status} aria-selected={order.orderNo === selectedOrderNo}>
              <td>
                <button type="button" className="link-button order-no" onClick={() => onOpen(order)}>
                  {order.orderNo}
                </button>
              </td>
              <td>{order.customerName}</td>
              <td>{order.salespersonName ?? '—'}</td>
              <td className="order-items-cell" title={order.items.map((item) => `${item.name}（${item.skuName}）×${item.quantity}`).join('\n')}>
                {itemsSummary(order)}
              </td>
              <td className="num">{formatFen(order.totalFen)}</td>
              <td className="num">{order.refundedFen > 0 ? formatFen(order.refundedFen) : '—'}</td>
              <td>
                <span className="order-chips">
                  <OrderStatusChip status={order.status} />
                  {order.paymentIssue && <PaymentIssueChip issue={order.paymentIssue} />}
                </span>
              </td>
              <td>{formatShanghaiDateTime(order.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
