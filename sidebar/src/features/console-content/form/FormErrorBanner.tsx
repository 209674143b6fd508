import type { ReactNode } from 'react';
import { fieldLabel } from './field-labels';
import type { FormError } from './form-error';
import { unplacedIssues, type PlacedField } from './field-issues';

interface FormErrorBannerProps {
  error: FormError | null;
  /** The fields the form shows issues next to; the rest are listed here. */
  placed: readonly PlacedField[];
  children?: ReactNode;
}

/** The message on top of the form; issues for fields not on screen are listed with it. */
export function FormErrorBanner({ error, placed, children }: FormErrorBannerProps) {
  if (!error) return null;
  const rest = unplacedIssues(error.details, placed);
  return (
    <div className="form-error-banner" role="alert" data-testid="form-error">
      <p>{error.message}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((issue, index) => (
            <li key={`${issue.field}-${index}`} data-testid="field-error" data-field={issue.field}>
              {fieldLabel(issue.field)}：{issue.issue}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
