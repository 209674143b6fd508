import type { ErrorDetail } from '@zhike/shared/errors';
import { SCRIPT_VARIABLES } from '@zhike/shared/scripts';
import { useId, useRef } from 'react';
import { FieldError } from './FieldError';
import { insertAtCaret } from './insert-variable';
import { unknownVariables, VARIABLE_NAMES } from './script-variables';

interface TextWithVariablesProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The server's path for this field, to show its issues here. */
  field: string;
  details: readonly ErrorDetail[];
  multiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  testId?: string;
}

/** A text field with the script variables as chips: a tap puts `{{客户称呼}}` at the caret. */
export function TextWithVariables({ label, value, onChange, field, details, multiline, maxLength, placeholder, testId }: TextWithVariablesProps) {
  const id = useId();
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const unknown = unknownVariables(value);

  function insert(name: string) {
    const element = input.current;
    const next = insertAtCaret(value, `{{${name}}}`, element?.selectionStart ?? null, element?.selectionEnd ?? null);
    onChange(next.value);
    // After React writes the new value, put the caret after the chip so typing continues there.
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  }

  const common = {
    ref: input,
    id,
    className: 'form-input',
    value,
    maxLength,
    placeholder,
    'data-testid': testId,
    'aria-invalid': details.some((detail) => detail.field === field) || undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="form-field">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? <textarea rows={5} {...common} /> : <input type="text" {...common} />}
      <span className="variable-chips" role="group" aria-label="插入变量">
        {VARIABLE_NAMES.map((name) => (
          <button key={name} type="button" className="variable-chip" title={SCRIPT_VARIABLES[name].description} onClick={() => insert(name)}>
            {`{{${name}}}`}
          </button>
        ))}
      </span>
      {unknown.length > 0 && <span className="form-hint form-hint-warn">未知变量：{unknown.map((name) => `{{${name}}}`).join('、')}，请检查拼写（可用的变量见上方）</span>}
      <FieldError details={details} field={field} />
    </div>
  );
}
