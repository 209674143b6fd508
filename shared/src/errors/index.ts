import { z } from 'zod';

/** Every machine-readable error code the API answers with. Clients branch on these. */
export const ErrorCode = z.enum([
  'BAD_JSON',
  'VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'SESSION_CORP_MISMATCH',
  'FORBIDDEN',
  'OAUTH_STATE_INVALID',
  'OAUTH_CODE_INVALID',
  'LOGIN_CODE_INVALID',
  'URL_NOT_ALLOWED',
  'CALLBACK_REJECTED',
  'STAFF_NOT_FOUND',
  'CONFLICT',
  'TRACKING_TOKEN_INVALID',
  'SCENE_EXPIRED',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_REJECTED',
  'DATABASE_UNAVAILABLE',
  'SERVICE_STARTING',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorDetail = z.object({
  field: z.string().describe('Dotted path of the offending field, e.g. "body.code"; empty for the whole input'),
  issue: z.string().describe('What is wrong with it'),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The one error shape of every failed request. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string().describe('Human-readable message in Simplified Chinese'),
      details: z.array(ErrorDetail).describe('Offending fields, when the error is about input'),
      requestId: z.string().optional().describe('Correlates with the server logs'),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export function isErrorBody(value: unknown): value is ErrorBody {
  return ErrorBody.safeParse(value).success;
}
