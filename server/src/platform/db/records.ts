/** Repositories hand services plain objects with a string `id` instead of mongoose's `_id`. */
export type WithId<T> = T & { id: string };

export function withStringId<T extends { _id: { toString(): string } }>(doc: T): Omit<T, '_id'> & { id: string } {
  const { _id, ...rest } = doc;
  return { ...rest, id: _id.toString() };
}

/**
 * A unique index refused the write. MongoDB says E11000; FerretDB 1.24 says so for inserts but answers an
 * update that collides with code 1 and SQLite's "UNIQUE constraint failed" (see the conformance suite).
 */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: number; message?: string };
  return code === 11000 || (code === 1 && /UNIQUE constraint failed/.test(message ?? ''));
}
