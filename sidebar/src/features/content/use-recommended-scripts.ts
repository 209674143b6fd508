import type { RecommendedScript, ScriptView } from '@zhike/shared/scripts';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './content-error';
import { fetchRecommendedScripts } from './scripts.api';

export type RecommendedState = { kind: 'loading' } | { kind: 'ready'; items: RecommendedScript[] } | { kind: 'failed'; message: string };

/** 为你推荐 for the open customer; a failure only costs the suggestions, never the library below. */
export function useRecommendedScripts(externalUserId: string) {
  const [state, setState] = useState<RecommendedState>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    fetchRecommendedScripts(externalUserId).then(
      (items) => live && setState({ kind: 'ready', items }),
      (error: unknown) => live && setState({ kind: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [externalUserId]);

  const replace = useCallback((script: ScriptView) => {
    setState((current) =>
      current.kind === 'ready' ? { kind: 'ready', items: current.items.map((item) => (item.script.id === script.id ? { ...item, script } : item)) } : current,
    );
  }, []);

  return { state, replace };
}
