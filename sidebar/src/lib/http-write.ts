import { isErrorBody, type ErrorDetail } from '@zhike/shared/errors';
import { ApiError, type ResponseSchema } from './http';

/**
 * Writes for forms: PUT/POST with JSON, raw uploads and binary answers. Apart from http.ts because a form needs
 * the error's `details` (which field is wrong) and http.ts keeps only the message; the read path stays there.
 */

/** An ApiError that keeps the offending fields (`body.title`, `body.layers.2.fontSize`) for the form to place. */
export class ApiFieldError extends ApiError {
  constructor(
    status: number,
    code: ApiError['code'],
    message: string,
    readonly details: ErrorDetail[],
    requestId?: string,
  ) {
    super(status, code, message, requestId);
    this.name = 'ApiFieldError';
  }
}

/** The fields an error names; none for failures that are not about input (network, 409, 500). */
export function errorDetails(error: unknown): ErrorDetail[] {
  return error instanceof ApiFieldError ? error.details : [];
}

// Uploads of a 20 MB PDF on a slow office line need longer than a JSON call.
const JSON_TIMEOUT_MS = 15_000;
const UPLOAD_TIMEOUT_MS = 120_000;

/** A DELETE sends no body (`body` undefined); its answer, if any, is still read with `schema`. */
export function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, schema: ResponseSchema<T>): Promise<T> {
  const init: RequestInit =
    body === undefined ? { method, headers: { Accept: 'application/json' } } : { method, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) };
  return request(path, init, JSON_TIMEOUT_MS, async (response) => parseWith(schema, response.status, await response.text()));
}

/** Sends a file as the raw request body with its own Content-Type (no multipart: the server reads the stream). */
export function uploadRaw<T>(path: string, file: Blob, contentType: string, schema: ResponseSchema<T>): Promise<T> {
  const init = { method: 'PUT', headers: { 'Content-Type': contentType, Accept: 'application/json' }, body: file };
  return request(path, init, UPLOAD_TIMEOUT_MS, async (response) => parseWith(schema, response.status, await response.text()));
}

/** POSTs JSON and answers the binary body (a rendered PNG); errors still arrive as the JSON error body. */
export function postJsonForBlob(path: string, body: unknown): Promise<Blob> {
  const init = { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'image/png, application/json' }, body: JSON.stringify(body) };
  return request(path, init, JSON_TIMEOUT_MS, (response) => response.blob());
}

interface ResponseLike {
  status: number;
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

async function request<T>(path: string, init: RequestInit, timeoutMs: number, read: (response: ResponseLike) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: ResponseLike;
  try {
    // Cookies carry the staff session, so same-origin credentials are always sent.
    response = await fetch(path, { ...init, credentials: 'same-origin', signal: controller.signal });
    if (response.status >= 200 && response.status < 300) return await read(response);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  } finally {
    clearTimeout(timer);
  }
  throw toApiError(response.status, await response.text().catch(() => ''));
}

function parseWith<T>(schema: ResponseSchema<T>, status: number, text: string): T {
  try {
    return schema.parse(text ? JSON.parse(text) : undefined);
  } catch {
    throw new ApiError(status, 'BAD_RESPONSE', '服务器返回的数据格式不正确，请刷新后重试；如果仍然出现，请联系管理员');
  }
}

function toApiError(status: number, text: string): ApiError {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (isErrorBody(json)) return new ApiFieldError(status, json.error.code, json.error.message, json.error.details, json.error.requestId);
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', `服务器暂时无法处理请求（HTTP ${status}），请稍后重试`);
}
