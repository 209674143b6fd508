import type { ErrorDetail } from '@zhike/shared/errors';
import { formatFen } from '@zhike/shared/money';

/** The server's issues for one field (`nested`: also those inside it, `body.items.0.skuId` under `body.items.0`). */
export function issuesAt(details: readonly ErrorDetail[], field: string, nested = false): ErrorDetail[] {
  return details.filter((detail) => detail.field === field || (nested && detail.field.startsWith(`${field}.`)));
}

/** "最多 1234 分" is how the server states the discount cap; people read money in 元. */
export function readableIssue(issue: string): string {
  return issue.replace(/最多 (\d+) 分/, (_, fen: string) => `最多可优惠 ${formatFen(Number(fen))}`);
}

export function OrderFieldError({ details, field, nested = false }: { details: readonly ErrorDetail[]; field: string; nested?: boolean }) {
  return (
    <>
      {issuesAt(details, field, nested).map((issue, index) => (
        <p key={`${issue.field}-${index}`} className="field-error" role="alert" data-testid="field-error" data-field={issue.field}>
          {readableIssue(issue.issue)}
        </p>
      ))}
    </>
  );
}
