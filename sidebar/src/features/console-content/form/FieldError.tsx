import type { ErrorDetail } from '@zhike/shared/errors';
import { issuesAt } from './field-issues';

/** The issues the server named for one field, right under it. */
export function FieldError({ details, field, nested = false }: { details: readonly ErrorDetail[]; field: string; nested?: boolean }) {
  const issues = issuesAt(details, field, nested);
  if (issues.length === 0) return null;
  return (
    <>
      {issues.map((issue, index) => (
        <p key={`${issue.field}-${index}`} className="field-error" data-testid="field-error" data-field={issue.field}>
          {issue.issue}
        </p>
      ))}
    </>
  );
}
