import { mongo } from 'mongoose';
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

/**
 * Inserts what is new and skips what a unique index already holds, in one round trip: the positions
 * stored (with their new ids) and the positions refused as duplicates. Any other failure is thrown.
 */
export async function insertManySkippingDuplicates<T extends object>(
  collection: mongo.Collection,
  documents: T[],
): Promise<{ inserted: { index: number; id: string }[]; duplicates: number[] }> {
  if (documents.length === 0) return { inserted: [], duplicates: [] };
  // The driver adds _id to the objects it is given: hand it copies so callers' objects stay as they were.
  const copies = documents.map((document) => ({ ...document }) as Record<string, unknown>);
  const idsOf = (refused: Set<number>) =>
    copies.flatMap((copy, index) => (refused.has(index) ? [] : [{ index, id: String(copy._id) }]));
  try {
    await collection.insertMany(copies, { ordered: false });
    return { inserted: idsOf(new Set()), duplicates: [] };
  } catch (error) {
    if (!(error instanceof mongo.MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.some((writeError) => !isDuplicateKeyError({ code: writeError.code, message: writeError.errmsg }))) throw error;
    const refused = new Set(writeErrors.map((writeError) => writeError.index));
    return { inserted: idsOf(refused), duplicates: [...refused].sort((a, b) => a - b) };
  }
}
