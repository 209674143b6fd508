import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './request';

export type Remote<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; message: string; error: unknown };

/**
 * Loads data for a page: loading, then ready or failed with a message fit to show, and a `reload` for
 * the 重试 button. `key` names what is loaded (a product id…); a new key loads again, and an answer for
 * an older key is ignored.
 */
export function useRemote<T>(load: () => Promise<T>, key: string): [Remote<T>, () => void] {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const attempt = useRef(0);

  const reload = useCallback(() => {
    const current = ++attempt.current;
    setState({ status: 'loading' });
    loadRef.current().then(
      (data) => current === attempt.current && setState({ status: 'ready', data }),
      (error: unknown) => current === attempt.current && setState({ status: 'failed', message: errorMessage(error), error }),
    );
  }, []);

  useEffect(() => {
    reload();
    return () => {
      attempt.current += 1; // unmounted or re-keyed: drop the answer in flight
    };
  }, [key, reload]);

  return [state, reload];
}
