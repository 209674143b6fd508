import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; message: string };

/**
 * Loads on mount, again on `retry`, and again whenever `key` changes (another range, department or 刷新).
 * An answer that arrives after unmount, or for an earlier key, is dropped: a slow 90-day request cannot
 * overwrite the 7-day one.
 */
export function useLoaded<T>(load: () => Promise<T>, describe: (error: unknown) => string, key = ''): { state: Loaded<T>; retry: () => void } {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    load().then(
      (value) => live && setState({ kind: 'ready', value }),
      (error: unknown) => live && setState({ kind: 'failed', message: describe(error) }),
    );
    return () => {
      live = false;
    };
    // `key` names everything `load` reads; the closures themselves are new on every render.
  }, [key, attempt]);

  return { state, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}
