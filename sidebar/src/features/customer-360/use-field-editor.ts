import type { CustomFieldValue, CustomerFieldView, UpdateCustomerFieldsResponse } from '@zhike/shared/custom-fields';
import { useRef, useState } from 'react';
import { newRequestId } from '../../lib/request-id';
import { updateCustomerFields } from './customer-fields.api';
import { fieldDraft, parseFieldDraft } from './custom-field-format';
import { isRetryable, messageOf } from './save-error';

interface Unconfirmed {
  requestId: string;
  key: string;
  value: CustomFieldValue | null;
}

/**
 * One field edited at a time, inline. Saving the same value again after a failure resends the same requestId
 * (the first attempt may have reached the server); a different value is a new request.
 */
export function useFieldEditor({ externalUserId, onSaved }: { externalUserId: string; onSaved: (answer: UpdateCustomerFieldsResponse) => void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unconfirmed = useRef<Unconfirmed | null>(null);

  function open(field: CustomerFieldView) {
    setEditing(field.key);
    setDraft(fieldDraft(field));
    setError(null);
  }

  function cancel() {
    setEditing(null);
    setError(null);
  }

  async function save(field: CustomerFieldView) {
    if (saving) return;
    const parsed = parseFieldDraft(field, draft);
    if ('error' in parsed) return setError(parsed.error);
    if (parsed.value === field.value) return cancel(); // nothing changed: nothing to send
    const previous = unconfirmed.current;
    const request = previous && previous.key === field.key && previous.value === parsed.value ? previous : { requestId: newRequestId(), key: field.key, value: parsed.value };
    unconfirmed.current = request;
    setSaving(true);
    setError(null);
    try {
      const answer = await updateCustomerFields(externalUserId, { requestId: request.requestId, values: { [request.key]: request.value } });
      unconfirmed.current = null;
      setEditing(null);
      onSaved(answer);
    } catch (failure) {
      if (!isRetryable(failure)) unconfirmed.current = null;
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  }

  return { editing, draft, setDraft, saving, error, open, cancel, save };
}

export type FieldEditor = ReturnType<typeof useFieldEditor>;
