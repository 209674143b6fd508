import Taro from '@tarojs/taro';
import { z, type ZodType } from 'zod';
import { ErrorBody, type ErrorCode, type ErrorDetail } from '@zhike/shared/errors';

/** Failures that happen before the server's answer can be read. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'WX_LOGIN_FAILED';

/** A failed call: the server's machine-readable code and a Chinese message fit to show the customer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    // A published mini-program can lag the server, so codes it does not know yet pass through as strings.
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    message: string,
    readonly status = 0,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

const ServerError = z.object({ error: ErrorBody.shape.error.extend({ code: z.string() }) });

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method: HttpMethod;
  /** Path under the API origin, e.g. `/api/customers/me`. */
  path: string;
  schema: ZodType<T>;
  data?: Record<string, unknown>;
  token?: string;
}

const TIMEOUT_MS = 15_000;

/** Calls the API and returns the answer parsed by `schema`; every failure is thrown as an ApiError. */
export async function request<T>({ method, path, schema, data, token }: RequestOptions<T>): Promise<T> {
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: `${ZHIKE_API_BASE_URL}${path}`,
      method,
      data,
      header,
      dataType: 'json',
      timeout: TIMEOUT_MS,
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试');
  }

  const { statusCode, data: body } = response;
  if (statusCode >= 200 && statusCode < 300) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new ApiError('BAD_RESPONSE', '服务返回的数据有误，请稍后重试', statusCode);
  }
  const failure = ServerError.safeParse(body);
  if (failure.success) {
    const { code, message, details } = failure.data.error;
    throw new ApiError(code, message, statusCode, details);
  }
  throw new ApiError('BAD_RESPONSE', `服务暂时不可用（${statusCode}），请稍后重试`, statusCode);
}

/** What to tell the customer about any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : '出了点问题，请稍后重试';
}
