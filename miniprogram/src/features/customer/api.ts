import { CustomerMeResponse, type CustomerProfile } from '@zhike/shared/auth';
import { MyInvitationsResponse, MySalespersonResponse } from '@zhike/shared/referrals';
import { authedRequest } from '../../lib/auth';
import { ApiError } from '../../lib/request';

export async function fetchMe(): Promise<CustomerProfile> {
  return (await authedRequest({ method: 'GET', path: '/api/customers/me', schema: CustomerMeResponse })).customer;
}

/** 我的邀请: who the customer brought in, and the customer's own invite code. */
export function fetchMyInvitations(): Promise<MyInvitationsResponse> {
  return authedRequest({ method: 'GET', path: '/api/referrals/mine', schema: MyInvitationsResponse });
}

/**
 * The customer's salesperson. A 404 means the same as `salesperson: null` — nobody assigned yet (or a
 * server that does not know the route yet) — so the page shows its empty state, not an error.
 */
export async function fetchMySalesperson(): Promise<MySalespersonResponse> {
  try {
    return await authedRequest({ method: 'GET', path: '/api/customers/me/salesperson', schema: MySalespersonResponse });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { salesperson: null };
    throw error;
  }
}
