import type { ErrorCode, ErrorDetail } from '@zhike/shared/errors';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_JSON: 400,
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  SESSION_CORP_MISMATCH: 401,
  FORBIDDEN: 403,
  OAUTH_STATE_INVALID: 400,
  OAUTH_CODE_INVALID: 401,
  LOGIN_CODE_INVALID: 401,
  URL_NOT_ALLOWED: 400,
  CALLBACK_REJECTED: 403,
  STAFF_NOT_FOUND: 403,
  CONFLICT: 409,
  TRACKING_TOKEN_INVALID: 400,
  SCENE_EXPIRED: 410,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_REJECTED: 502,
  DATABASE_UNAVAILABLE: 503,
  SERVICE_STARTING: 503,
  INTERNAL: 500,
};

/** The one error type. Its message is shown to users (Simplified Chinese); unknown errors never are. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS_BY_CODE[code];
  }
}
