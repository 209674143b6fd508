import type { CustomerTagView } from '@zhike/shared/customers';
import type { CorpTagView, TagChangeView } from '@zhike/shared/tags';
import { useCallback, useMemo, useRef, useState } from 'react';
import { newRequestId } from '../../lib/request-id';
import { fetchTagLibrary, markCustomerTags } from './customer-tags.api';
import { isRetryable, messageOf } from './save-error';
import { sameTagChange, tagDiff, viewerTagIds, type TagEdit } from './tag-editing';

export type LibraryState = { kind: 'loading' } | { kind: 'ready'; tags: CorpTagView[] } | { kind: 'failed'; message: string };

/** `retryable`: worth sending again (network, server busy); a refusal (403, 404, bad tag) is not. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'failed'; message: string; retryable: boolean };

interface TagEditorOptions {
  externalUserId: string;
  viewerUserid: string;
  tags: CustomerTagView[];
  /** The server took the change; `library` resolves the names of tags the customer did not have yet. */
  onSaved: (change: TagChangeView, library: CorpTagView[]) => void;
}

/**
 * The inline tag picker: the corp library (loaded on first open, kept for the panel's life), the viewer's own
 * marks checked, and one POST of the difference per 保存. A failed save keeps the picker open; sending the
 * same difference again reuses the requestId, so a request that did reach the server is applied once.
 */
export function useTagEditor({ externalUserId, viewerUserid, tags, onSaved }: TagEditorOptions) {
  const [open, setOpen] = useState(false);
  const [library, setLibrary] = useState<LibraryState>({ kind: 'loading' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const unconfirmed = useRef<TagEdit | null>(null);
  const libraryRequested = useRef(false);

  const options = useMemo(() => (library.kind === 'ready' ? library.tags : []), [library]);
  const mine = useMemo(() => viewerTagIds(tags, viewerUserid), [tags, viewerUserid]);
  const diff = tagDiff(options, mine, selected);
  const changed = diff.add.length + diff.remove.length > 0;

  const loadLibrary = useCallback(() => {
    libraryRequested.current = true;
    setLibrary({ kind: 'loading' });
    fetchTagLibrary().then(
      (loaded) => setLibrary({ kind: 'ready', tags: loaded }),
      (error: unknown) => setLibrary({ kind: 'failed', message: messageOf(error) }),
    );
  }, []);

  const openPicker = useCallback(() => {
    setSelected(mine);
    setSave({ kind: 'idle' });
    setOpen(true);
    if (!libraryRequested.current) loadLibrary();
  }, [mine, loadLibrary]);

  const closePicker = useCallback(() => setOpen(false), []);

  const toggle = useCallback((tagId: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(tagId)) next.add(tagId);
      return next;
    });
  }, []);

  async function saveChanges() {
    if (!changed || save.kind === 'saving' || library.kind !== 'ready') return;
    const edit = unconfirmed.current && sameTagChange(unconfirmed.current, diff) ? unconfirmed.current : { requestId: newRequestId(), ...diff };
    unconfirmed.current = edit;
    setSave({ kind: 'saving' });
    try {
      const change = await markCustomerTags(externalUserId, edit);
      unconfirmed.current = null;
      setSave({ kind: 'idle' });
      setOpen(false);
      onSaved(change, library.tags);
    } catch (error) {
      setSave({ kind: 'failed', message: messageOf(error), retryable: isRetryable(error) });
    }
  }

  return { open, library, options, mine, selected, save, changed, openPicker, closePicker, toggle, saveChanges, loadLibrary };
}
