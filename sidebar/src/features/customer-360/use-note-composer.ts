import { AddCustomerNoteRequest, type TimelineEntry } from '@zhike/shared/timeline';
import { useRef, useState } from 'react';
import { newRequestId } from '../../lib/request-id';
import { addCustomerNote } from './customer-follow-up.api';
import { isRetryable, messageOf } from './save-error';

/** The server's limit, read from the contract (it counts the trimmed text, in UTF-16 units like `length`). */
export const NOTE_MAX_CHARS = AddCustomerNoteRequest.shape.text.maxLength ?? 2000;
/** The counter appears this close to the limit; earlier it is only noise. */
export const NOTE_COUNTER_FROM = 200;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/**
 * The note being written and its save. A failed save keeps the text; saving the same text again resends the
 * same requestId (the first attempt may have reached the server), while edited text is a new note.
 */
export function useNoteComposer({ externalUserId, onSaved }: { externalUserId: string; onSaved: (entry: TimelineEntry) => void }) {
  const [text, setText] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const unconfirmed = useRef<AddCustomerNoteRequest | null>(null);

  const trimmed = text.trim();
  const remaining = NOTE_MAX_CHARS - trimmed.length;
  const saving = save.kind === 'saving';
  const canSave = trimmed.length > 0 && remaining >= 0 && !saving;

  async function submit(): Promise<boolean> {
    if (!canSave) return false;
    const request = unconfirmed.current?.text === trimmed ? unconfirmed.current : { requestId: newRequestId(), text: trimmed };
    unconfirmed.current = request;
    setSave({ kind: 'saving' });
    try {
      const entry = await addCustomerNote(externalUserId, request);
      unconfirmed.current = null;
      setText('');
      setSave({ kind: 'idle' });
      onSaved(entry);
      return true;
    } catch (failure) {
      if (!isRetryable(failure)) unconfirmed.current = null;
      setSave({ kind: 'failed', message: messageOf(failure) });
      return false;
    }
  }

  return { text, setText, remaining, saving, canSave, error: save.kind === 'failed' ? save.message : null, submit };
}
