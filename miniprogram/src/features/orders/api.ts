import {
  OrderListResponse,
  OrderResponse,
  PaymentParamsResponse,
  type OrderView,
  type PlaceOrderRequest,
} from '@zhike/shared/orders';
import { authedRequest } from '../../lib/auth';

// Orders belong to the logged-in customer: every call goes with the customer's token.

export async function placeOrder(body: PlaceOrderRequest): Promise<OrderView> {
  return (await authedRequest({ method: 'POST', path: '/api/orders', data: body, schema: OrderResponse })).order;
}

export async function fetchMyOrders(): Promise<OrderView[]> {
  return (await authedRequest({ method: 'GET', path: '/api/orders', schema: OrderListResponse })).orders;
}

export async function fetchOrder(orderNo: string): Promise<OrderView> {
  return (await authedRequest({ method: 'GET', path: `/api/orders/${encodeURIComponent(orderNo)}`, schema: OrderResponse })).order;
}

/** Signed requestPayment parameters; 409 with a message when the order can no longer be paid. */
export async function createPayment(orderNo: string): Promise<PaymentParamsResponse> {
  return authedRequest({ method: 'POST', path: `/api/orders/${encodeURIComponent(orderNo)}/payment`, schema: PaymentParamsResponse });
}
