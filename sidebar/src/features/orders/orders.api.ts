import { ProductListResponse, type ProductView } from '@zhike/shared/catalog';
import { ChatMessage } from '@zhike/shared/content';
import { CustomerOrdersSummary, OrderView, type PlaceOrderForCustomerRequest } from '@zhike/shared/orders';
import { z } from 'zod';
import { getJson } from '../../lib/http';
import { sendJson } from '../../lib/http-write';

const customerOrdersPath = (externalUserId: string) => `/api/customers/by-external-userid/${encodeURIComponent(externalUserId)}/orders`;

/** The customer's orders, newest first, with lifetime value and paid-order count. */
export function getCustomerOrders(externalUserId: string): Promise<CustomerOrdersSummary> {
  return getJson(customerOrdersPath(externalUserId), CustomerOrdersSummary);
}

/** The store's products on sale, with their SKUs, as the customer would see them. */
export async function listStoreProducts(): Promise<ProductView[]> {
  return (await getJson('/api/catalog/products', ProductListResponse)).items;
}

export const PlacedOrder = z.object({ order: OrderView, message: ChatMessage });
export type PlacedOrder = z.infer<typeof PlacedOrder>;

/**
 * 代客下单. Idempotent by requestId: the same id twice answers the same order. A 400 names its fields
 * (`body.discountFen` with the admin's limit, `body.items.0.skuId`), so this goes through the form client.
 */
export function placeOrderForCustomer(externalUserId: string, request: PlaceOrderForCustomerRequest): Promise<PlacedOrder> {
  return sendJson('POST', customerOrdersPath(externalUserId), request, PlacedOrder);
}
