import type { ErrorDetail } from '@zhike/shared/errors';
import { describeError } from '../../../lib/describe-error';
import { ApiError } from '../../../lib/http';
import { errorDetails } from '../../../lib/http-write';

/** A failed save, ready for the form: the message on top, each detail next to its field. */
export interface FormError {
  message: string;
  details: ErrorDetail[];
  /** 409: someone saved in between; the way out is reloading, not resending. */
  conflict: boolean;
  /** 403: the viewer's role may not do this. */
  forbidden: boolean;
}

export function toFormError(error: unknown): FormError {
  const isApi = error instanceof ApiError;
  return {
    // The server writes its messages for people ("标题不能为空"); other failures get the generic advice.
    message: isApi && error.code !== 'NETWORK' && error.status < 500 ? error.message : describeError(error).message,
    details: errorDetails(error),
    conflict: isApi && error.code === 'CONFLICT',
    forbidden: isApi && error.code === 'FORBIDDEN',
  };
}

/** A form's own check (before any request), shaped like the server's so it shows in the same places. */
export function localFormError(details: ErrorDetail[]): FormError {
  return { message: '请修改标出的字段后再试', details, conflict: false, forbidden: false };
}
