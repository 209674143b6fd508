import type { PosterTemplateView } from '@zhike/shared/posters';
import { useCallback, useEffect, useState } from 'react';
import { toFormError, type FormError } from '../form/form-error';
import { listPosterTemplates } from './posters.api';

export type PosterTemplatesState = { kind: 'loading' } | { kind: 'ready'; templates: PosterTemplateView[] } | { kind: 'failed'; error: FormError };

/** Every template, active ones first, newest edit first within each. */
export function usePosterTemplates() {
  const [state, setState] = useState<PosterTemplatesState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    listPosterTemplates().then(
      (templates) => live && setState({ kind: 'ready', templates: [...templates].sort((a, b) => Number(a.retired) - Number(b.retired) || b.updatedAt.localeCompare(a.updatedAt)) }),
      (error: unknown) => live && setState({ kind: 'failed', error: toFormError(error) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
