import type { Customer360 } from '@zhike/shared/customers';
import { useCallback, useEffect, useState } from 'react';
import { describeError, type ErrorText } from '../../lib/describe-error';
import { ApiError } from '../../lib/http';
import { fetchCustomer360 } from './customer-360.api';

export type Customer360State =
  | { kind: 'loading' }
  | { kind: 'ready'; data: Customer360 }
  /** Not synced yet, or outside the viewer's data scope: the server does not say which, on purpose. */
  | { kind: 'notFound'; message: string }
  /** `signIn`: the session ended meanwhile, so the way out is logging in again rather than retrying. */
  | { kind: 'failed'; text: ErrorText; signIn: boolean };

/** Loads the 360 for one external userid; `retry` loads it again (the skeleton shows meanwhile). */
export function useCustomer360(externalUserId: string): { state: Customer360State; retry: () => void } {
  const [state, setState] = useState<Customer360State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    fetchCustomer360(externalUserId).then(
      (data) => live && setState({ kind: 'ready', data }),
      (error: unknown) => live && setState(failureState(error)),
    );
    return () => {
      live = false;
    };
  }, [externalUserId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}

function failureState(error: unknown): Customer360State {
  if (error instanceof ApiError && error.code === 'NOT_FOUND') return { kind: 'notFound', message: error.message };
  return { kind: 'failed', text: describeError(error), signIn: error instanceof ApiError && error.status === 401 };
}
