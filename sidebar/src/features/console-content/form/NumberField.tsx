import type { ErrorDetail } from '@zhike/shared/errors';
import { useId } from 'react';
import { FieldError } from './FieldError';

interface NumberFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  field: string;
  details: readonly ErrorDetail[];
  min?: number;
  max?: number;
  /** The unit after the field: 像素, 天. */
  unit?: string;
}

/** A whole-number field, kept as typed; its issues (from the server or the form's own check) show under it. */
export function NumberField({ label, value, onChange, field, details, min, max, unit }: NumberFieldProps) {
  const id = useId();
  const invalid = details.some((detail) => detail.field === field);
  return (
    <div className="form-field number-field">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <span className="number-input">
        <input id={id} className="form-input" type="number" inputMode="numeric" step={1} min={min} max={max} value={value} aria-invalid={invalid || undefined} data-field={field} onChange={(event) => onChange(event.target.value)} />
        {unit && <span className="form-unit">{unit}</span>}
      </span>
      <FieldError details={details} field={field} />
    </div>
  );
}
