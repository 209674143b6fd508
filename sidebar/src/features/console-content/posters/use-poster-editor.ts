import type { PosterTemplateView } from '@zhike/shared/posters';
import { useState } from 'react';
import { ApiError } from '../../../lib/http';
import { localFormError, toFormError, type FormError } from '../form/form-error';
import { createPosterTemplate, listPosterTemplates, previewPoster, retirePosterTemplate, updatePosterTemplate } from './posters.api';
import { draftFromTemplate, toPosterRequest, toUpdatePosterRequest, type PosterDraft } from './poster-draft';
import { usePreviewImage } from './use-poster-preview';

type Busy = 'saving' | 'previewing' | 'retiring' | 'reloading' | null;

/**
 * One template's editing: preview, create/update (with the version it was loaded at; 409 → `reloadLatest`),
 * retire. Numbers and uploads are checked here first; everything else the server checks, and its issues land
 * on the same fields.
 */
export function usePosterEditor({ initial, onSaved }: { initial: PosterDraft; onSaved: (template: PosterTemplateView | null) => void }) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const preview = usePreviewImage();

  async function run(kind: Exclude<Busy, null>, action: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    setSavedAt(null);
    try {
      await action();
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(null);
    }
  }

  /** The checked request, or null after showing what to fix. */
  function checkedRequest() {
    const { request, issues } = toPosterRequest(draft);
    if (issues.length === 0) return request;
    setError(localFormError(issues));
    return null;
  }

  function renderPreview() {
    const request = checkedRequest();
    if (request) void run('previewing', async () => preview.show(await previewPoster(request)));
  }

  function save() {
    const request = checkedRequest();
    if (!request) return;
    void run('saving', async () => {
      const saved = draft.id && draft.version !== null ? await updatePosterTemplate(draft.id, toUpdatePosterRequest(request, draft.version)) : await createPosterTemplate(request);
      setDraft((current) => ({ ...current, id: saved.id, version: saved.version, retired: saved.retired }));
      setSavedAt(Date.now());
      onSaved(saved);
    });
  }

  function retire() {
    const id = draft.id;
    if (!id) return;
    void run('retiring', async () => {
      await retirePosterTemplate(id);
      setDraft((current) => ({ ...current, retired: true }));
      onSaved(null);
    });
  }

  function reloadLatest() {
    void run('reloading', async () => {
      const latest = (await listPosterTemplates()).find((template) => template.id === draft.id);
      if (!latest) throw new ApiError(404, 'NOT_FOUND', '没有找到这个模板的最新版本，可能已被停用或删除，请在列表中重新打开。');
      setDraft(draftFromTemplate(latest));
      onSaved(latest);
    });
  }

  return { draft, setDraft, busy, error, savedAt, previewUrl: preview.url, clearPreview: () => preview.show(null), renderPreview, save, retire, reloadLatest };
}

export type PosterEditorHandle = ReturnType<typeof usePosterEditor>;
