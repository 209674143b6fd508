import type { ScriptView } from '@zhike/shared/scripts';
import { useState } from 'react';
import { toFormError, type FormError } from '../form/form-error';
import { createScript, findScript, retireScript, updateScript } from './scripts.api';
import { draftFromScript, toCreateRequest, toUpdateRequest, type ScriptDraft } from './script-draft';

interface ScriptEditorOptions {
  initial: ScriptDraft;
  /** The server has a new version (created, updated, retired or reloaded): the list should show it. */
  onSaved: (script: ScriptView) => void;
}

/**
 * One script's editing: create or update from the draft on screen. An update carries the version it was loaded
 * at; a 409 means a colleague saved in between, and the way out is loading their version (`reloadLatest`).
 */
export function useScriptEditor({ initial, onSaved }: ScriptEditorOptions) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState<'saving' | 'retiring' | 'reloading' | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);

  // What is on screen stays as typed after saving (uploads keep their previews); only identity and version move.
  function adopt(script: ScriptView) {
    setDraft((current) => ({ ...current, id: script.id, version: script.version, retired: script.retired }));
    onSaved(script);
  }

  async function run(kind: 'saving' | 'retiring', action: () => Promise<ScriptView>) {
    setBusy(kind);
    setError(null);
    setSavedAt(null);
    try {
      adopt(await action());
      setSavedAt(Date.now());
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(null);
    }
  }

  const save = () =>
    run('saving', () => (draft.id && draft.version !== null ? updateScript(draft.id, toUpdateRequest(draft, draft.version)) : createScript(toCreateRequest(draft))));

  const retire = () => run('retiring', () => retireScript(draft.id ?? ''));

  async function reloadLatest() {
    if (!draft.id) return;
    setBusy('reloading');
    try {
      const latest = await findScript({ id: draft.id, categoryId: initial.categoryId, title: initial.title });
      if (!latest) {
        setError({ message: '没有找到这条话术的最新版本，可能已被移到其他分类。请在列表中重新打开它。', details: [], conflict: false, forbidden: false });
        return;
      }
      setDraft(draftFromScript(latest));
      setError(null);
      onSaved(latest);
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(null);
    }
  }

  return { draft, setDraft, busy, error, savedAt, save, retire, reloadLatest };
}

export type ScriptEditorHandle = ReturnType<typeof useScriptEditor>;
