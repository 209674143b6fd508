import { describeError } from '../../lib/describe-error';
import { ApiError } from '../../lib/http';

/** The server's own Chinese message: it says exactly what was wrong ("你没有跟进这位客户，不能修改标签"). */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : describeError(error).message;
}

/** Worth sending again (network, server busy); a refusal (403, 404, 409, bad input) is not. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return !(error.status >= 400 && error.status < 500) || error.code === 'RATE_LIMITED';
}
