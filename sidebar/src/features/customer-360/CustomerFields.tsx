import type { Customer360 } from '@zhike/shared/customers';
import { CUSTOM_TEXT_MAX, type CustomerFieldView } from '@zhike/shared/custom-fields';
import { formatFieldValue, withCustomFields } from './custom-field-format';
import { useFieldEditor, type FieldEditor } from './use-field-editor';

interface CustomerFieldsProps {
  data: Customer360;
  /** Shows a change the server confirmed (see useCustomer360's `update`). */
  onUpdate: (change: (data: Customer360) => Customer360) => void;
}

/** 资料: the admin's custom fields, one per line; tapping a value edits it in place (the toolbar is too narrow for a dialog). */
export function CustomerFields({ data, onUpdate }: CustomerFieldsProps) {
  const editor = useFieldEditor({
    externalUserId: data.customer.externalUserId,
    onSaved: ({ fields, entry }) => onUpdate((current) => withCustomFields(current, fields, entry)),
  });
  if (data.customFields.length === 0) return null; // the admin has not defined any
  return (
    <section className="card" aria-label="资料">
      <div className="c360-section-head">
        <h3 className="card-title">资料</h3>
      </div>
      <dl className="c360-fields" data-testid="customer-fields">
        {data.customFields.map((field) => (
          <div key={field.key} className="c360-field" data-testid="customer-field">
            <dt>
              {field.label}
              {field.required && <span className="c360-field-required" title="必填">*</span>}
            </dt>
            <dd>
              {editor.editing === field.key ? (
                <FieldInput field={field} editor={editor} />
              ) : (
                <button
                  type="button"
                  className={field.value === null ? 'c360-field-value c360-field-empty' : 'c360-field-value'}
                  data-testid="field-value"
                  title={`修改${field.label}`}
                  onClick={() => editor.open(field)}
                >
                  {formatFieldValue(field)}
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The input that suits the field's type, with 保存 / 取消; Enter saves and Escape cancels. */
function FieldInput({ field, editor }: { field: CustomerFieldView; editor: FieldEditor }) {
  const common = {
    className: 'c360-field-input',
    'data-testid': 'field-input',
    'aria-label': field.label,
    value: editor.draft,
    disabled: editor.saving,
    autoFocus: true,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Enter') void editor.save(field);
      if (event.key === 'Escape') editor.cancel();
    },
  };
  return (
    <div className="c360-field-editor">
      {field.type === 'select' ? (
        <select {...common} onChange={(event) => editor.setDraft(event.target.value)}>
          {!field.required && <option value="">未选择</option>}
          {field.required && field.value === null && <option value="">请选择</option>}
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          maxLength={field.type === 'text' ? CUSTOM_TEXT_MAX : undefined}
          onChange={(event) => editor.setDraft(event.target.value)}
        />
      )}
      {editor.error && (
        <p className="toast toast-error" role="alert" data-testid="field-error">
          {editor.error}
        </p>
      )}
      <div className="c360-field-actions">
        <button type="button" className="button button-small" onClick={editor.cancel} disabled={editor.saving}>
          取消
        </button>
        <button type="button" className="button button-small button-primary" data-testid="save-field" onClick={() => void editor.save(field)} disabled={editor.saving}>
          {editor.saving ? '保存中…' : '保存'}
        </button>
      </div>
    </div>
  );
}
