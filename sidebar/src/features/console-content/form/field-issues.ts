import type { ErrorDetail } from '@zhike/shared/errors';

/**
 * Which of the server's issues belong to a field. `field` is the server's dotted path (`body.content.url`,
 * `body.layers.2.fontSize`); `nested` also takes issues inside it (`body.keywords.3` belongs to keywords).
 */
export function issuesAt(details: readonly ErrorDetail[], field: string, nested = false): ErrorDetail[] {
  return details.filter((detail) => detail.field === field || (nested && detail.field.startsWith(`${field}.`)));
}

/** A field the form shows issues next to: its path, and whether it takes issues inside it too. */
export interface PlacedField {
  field: string;
  nested?: boolean;
}

/** Issues no field on screen will show: they go to the top with the message, so nothing is lost. */
export function unplacedIssues(details: readonly ErrorDetail[], placed: readonly PlacedField[]): ErrorDetail[] {
  return details.filter((detail) => !placed.some((spot) => issuesAt([detail], spot.field, spot.nested).length > 0));
}
