import { ORDER_STATUS_LABELS, OrderStatus } from '@zhike/shared/orders';

const TABS: ReadonlyArray<{ status: OrderStatus | undefined; label: string }> = [{ status: undefined, label: '全部' }, ...OrderStatus.options.map((status) => ({ status, label: ORDER_STATUS_LABELS[status] }))];

/** 全部 / 待支付 / 已支付 / 已完成 / 已关闭 / 已退款: one status at a time, as the server filters. */
export function OrderStatusTabs({ current, onSelect }: { current: OrderStatus | undefined; onSelect: (status: OrderStatus | undefined) => void }) {
  return (
    <div className="segmented order-status-tabs" role="tablist" aria-label="订单状态">
      {TABS.map((tab) => (
        <button
          key={tab.status ?? 'all'}
          type="button"
          role="tab"
          className="segment"
          aria-selected={tab.status === current}
          data-testid={`order-filter-${tab.status ?? 'all'}`}
          onClick={() => onSelect(tab.status)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
