import type { CustomerSessionResponse } from '@zhike/shared/auth';
import taro from './taro';
import { customerSession } from './api';

/** The customer is already logged in (a session from an earlier launch is in storage). */
export function loggedIn(overrides: Partial<CustomerSessionResponse> = {}): CustomerSessionResponse {
  const session = customerSession(overrides);
  taro.setStorageSync('zhike.customerSession', session);
  return session;
}
