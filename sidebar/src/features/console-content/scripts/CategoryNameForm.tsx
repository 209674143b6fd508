import { useState } from 'react';
import { FieldError } from '../form/FieldError';
import type { FormError } from '../form/form-error';
import { unplacedIssues } from '../form/field-issues';

interface CategoryNameFormProps {
  initial: string;
  placeholder: string;
  /** Answers null when saved, else what went wrong. */
  onSave: (name: string) => Promise<FormError | null>;
  onCancel: () => void;
}

/** One inline name field for creating or renaming a category; the server's issue shows under it. */
export function CategoryNameForm({ initial, placeholder, onSave, onCancel }: CategoryNameFormProps) {
  const [name, setName] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  async function submit() {
    setSaving(true);
    const failure = await onSave(name);
    setSaving(false);
    setError(failure);
    if (!failure) onCancel();
  }

  const other = error ? unplacedIssues(error.details, [{ field: 'body.name' }]) : [];
  return (
    <form
      className="category-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input className="form-input" value={name} placeholder={placeholder} aria-label={placeholder} autoFocus maxLength={40} onChange={(event) => setName(event.target.value)} />
      <span className="category-form-actions">
        <button type="submit" className="button button-primary button-small" disabled={saving}>
          {saving ? '保存中…' : '保存'}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          取消
        </button>
      </span>
      {error && <FieldError details={error.details} field="body.name" />}
      {error && (error.details.length === 0 || other.length > 0) && <p className="field-error">{error.message}</p>}
    </form>
  );
}
