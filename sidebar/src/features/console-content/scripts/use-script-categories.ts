import type { ScriptCategory } from '@zhike/shared/scripts';
import { useCallback, useEffect, useState } from 'react';
import { toFormError, type FormError } from '../form/form-error';
import { createScriptCategory, listScriptCategories, retireScriptCategory, updateScriptCategory } from './scripts.api';

export type CategoriesState = { kind: 'loading' } | { kind: 'ready'; categories: ScriptCategory[] } | { kind: 'failed'; error: FormError };

/** Shared categories in display order: by `order`, then name, so the tree reads the same for everyone. */
export function sortCategories(categories: readonly ScriptCategory[]): ScriptCategory[] {
  return categories.filter((category) => category.scope === 'shared').sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The shared category tree and its edits; each edit answers null or the error to show beside its form. */
export function useScriptCategories() {
  const [state, setState] = useState<CategoriesState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    listScriptCategories().then(
      (categories) => live && setState({ kind: 'ready', categories: sortCategories(categories) }),
      (error: unknown) => live && setState({ kind: 'failed', error: toFormError(error) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const categories = state.kind === 'ready' ? state.categories : [];

  async function attemptEdit(edit: () => Promise<unknown>): Promise<FormError | null> {
    try {
      await edit();
      reload();
      return null;
    } catch (error) {
      return toFormError(error);
    }
  }

  return {
    state,
    categories,
    reload,
    create: (name: string, parentId: string | null) => {
      // New ones go last among their siblings.
      const siblings = categories.filter((category) => category.parentId === parentId);
      const order = Math.min(9999, siblings.reduce((max, category) => Math.max(max, category.order), -1) + 1);
      return attemptEdit(() => createScriptCategory({ scope: 'shared', name, parentId, order }));
    },
    rename: (category: ScriptCategory, name: string) =>
      attemptEdit(() => updateScriptCategory(category.id, { scope: 'shared', name, parentId: category.parentId, order: category.order })),
    retire: (category: ScriptCategory) => attemptEdit(() => retireScriptCategory(category.id)),
  };
}

export type ScriptCategoriesHandle = ReturnType<typeof useScriptCategories>;
