import { AdminOrderListResponse, AdminOrderResponse, OrderResponse, type AdminOrderView, type OrderStatus, type OrderView, type RefundOrderRequest } from '@zhike/shared/orders';
import { getJson } from '../../lib/http';
import { sendJson } from '../../lib/http-write';

/** The console lists 50 orders a page: a day's orders of a busy shop, still quick to scan. */
export const ORDER_PAGE_SIZE = 50;

export interface AdminOrdersFilter {
  /** No status: every order. */
  status?: OrderStatus;
  offset: number;
}

const orderPath = (orderNo: string) => `/api/admin/orders/${encodeURIComponent(orderNo)}`;

/** Newest first; a manager gets their departments' salespeople's orders, an admin every order. */
export function listAdminOrders(filter: AdminOrdersFilter): Promise<AdminOrderListResponse> {
  const query = new URLSearchParams({ limit: String(ORDER_PAGE_SIZE), offset: String(filter.offset) });
  if (filter.status) query.set('status', filter.status);
  return getJson(`/api/admin/orders?${query.toString()}`, AdminOrderListResponse);
}

/** Paid → fulfilled; 409 CONFLICT (with the reason in Chinese) for any other status. Through the form client for its details. */
export async function fulfilOrder(orderNo: string, note: string): Promise<AdminOrderView> {
  return (await sendJson('POST', `${orderPath(orderNo)}/fulfil`, { note }, AdminOrderResponse)).order;
}

/**
 * Starts a refund. Idempotent by requestId, so a retry after a lost answer sends the same id. The answer may
 * still show the old refunded amount: WeChat Pay can take a while, and its notification settles the refund.
 */
export async function refundOrder(orderNo: string, request: RefundOrderRequest): Promise<OrderView> {
  return (await sendJson('POST', `${orderPath(orderNo)}/refunds`, request, OrderResponse)).order;
}
