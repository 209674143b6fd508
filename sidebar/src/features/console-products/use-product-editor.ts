import { useState } from 'react';
import { localFormError, toFormError, type FormError } from '../console-content/form/form-error';
import { createProduct, updateProduct, type AdminProduct } from './products.api';
import { draftFromProduct, toSaveRequest, type ProductDraft } from './product-draft';

/**
 * One product's editing. After a save the form takes the server's answer, so new SKU rows carry their ids
 * and the next save updates them instead of adding them again. No versions: the last save wins.
 */
export function useProductEditor({ initial, onSaved }: { initial: ProductDraft; onSaved: (product: AdminProduct) => void }) {
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [saved, setSaved] = useState(false);

  async function save() {
    setSaved(false);
    const built = toSaveRequest(draft);
    if ('issues' in built) {
      setError(localFormError(built.issues));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const product = draft.id ? await updateProduct(draft.id, built.request) : await createProduct(built.request);
      setDraft(draftFromProduct(product));
      setSaved(true);
      onSaved(product);
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setSaving(false);
    }
  }

  return { draft, setDraft, saving, error, saved, save };
}
