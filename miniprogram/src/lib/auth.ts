import Taro from '@tarojs/taro';
import {
  CustomerMeResponse,
  CustomerSessionResponse,
  type CustomerLoginRequest,
  type CustomerProfile,
} from '@zhike/shared/auth';
import { getLoginCode, userScopedKey } from './platform';
import { ApiError, request, type RequestOptions } from './request';

const STORAGE_KEY = 'zhike.customerSession';
// A token this close to expiry is not reused, so it cannot die between check and use.
const EXPIRY_MARGIN_MS = 60_000;

let pendingLogin: Promise<CustomerSessionResponse> | null = null;
const loginListeners = new Set<(session: CustomerSessionResponse) => void>();

function storageKey(): string {
  return userScopedKey(STORAGE_KEY);
}

/**
 * Runs `listener` after every successful login (held tracking events, a pending referral claim wait for
 * it). Returns the unsubscribe function.
 */
export function onLogin(listener: (session: CustomerSessionResponse) => void): () => void {
  loginListeners.add(listener);
  return () => loginListeners.delete(listener);
}

function announceLogin(session: CustomerSessionResponse): void {
  for (const listener of loginListeners) {
    try {
      listener(session);
    } catch {
      // A listener's failure is its own; login itself succeeded.
    }
  }
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
    announceLogin(session);
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
