import type { ScriptSearchResponse } from '@zhike/shared/scripts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toFormError, type FormError } from '../form/form-error';
import { searchScripts, type ScriptFilter } from './scripts.api';

export type ScriptSearchState = { kind: 'loading' } | { kind: 'ready'; page: ScriptSearchResponse } | { kind: 'failed'; error: FormError };

// Typing 产品手册 fires a search per character without this; a quarter second feels immediate.
export const SEARCH_DEBOUNCE_MS = 250;

/** The list for the filter on screen; typing waits for a pause, other filter changes search at once. */
export function useScriptSearch(filter: ScriptFilter) {
  const [state, setState] = useState<ScriptSearchState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const firstQuery = useRef(true);
  const [query, setQuery] = useState(filter.q);

  useEffect(() => {
    if (firstQuery.current) {
      firstQuery.current = false;
      return;
    }
    const timer = setTimeout(() => setQuery(filter.q), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [filter.q]);

  const { categoryId, type, includeRetired, offset } = filter;
  useEffect(() => {
    // Answers may overtake each other; only the latest search may show.
    const ticket = ++latest.current;
    searchScripts({ q: query, categoryId, type, includeRetired, offset }).then(
      (page) => ticket === latest.current && setState({ kind: 'ready', page }),
      (error: unknown) => ticket === latest.current && setState({ kind: 'failed', error: toFormError(error) }),
    );
  }, [query, categoryId, type, includeRetired, offset, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
