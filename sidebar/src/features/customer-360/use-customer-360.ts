import type { Customer360 } from '@zhike/shared/customers';
import type { TimelineEntry } from '@zhike/shared/timeline';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type ErrorText } from '../../lib/describe-error';
import { ApiError } from '../../lib/http';
import { fetchCustomer360 } from './customer-360.api';
import { withTimelineEntry } from './timeline-format';

export type Customer360State =
  | { kind: 'loading' }
  | { kind: 'ready'; data: Customer360 }
  /** Not synced yet, or outside the viewer's data scope: the server does not say which, on purpose. */
  | { kind: 'notFound'; message: string }
  /** `signIn`: the session ended meanwhile, so the way out is logging in again rather than retrying. */
  | { kind: 'failed'; text: ErrorText; signIn: boolean };

/** While a tag change is on its way to WeCom, the 360 is asked again this often, for at most this long. */
export const SYNC_POLL_MS = 2_000;
export const SYNC_POLL_LIMIT_MS = 30_000;

export interface Customer360Handle {
  state: Customer360State;
  /** Loads again from scratch (the skeleton shows meanwhile). */
  retry: () => void;
  /** Shows an update the server has confirmed at once, then asks for the authoritative 360 quietly. */
  update: (change: (data: Customer360) => Customer360) => void;
  /** Asks for the authoritative 360 quietly, keeping what is on screen meanwhile (e.g. after a 409). */
  refresh: () => void;
  /** A timeline entry the server pushed (live signal): shown on top at once, no reload. */
  mergeLive: (entry: TimelineEntry) => void;
}

/** Loads the 360 for one external userid, and keeps it fresh while tag changes are being written to WeCom. */
export function useCustomer360(externalUserId: string): Customer360Handle {
  const [state, setState] = useState<Customer360State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [syncWatch, setSyncWatch] = useState(0);
  // Answers can overtake each other (a poll in flight while a save lands): only the latest request may show.
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setState({ kind: 'loading' });
    fetchCustomer360(externalUserId).then(
      (data) => ticket === latest.current && setState({ kind: 'ready', data }),
      (error: unknown) => ticket === latest.current && setState(failureState(error)),
    );
  }, [externalUserId, attempt]);

  // A quiet reload keeps what is on screen when it fails: the next poll or action will try again.
  const reloadQuietly = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const data = await fetchCustomer360(externalUserId);
      if (ticket === latest.current) setState({ kind: 'ready', data });
    } catch {
      // keep the last good 360
    }
  }, [externalUserId]);

  const syncing = state.kind === 'ready' && state.data.tagChanges.some((change) => change.state === 'pending');
  useEffect(() => {
    if (!syncing) return;
    const deadline = Date.now() + SYNC_POLL_LIMIT_MS;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      timer = setTimeout(async () => {
        await reloadQuietly();
        if (live && Date.now() < deadline) next();
      }, SYNC_POLL_MS);
    };
    next();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [syncing, syncWatch, reloadQuietly]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (data: Customer360) => Customer360) => {
      setState((current) => (current.kind === 'ready' ? { kind: 'ready', data: change(current.data) } : current));
      setSyncWatch((n) => n + 1); // a new change gets its own 30 s of watching
      void reloadQuietly();
    },
    [reloadQuietly],
  );
  const refresh = useCallback(() => void reloadQuietly(), [reloadQuietly]);
  const mergeLive = useCallback(
    (entry: TimelineEntry) => setState((current) => (current.kind === 'ready' ? { kind: 'ready', data: withTimelineEntry(current.data, entry) } : current)),
    [],
  );
  return { state, retry, update, refresh, mergeLive };
}

function failureState(error: unknown): Customer360State {
  if (error instanceof ApiError && error.code === 'NOT_FOUND') return { kind: 'notFound', message: error.message };
  return { kind: 'failed', text: describeError(error), signIn: error instanceof ApiError && error.status === 401 };
}
