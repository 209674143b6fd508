import type { Logger } from '../../platform/logging/logger';
import { maskUrlSecrets } from '../../platform/logging/logger';
import { upstreamBadResponse, upstreamUnavailable } from './upstream-error';

export interface JsonRequest {
  upstream: string;
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  timeoutMs: number;
  log?: Logger;
}

export interface JsonResponse {
  status: number;
  json: Record<string, unknown>;
}

/**
 * One HTTP exchange with an upstream that answers JSON. Network failures and timeouts become
 * UPSTREAM_UNAVAILABLE, non-JSON bodies UPSTREAM_BAD_RESPONSE; status and errcode are left to the caller.
 */
export async function requestJson(request: JsonRequest): Promise<JsonResponse> {
  const safeUrl = maskUrlSecrets(request.url);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const why = (error as Error).name === 'TimeoutError' ? `timed out after ${request.timeoutMs} ms` : (error as Error).message;
    request.log?.warn({ upstream: request.upstream, url: safeUrl, why }, 'upstream unreachable');
    throw upstreamUnavailable(request.upstream, why);
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (response.status >= 500) {
    return { status: response.status, json: typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {} };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    request.log?.warn({ upstream: request.upstream, url: safeUrl, status: response.status, bytes: text.length }, 'upstream answered non-JSON');
    throw upstreamBadResponse(request.upstream, `HTTP ${response.status}, body is not a JSON object`);
  }
  return { status: response.status, json: json as Record<string, unknown> };
}
