import { Customer360 } from '@zhike/shared/customers';
import { getJson } from '../../lib/http';

/**
 * The customer 360 of the open chat, in one round trip. Rejects with ApiError; 404 NOT_FOUND means "not
 * found or not in your data scope" (the server has already tried an on-demand WeCom sync by then).
 */
export function fetchCustomer360(externalUserId: string): Promise<Customer360> {
  return getJson(`/api/customers/by-external-userid/${encodeURIComponent(externalUserId)}`, Customer360);
}
