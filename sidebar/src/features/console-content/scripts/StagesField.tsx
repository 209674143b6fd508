import type { ErrorDetail } from '@zhike/shared/errors';
import type { StageDefinition } from '@zhike/shared/stages';
import { FieldError } from '../form/FieldError';

interface StagesFieldProps {
  value: string[];
  onChange: (next: string[]) => void;
  /** The corp's pipeline, in order. */
  stages: readonly StageDefinition[];
  details: readonly ErrorDetail[];
}

/** The pipeline stages the script suits (they feed the sidebar's recommendations); none means any stage. */
export function StagesField({ value, onChange, stages, details }: StagesFieldProps) {
  // A stage since removed from the pipeline still shows (by its key), so the admin can see and untick it.
  const removed = value.filter((key) => !stages.some((stage) => stage.key === key)).map((key) => ({ key, label: `${key}（已不在流程中）` }));
  const toggle = (key: string, on: boolean) => onChange(on ? [...value.filter((s) => s !== key), key] : value.filter((s) => s !== key));
  return (
    <fieldset className="form-field stage-field">
      <legend className="form-label">适用阶段</legend>
      <span className="stage-options">
        {[...stages, ...removed].map((stage) => (
          <label key={stage.key} className="checkbox">
            <input type="checkbox" checked={value.includes(stage.key)} onChange={(event) => toggle(stage.key, event.target.checked)} />
            {stage.label}
          </label>
        ))}
      </span>
      <span className="form-hint">不选表示适用于所有阶段。</span>
      <FieldError details={details} field="body.stages" nested />
    </fieldset>
  );
}
