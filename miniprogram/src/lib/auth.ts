import Taro from '@tarojs/taro';
import {
  CustomerMeResponse,
  CustomerSessionResponse,
  type CustomerLoginRequest,
  type CustomerProfile,
} from '@zhike/shared/auth';
import { demoWeChatUser, getLoginCode } from './platform';
import { ApiError, request, type RequestOptions } from './request';

const STORAGE_KEY = 'zhike.customerSession';
// A token this close to expiry is not reused, so it cannot die between check and use.
const EXPIRY_MARGIN_MS = 60_000;

let pendingLogin: Promise<CustomerSessionResponse> | null = null;

function storageKey(): string {
  // The demo console swaps simulated WeChat users inside one browser; each keeps its own session.
  const user = demoWeChatUser();
  return user ? `${STORAGE_KEY}:${user}` : STORAGE_KEY;
}

/** The stored session if it is still good for a while, else null. */
export function readSession(): CustomerSessionResponse | null {
  const stored = CustomerSessionResponse.safeParse(Taro.getStorageSync(storageKey()));
  if (!stored.success) return null;
  return Date.parse(stored.data.expiresAt) - EXPIRY_MARGIN_MS > Date.now() ? stored.data : null;
}

export function clearSession(): void {
  Taro.removeStorageSync(storageKey());
}

/** Logs in with a fresh login code and stores the session; concurrent callers share one attempt. */
export function login(): Promise<CustomerSessionResponse> {
  pendingLogin ??= (async () => {
    const body: CustomerLoginRequest = { code: await getLoginCode() };
    const session = await request({
      method: 'POST',
      path: '/api/auth/miniprogram/login',
      data: body,
      schema: CustomerSessionResponse,
    });
    Taro.setStorageSync(storageKey(), session);
    return session;
  })().finally(() => {
    pendingLogin = null;
  });
  return pendingLogin;
}

/** Starts logging in at launch when no usable session is stored; pages join the same attempt. */
export function warmUpSession(): void {
  if (readSession()) return;
  login().catch(() => {
    // The page that needs the customer retries and shows the failure.
  });
}

/** Calls the API as the customer; a 401 (session revoked or expired early) leads to one fresh login. */
export async function authedRequest<T>(options: Omit<RequestOptions<T>, 'token'>): Promise<T> {
  const session = readSession() ?? (await login());
  try {
    return await request({ ...options, token: session.token });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    clearSession();
    const fresh = await login();
    return request({ ...options, token: fresh.token });
  }
}

/** The logged-in customer, in one round trip: a fresh login already answers with the profile. */
export async function loadCurrentCustomer(): Promise<CustomerProfile> {
  if (!readSession()) return (await login()).customer;
  const { customer } = await authedRequest({ method: 'GET', path: '/api/customers/me', schema: CustomerMeResponse });
  return customer;
}
