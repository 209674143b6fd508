import type { ScriptView } from '@zhike/shared/scripts';
import { useCallback, useState } from 'react';
import { messageOf } from './content-error';
import { setScriptFavourite } from './scripts.api';

/**
 * ☆/★ on a script. The star flips only once the server agrees (a favourite is cheap to tap again, a star
 * that lies is not); `onSaved` shows the script as the server now has it wherever it is listed.
 */
export function useFavouriteToggle(onSaved: (script: ScriptView) => void) {
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const toggle = useCallback(
    async (script: ScriptView) => {
      if (pending.has(script.id)) return;
      setError(null);
      setPending((current) => new Set(current).add(script.id));
      try {
        onSaved(await setScriptFavourite(script.id, !script.favourite));
      } catch (failure) {
        setError(`${script.favourite ? '取消收藏' : '收藏'}没有成功：${messageOf(failure)}`);
      } finally {
        setPending((current) => {
          const next = new Set(current);
          next.delete(script.id);
          return next;
        });
      }
    },
    [pending, onSaved],
  );

  return { toggle, pending, error, dismissError: () => setError(null) };
}
