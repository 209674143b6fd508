/** Repositories hand services plain objects with a string `id` instead of mongoose's `_id`. */
export type WithId<T> = T & { id: string };

export function withStringId<T extends { _id: { toString(): string } }>(doc: T): Omit<T, '_id'> & { id: string } {
  const { _id, ...rest } = doc;
  return { ...rest, id: _id.toString() };
}

/** MongoDB's duplicate-key error: a unique index refused the write. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === 11000;
}
