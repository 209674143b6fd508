import type { CustomerSessionResponse } from '@zhike/shared/auth';
import type { ErrorCode } from '@zhike/shared/errors';
import taro, { type FakeRequest, type FakeResponse } from './taro';

type Route = (req: FakeRequest) => FakeResponse;

/**
 * Answers Taro.request like the server would. Keys are `METHOD /path`; a route given as an array answers
 * its items in turn (the last one repeats). Anything unrouted is a 404 in the server's error shape.
 */
export function serveApi(routes: Record<string, Route | Route[]>): void {
  const calls = new Map<string, number>();
  taro.request.mockImplementation(async (req: FakeRequest) => {
    const key = `${req.method} ${req.url.replace(ZHIKE_API_BASE_URL, '')}`;
    const route = routes[key];
    if (!route) return fail(404, 'NOT_FOUND', `没有这个接口：${key}`);
    const n = calls.get(key) ?? 0;
    calls.set(key, n + 1);
    const handler = Array.isArray(route) ? route[Math.min(n, route.length - 1)]! : route;
    return handler(req);
  });
}

export function ok(data: unknown): FakeResponse {
  return { statusCode: 200, data };
}

export function fail(statusCode: number, code: ErrorCode, message: string): FakeResponse {
  return { statusCode, data: { error: { code, message, details: [] } } };
}

export function customerSession(overrides: Partial<CustomerSessionResponse> = {}): CustomerSessionResponse {
  return {
    token: 'token-wang-1',
    expiresAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
    customer: { id: 'c-wang', displayName: '王小明', hasUnionId: true, firstSeenAt: '2026-11-01T08:00:00.000Z' },
    ...overrides,
  };
}
