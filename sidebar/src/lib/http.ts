import { isErrorBody, type ErrorCode } from '@zhike/shared/errors';

/** Codes the server sends, plus the two failures that never reach it or come back unreadable. */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

/** A failed API call, already phrased for the user (the server writes its messages in Chinese). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Anything with zod's `parse`: responses are checked against the shared schema, not trusted. */
export interface ResponseSchema<T> {
  parse(input: unknown): T;
}

// The sidebar must never hang on a dead network; 15 s is longer than any healthy call.
const TIMEOUT_MS = 15_000;

export function getJson<T>(path: string, schema: ResponseSchema<T>): Promise<T> {
  return requestJson(path, schema, { method: 'GET' });
}

export function postJson<T>(path: string, body: unknown, schema: ResponseSchema<T>): Promise<T> {
  return requestJson(path, schema, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function requestJson<T>(path: string, schema: ResponseSchema<T>, init: RequestInit): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let status: number;
  let text: string;
  try {
    // Cookies carry the staff session, so same-origin credentials are always sent.
    const response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...init.headers },
      signal: controller.signal,
    });
    status = response.status;
    text = await response.text();
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  } finally {
    clearTimeout(timer);
  }

  const json = parseJson(text);
  if (status < 200 || status >= 300) {
    if (isErrorBody(json)) throw new ApiError(status, json.error.code, json.error.message, json.error.requestId);
    throw new ApiError(status, status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', `服务器暂时无法处理请求（HTTP ${status}），请稍后重试`);
  }
  try {
    return schema.parse(json);
  } catch {
    throw new ApiError(status, 'BAD_RESPONSE', '服务器返回的数据格式不正确，请刷新后重试；如果仍然出现，请联系管理员');
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
