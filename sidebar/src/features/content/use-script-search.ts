import type { ScriptView } from '@zhike/shared/scripts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './content-error';
import { searchScripts, type ScriptFilter } from './scripts.api';

export interface ScriptSearchState {
  items: ScriptView[];
  total: number;
  /** A search (or the first load) is on its way; the previous results stay on screen meanwhile. */
  searching: boolean;
  /** At least one answer arrived, so an empty list means "nothing matches" rather than "not yet". */
  loaded: boolean;
  loadingMore: boolean;
  error: string | null;
}

const INITIAL: ScriptSearchState = { items: [], total: 0, searching: true, loaded: false, loadingMore: false, error: null };

/**
 * The 话术 list for a filter. Answers can overtake each other while the salesperson types, so only the answer
 * to the latest filter may show; 加载更多 appends the next page of the same filter.
 */
export function useScriptSearch(filter: ScriptFilter) {
  const [state, setState] = useState<ScriptSearchState>(INITIAL);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const { q, categoryId, favourites } = filter;

  useEffect(() => {
    const ticket = ++latest.current;
    setState((current) => ({ ...current, searching: true, loadingMore: false, error: null }));
    searchScripts({ q, categoryId, favourites }).then(
      (page) => ticket === latest.current && setState({ items: page.items, total: page.total, searching: false, loaded: true, loadingMore: false, error: null }),
      (error: unknown) => ticket === latest.current && setState((current) => ({ ...current, searching: false, error: messageOf(error) })),
    );
  }, [q, categoryId, favourites, attempt]);

  const loadMore = useCallback(() => {
    const ticket = latest.current;
    setState((current) => ({ ...current, loadingMore: true, error: null }));
    searchScripts({ q, categoryId, favourites }, state.items.length).then(
      (page) =>
        ticket === latest.current &&
        setState((current) => {
          const known = new Set(current.items.map((item) => item.id));
          return { ...current, items: [...current.items, ...page.items.filter((item) => !known.has(item.id))], total: page.total, loadingMore: false };
        }),
      (error: unknown) => ticket === latest.current && setState((current) => ({ ...current, loadingMore: false, error: messageOf(error) })),
    );
  }, [q, categoryId, favourites, state.items.length]);

  /** Shows a script as the server now has it (after a favourite toggle), in place. */
  const replace = useCallback((script: ScriptView) => {
    setState((current) => ({ ...current, items: current.items.map((item) => (item.id === script.id ? script : item)) }));
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, loadMore, replace, retry };
}
