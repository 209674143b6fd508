import type { PosterTemplateView } from '@zhike/shared/posters';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './content-error';
import { fetchPosterTemplates } from './posters.api';

export type PosterTemplatesState = { kind: 'loading' } | { kind: 'ready'; templates: PosterTemplateView[] } | { kind: 'failed'; message: string };

/** The active poster templates, loaded when the 海报 tab first opens. */
export function usePosterTemplates() {
  const [state, setState] = useState<PosterTemplatesState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    fetchPosterTemplates().then(
      (templates) => live && setState({ kind: 'ready', templates }),
      (error: unknown) => live && setState({ kind: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
