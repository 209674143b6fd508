import { useState } from 'react';
import { NeedsPermission } from '../../lib/ui/NeedsPermission';
import type { ConsoleScreenProps } from '../console-shell/console-section';
import { hasRole } from '../console-shell/role-access';
import { AdminOrderTable } from './AdminOrderTable';
import { OrderDetail } from './OrderDetail';
import { OrderStatusTabs } from './OrderStatusTabs';
import { ORDER_PAGE_SIZE } from './orders-admin.api';
import { useAdminOrders } from './use-admin-orders';
import { LoadStatus } from '../../lib/ui/LoadStatus';

/** 订单管理: the orders the viewer may see by status, a page at a time, beside the detail of the one opened. */
export default function OrdersScreen({ staff }: ConsoleScreenProps) {
  const orders = useAdminOrders();
  const [openOrderNo, setOpenOrderNo] = useState<string | null>(null);
  const { state, filter } = orders;

  if (state.kind === 'failed' && state.forbidden) return <NeedsPermission minRole="manager" screen="订单管理" />;

  // The detail follows the list, so an order changed here shows its new state in both places at once.
  const open = state.kind === 'ready' ? (state.value.orders.find((order) => order.orderNo === openOrderNo) ?? null) : null;

  return (
    <div className={open ? 'orders-screen orders-screen-with-detail' : 'orders-screen'}>
      <section className="console-card" aria-label="订单列表">
        <OrderStatusTabs current={filter.status} onSelect={orders.showStatus} />
        <LoadStatus loading={state.kind === 'loading'} error={state.kind === 'failed' ? state.message : undefined} onRetry={orders.retry} />
        {state.kind === 'ready' && state.value.orders.length === 0 && <p className="muted">{filter.status || filter.offset > 0 ? '没有符合条件的订单。' : '还没有订单。顾客在小程序下单或销售代客下单后，会显示在这里。'}</p>}
        {state.kind === 'ready' && state.value.orders.length > 0 && <AdminOrderTable orders={state.value.orders} selectedOrderNo={open?.orderNo ?? null} onOpen={(order) => setOpenOrderNo(order.orderNo)} />}
        {state.kind === 'ready' && state.value.total > ORDER_PAGE_SIZE && (
          <div className="pager">
            <button type="button" className="button button-small" data-testid="orders-previous-page" disabled={filter.offset === 0} onClick={() => orders.showPage(Math.max(0, filter.offset - ORDER_PAGE_SIZE))}>
              上一页
            </button>
            <span>
              第 {filter.offset + 1}–{Math.min(filter.offset + ORDER_PAGE_SIZE, state.value.total)} 条，共 {state.value.total} 条
            </span>
            <button type="button" className="button button-small" data-testid="orders-next-page" disabled={filter.offset + ORDER_PAGE_SIZE >= state.value.total} onClick={() => orders.showPage(filter.offset + ORDER_PAGE_SIZE)}>
              下一页
            </button>
          </div>
        )}
      </section>
      {open && <OrderDetail key={open.orderNo} order={open} canAct={hasRole(staff.role, 'admin')} onChanged={orders.replace} onClose={() => setOpenOrderNo(null)} />}
    </div>
  );
}
