import type { Logger } from '../../platform/logging/logger';
import { maskUrlSecrets } from '../../platform/logging/logger';
import { upstreamBadResponse, upstreamUnavailable } from './upstream-error';

/** A body sent as is (multipart uploads); any other `body` is sent as JSON. */
export interface RawBody {
  contentType: string;
  bytes: Uint8Array;
}

export interface JsonRequest {
  upstream: string;
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  rawBody?: RawBody;
  timeoutMs: number;
  log?: Logger;
}

export interface UpstreamRequest extends JsonRequest {
  /** Lets a 2xx `image/*` answer through as bytes (mini-program codes); errors still come as JSON. */
  acceptImage?: boolean;
}

export interface JsonResponse {
  status: number;
  json: Record<string, unknown>;
}

export interface ImageResponse {
  status: number;
  contentType: string;
  bytes: Buffer;
}

/**
 * One HTTP exchange with an upstream that answers JSON. Network failures and timeouts become
 * UPSTREAM_UNAVAILABLE, non-JSON bodies UPSTREAM_BAD_RESPONSE; status and errcode are left to the caller.
 */
export async function requestJson(request: JsonRequest): Promise<JsonResponse> {
  const response = await requestUpstream({ ...request, acceptImage: false });
  if ('json' in response) return response;
  throw upstreamBadResponse(request.upstream, `HTTP ${response.status}, unexpected ${response.contentType}`);
}

/** requestJson, plus image answers when the request accepts them (an API that answers bytes on success). */
export async function requestUpstream(request: UpstreamRequest): Promise<JsonResponse | ImageResponse> {
  const safeUrl = maskUrlSecrets(request.url);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      ...requestBody(request),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const why = (error as Error).name === 'TimeoutError' ? `timed out after ${request.timeoutMs} ms` : (error as Error).message;
    request.log?.warn({ upstream: request.upstream, url: safeUrl, why }, 'upstream unreachable');
    throw upstreamUnavailable(request.upstream, why);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (request.acceptImage && response.status >= 200 && response.status < 300 && /^image\//i.test(contentType)) {
    const bytes = await response.arrayBuffer().catch((error: unknown) => {
      throw upstreamUnavailable(request.upstream, `image body cut off: ${(error as Error).message}`);
    });
    return { status: response.status, contentType: contentType.split(';')[0]!.trim(), bytes: Buffer.from(bytes) };
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

function requestBody(request: JsonRequest): Pick<RequestInit, 'headers' | 'body'> {
  if (request.rawBody) return { headers: { 'content-type': request.rawBody.contentType }, body: request.rawBody.bytes };
  if (request.body === undefined) return {};
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) };
}
