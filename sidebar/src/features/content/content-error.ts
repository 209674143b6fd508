import { describeError } from '../../lib/describe-error';
import { ApiError } from '../../lib/http';

/** The server's own Chinese message when it sent one; otherwise what went wrong, in plain words. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : describeError(error).message;
}
