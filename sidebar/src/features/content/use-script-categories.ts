import type { ScriptCategory } from '@zhike/shared/scripts';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './content-error';
import { fetchScriptCategories } from './scripts.api';

export type CategoriesState = { kind: 'loading' } | { kind: 'ready'; categories: ScriptCategory[] } | { kind: 'failed'; message: string };

/** The category chips: loaded once per panel; the list works without them if they fail. */
export function useScriptCategories() {
  const [state, setState] = useState<CategoriesState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    fetchScriptCategories().then(
      (categories) => live && setState({ kind: 'ready', categories }),
      (error: unknown) => live && setState({ kind: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
