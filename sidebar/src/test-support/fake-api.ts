import type { StaffProfile } from '@zhike/shared/auth';

/**
 * A canned answer per path (query ignored); a list answers in turn and then repeats its last item. Status 0
 * (see `networkFailure`) makes fetch reject, as it does when the request never reaches the server.
 */
export type FakeRoute = { status: number; body: unknown } | Array<{ status: number; body: unknown }>;

/** Replaces global fetch (jsdom has none) with a tiny router; returns the mock to inspect calls. */
export function fakeApi(routes: Record<string, FakeRoute>): jest.Mock {
  const served: Record<string, number> = {};
  const fetchMock = jest.fn(async (input: unknown, _init?: unknown) => {
    const path = String(input).split('?')[0] ?? '';
    const route = routes[path];
    const answers = route === undefined ? [notFound(path)] : Array.isArray(route) ? route : [route];
    const index = Math.min(served[path] ?? 0, answers.length - 1);
    served[path] = (served[path] ?? 0) + 1;
    const answer = answers[index] ?? notFound(path);
    if (answer.status === 0) throw new TypeError('Failed to fetch');
    return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, text: async () => JSON.stringify(answer.body) };
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

export function ok(body: unknown) {
  return { status: 200, body };
}

export function apiError(status: number, code: string, message: string) {
  return { status, body: { error: { code, message, details: [] } } };
}

/** The request never reached the server (offline, DNS, connection reset). */
export function networkFailure() {
  return { status: 0, body: undefined };
}

function notFound(path: string) {
  return apiError(404, 'NOT_FOUND', `测试没有准备 ${path}`);
}

/** Paths the fake API was asked for, with their query strings. */
export function requestedUrls(fetchMock: jest.Mock): string[] {
  return fetchMock.mock.calls.map((call: unknown[]) => String(call[0]));
}

/** JSON bodies sent to `path`, in order. */
export function postedBodies(fetchMock: jest.Mock, path: string): unknown[] {
  return sentBodies(fetchMock, path, 'POST');
}

/** JSON bodies sent to `path` with `method` (POST, PUT …), in order. */
export function sentBodies(fetchMock: jest.Mock, path: string, method: string): unknown[] {
  return fetchMock.mock.calls
    .filter((call: unknown[]) => String(call[0]) === path && (call[1] as RequestInit | undefined)?.method === method)
    .map((call: unknown[]) => JSON.parse(String((call[1] as RequestInit).body)));
}

export const STAFF_LI: StaffProfile = {
  id: '665f1c2e9b1d8a0012345678',
  corpId: 'wwdemo0001',
  userid: 'lina',
  name: '李娜',
  role: 'salesperson',
  departmentIds: [2],
};

export const CLIENT_CONFIG = { corpId: 'wwdemo0001', agentId: 1000002, miniProgramAppId: 'wxdemo0001', demoMode: true };
