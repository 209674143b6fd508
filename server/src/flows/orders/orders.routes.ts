import { ExternalUserIdParams } from '@zhike/shared/customers';
import { ChatMessage } from '@zhike/shared/content';
import {
  AdminOrderListResponse,
  AdminOrderResponse,
  AdminOrdersQuery,
  CustomerOrdersSummary,
  FulfilOrderRequest,
  OrderListResponse,
  OrderNoParams,
  OrderResponse,
  PaymentParamsResponse,
  PlaceOrderForCustomerRequest,
  PlaceOrderRequest,
  RefundOrderRequest,
} from '@zhike/shared/orders';
import { z } from 'zod';
import type { ApiRouter } from '../../platform/http/api-router';
import { customerPrincipal, staffPrincipal } from '../../platform/http/principal';
import type { OrdersFlow } from './orders.flow';

export function registerOrderRoutes(api: ApiRouter, orders: OrdersFlow): void {
  api.add({
    method: 'POST',
    path: '/api/orders',
    access: 'customer',
    tag: 'orders',
    summary: 'The signed-in customer places an order (prices from the catalogue, stock reserved); idempotent by requestId',
    body: PlaceOrderRequest,
    response: OrderResponse,
    successStatus: 201,
    handler: async ({ body, principal }) => ({ order: await orders.placeByCustomer(customerPrincipal(principal).customerId, body) }),
  });

  api.add({
    method: 'GET',
    path: '/api/orders',
    access: 'customer',
    tag: 'orders',
    summary: '我的订单: the signed-in customer’s orders, newest first',
    response: OrderListResponse,
    handler: async ({ principal }) => ({ orders: await orders.myOrders(customerPrincipal(principal).customerId) }),
  });

  api.add({
    method: 'GET',
    path: '/api/orders/:orderNo',
    access: 'customer',
    tag: 'orders',
    summary: 'One of the signed-in customer’s orders (the pay page)',
    params: OrderNoParams,
    response: OrderResponse,
    handler: async ({ params, principal }) => ({ order: await orders.myOrder(customerPrincipal(principal).customerId, params.orderNo) }),
  });

  api.add({
    method: 'POST',
    path: '/api/orders/:orderNo/payment',
    access: 'customer',
    tag: 'orders',
    summary: 'The signed parameters for Taro.requestPayment (a JSAPI order at WeChat Pay); paid only once WeChat Pay confirms',
    params: OrderNoParams,
    response: PaymentParamsResponse,
    handler: async ({ params, principal }) => orders.paymentParams(customerPrincipal(principal).customerId, params.orderNo),
  });

  api.add({
    method: 'POST',
    path: '/api/customers/by-external-userid/:externalUserId/orders',
    access: 'salesperson',
    tag: 'orders',
    summary: '代客下单: an order for a customer you follow, with a discount within the admin’s limit, and the mini-program card to send',
    params: ExternalUserIdParams,
    body: PlaceOrderForCustomerRequest,
    response: z.object({ order: OrderResponse.shape.order, message: ChatMessage }),
    successStatus: 201,
    handler: async ({ params, body, principal }) => orders.placeForCustomer(staffPrincipal(principal), params.externalUserId, body),
  });

  api.add({
    method: 'GET',
    path: '/api/customers/by-external-userid/:externalUserId/orders',
    access: 'salesperson',
    tag: 'orders',
    summary: 'The orders and lifetime value of a customer you may see (the 360’s order card)',
    params: ExternalUserIdParams,
    response: CustomerOrdersSummary,
    handler: async ({ params, principal }) => orders.customerSummary(staffPrincipal(principal), params.externalUserId),
  });

  api.add({
    method: 'POST',
    path: '/api/admin/orders/:orderNo/refunds',
    access: 'admin',
    tag: 'orders',
    summary: 'Refunds a paid order, partly or fully, through WeChat Pay; idempotent by requestId',
    params: OrderNoParams,
    body: RefundOrderRequest,
    response: OrderResponse,
    handler: async ({ params, body, principal }) => ({ order: await orders.refund(staffPrincipal(principal), params.orderNo, body) }),
  });

  api.add({
    method: 'GET',
    path: '/api/admin/orders',
    access: 'manager',
    tag: 'orders',
    summary: '订单管理: orders newest first — a manager’s departments’ salespeople’s, or all for an admin',
    query: AdminOrdersQuery,
    response: AdminOrderListResponse,
    handler: async ({ query, principal }) => orders.consoleList(staffPrincipal(principal), query),
  });

  api.add({
    method: 'POST',
    path: '/api/admin/orders/:orderNo/fulfil',
    access: 'admin',
    tag: 'orders',
    summary: 'Marks a paid order fulfilled; 409 for any other status',
    params: OrderNoParams,
    body: FulfilOrderRequest,
    response: AdminOrderResponse,
    handler: async ({ params, body, principal }) => ({ order: await orders.fulfil(staffPrincipal(principal), params.orderNo, body.note) }),
  });
}
