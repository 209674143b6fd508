import { decodeParam } from '../query-string';

/** Query keys that say how a customer arrived; everything else in a launch query is page state. */
const ENTRY_KEYS = ['inviter', 'scene', 't'] as const;

/**
 * The referrer of a session's first page: how the app was opened (`inviter=…` from a share path,
 * `scene=…` from a poster code, `t=…` from a script's card), or undefined for a plain visit.
 */
export function describeEntry(query: Record<string, string | undefined> | undefined): string | undefined {
  if (!query) return undefined;
  const parts = ENTRY_KEYS.flatMap((key) => {
    const value = decodeParam(query[key]);
    return value ? [`${key}=${value}`] : [];
  });
  return parts.length > 0 ? parts.join('&').slice(0, 200) : undefined;
}
