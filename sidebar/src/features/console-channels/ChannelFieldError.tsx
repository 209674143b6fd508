import type { ErrorDetail } from '@zhike/shared/errors';

/**
 * The server's issues for one field (`body.assignment.members.0.userid`), under it. The console's content forms
 * have their own; this one stays in the channels chunk so the two lazily loaded screens share no code.
 */
export function ChannelFieldError({ details, field, nested = false }: { details: readonly ErrorDetail[]; field: string; nested?: boolean }) {
  const issues = details.filter((detail) => detail.field === field || (nested && detail.field.startsWith(`${field}.`)));
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
