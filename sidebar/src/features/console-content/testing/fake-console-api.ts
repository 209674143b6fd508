import type { ErrorDetail } from '@zhike/shared/errors';

/**
 * A fetch fake that routes by method and path ("PUT /api/scripts/abc"), for forms that GET and POST the same
 * path. A list answers in turn, then repeats its last item. Unknown routes answer 404 so a test names them.
 */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  /** A binary answer (a rendered PNG) instead of JSON. */
  blob?: Blob;
}
export type FakeConsoleRoute = FakeAnswer | FakeAnswer[];

export interface RecordedCall {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export function fakeConsoleApi(routes: Record<string, FakeConsoleRoute>) {
  const calls: RecordedCall[] = [];
  const served: Record<string, number> = {};
  const fetchMock = jest.fn(async (input: unknown, init?: RequestInit) => {
    const url = String(input);
    const [path = '', search = ''] = url.split('?');
    const method = init?.method ?? 'GET';
    const rawBody = init?.body;
    const body = typeof rawBody === 'string' ? JSON.parse(rawBody) : rawBody;
    calls.push({ method, url, path, query: new URLSearchParams(search), headers: { ...(init?.headers as Record<string, string> | undefined) }, body });
    const key = `${method} ${path}`;
    const route = routes[key];
    const answers = route === undefined ? [fail(404, 'NOT_FOUND', `测试没有准备 ${key}`)] : Array.isArray(route) ? route : [route];
    const answer = answers[Math.min(served[key] ?? 0, answers.length - 1)]!;
    served[key] = (served[key] ?? 0) + 1;
    if (answer.status === 0) throw new TypeError('Failed to fetch');
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      text: async () => (answer.body === undefined ? '' : JSON.stringify(answer.body)),
      blob: async () => answer.blob ?? new Blob([JSON.stringify(answer.body)], { type: 'application/json' }),
    };
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  const callsTo = (method: string, path: string) => calls.filter((call) => call.method === method && call.path === path);
  return { fetchMock, calls, callsTo };
}

export const json = (body: unknown, status = 200): FakeAnswer => ({ status, body });

export function fail(status: number, code: string, message: string, details: ErrorDetail[] = []): FakeAnswer {
  return { status, body: { error: { code, message, details, requestId: 'req-test-1' } } };
}

export const png = (): FakeAnswer => ({ status: 200, blob: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }) });
