import { Error as MongooseError, Schema, type Connection } from 'mongoose';
import { mongo } from 'mongoose';
import { byEngine, openConformanceDb, race, type ConformanceDb } from './conformance/harness';

// Event ingestion: `insertMany(docs, { ordered: false })` made idempotent by a unique client event id, and
// `bulkWrite` with ordered:false. What comes back when some documents are duplicates is pinned precisely.

interface IngestedEvent {
  clientEventId: string;
  n?: number;
}

const eventSchema = new Schema<IngestedEvent>({ clientEventId: { type: String, required: true }, n: Number }, { versionKey: false });
eventSchema.index({ clientEventId: 1 }, { unique: true });

/** What the ingestion code reads from an unordered insertMany failure. */
interface UnorderedInsertError {
  code: number;
  writeErrors: { index: number; code: number; err: { op: IngestedEvent } }[];
  insertedDocs: IngestedEvent[];
  result: { insertedCount: number };
  results: unknown[];
}

/** The driver's per-document failure (`WriteError` is not exported at runtime, so recognise it by shape). */
function isWriteError(value: unknown): value is { index: number; code: number } {
  return value?.constructor?.name === 'WriteError' && typeof (value as { code?: unknown }).code === 'number';
}

async function insertFailure(write: Promise<unknown>): Promise<UnorderedInsertError> {
  const error = await write.then(
    () => {
      throw new Error('expected insertMany to report duplicates');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(mongo.MongoBulkWriteError);
  return error as UnorderedInsertError;
}

describe('database conformance: event ingestion (insertMany / bulkWrite, ordered: false)', () => {
  let db: ConformanceDb;
  let connection: Connection;
  const Events = () => connection.model<IngestedEvent>('IngestedEvent');
  const stored = async () => (await Events().find({}, { _id: 0 }).sort({ clientEventId: 1 }).lean()).map((e) => `${e.clientEventId}:${e.n ?? '-'}`);

  beforeAll(async () => {
    db = await openConformanceDb('ingestion');
    connection = db.app;
    connection.model('IngestedEvent', eventSchema);
    db.pooled.model('IngestedEvent', eventSchema);
    await Events().createIndexes();
  });
  afterAll(() => db.drop());
  beforeEach(() => Events().deleteMany({}));

  it('duplicates (already stored or repeated in the batch) are rejected one by one; the rest are inserted', async () => {
    await Events().insertMany([{ clientEventId: 'a', n: 0 }, { clientEventId: 'b', n: 0 }]);
    const batch = [
      { clientEventId: 'c', n: 1 },
      { clientEventId: 'a', n: 2 },
      { clientEventId: 'd', n: 3 },
      { clientEventId: 'd', n: 4 },
      { clientEventId: 'e', n: 5 },
    ];
    const error = await insertFailure(Events().insertMany(batch, { ordered: false }));
    expect(error.code).toBe(11000);
    // index = position in the batch passed to insertMany; op = the document that was refused.
    expect(error.writeErrors.map((w) => ({ index: w.index, code: w.code, clientEventId: w.err.op.clientEventId }))).toEqual([
      { index: 1, code: 11000, clientEventId: 'a' },
      { index: 3, code: 11000, clientEventId: 'd' },
    ]);
    expect(error.insertedDocs.map((d) => d.clientEventId)).toEqual(['c', 'd', 'e']);
    expect(error.result.insertedCount).toBe(3);
    // results is parallel to the batch: the inserted document, or the WriteError for that position.
    expect(error.results.map((r) => (isWriteError(r) ? `dup:${r.code}` : (r as IngestedEvent).clientEventId))).toEqual([
      'c',
      'dup:11000',
      'd',
      'dup:11000',
      'e',
    ]);
    expect(await stored()).toEqual(['a:0', 'b:0', 'c:1', 'd:3', 'e:5']);
  });

  it('a batch with no duplicates resolves with every document; replaying it inserts nothing new', async () => {
    const batch = [1, 2, 3].map((n) => ({ clientEventId: `r${n}`, n }));
    expect((await Events().insertMany(batch, { ordered: false })).map((d) => d.clientEventId)).toEqual(['r1', 'r2', 'r3']);
    const replay = await insertFailure(Events().insertMany(batch, { ordered: false }));
    expect({ inserted: replay.result.insertedCount, refused: replay.writeErrors.map((w) => w.index) }).toEqual({ inserted: 0, refused: [0, 1, 2] });
    expect(await stored()).toEqual(['r1:1', 'r2:2', 'r3:3']);
  });

  it('mongoose drops a document failing schema validation without telling unless asked; writeErrors keep batch positions', async () => {
    await Events().create({ clientEventId: 'a', n: 0 });
    const invalid = { n: 9 } as IngestedEvent;
    const mixed = await insertFailure(Events().insertMany([{ clientEventId: 'f', n: 1 }, invalid, { clientEventId: 'a', n: 2 }, { clientEventId: 'g', n: 3 }], { ordered: false }));
    expect(mixed.writeErrors.map((w) => w.index)).toEqual([2]);
    expect(mixed.results.map((r) => (r instanceof MongooseError.ValidationError ? 'invalid' : isWriteError(r) ? 'dup' : 'ok'))).toEqual(['ok', 'invalid', 'dup', 'ok']);
    const quiet = await Events().insertMany([{ clientEventId: 'h', n: 4 }, invalid], { ordered: false });
    expect(quiet.map((d) => d.clientEventId)).toEqual(['h']);
    await expect(Events().insertMany([{ clientEventId: 'i', n: 5 }, invalid], { ordered: false, throwOnValidationError: true })).rejects.toMatchObject({
      name: 'MongooseBulkWriteError',
    });
    expect(await stored()).toEqual(['a:0', 'f:1', 'g:3', 'h:4', 'i:5']);
  });

  it('5 concurrent replays of one 40-event batch over the pooled connection store each event once', async () => {
    const batch = Array.from({ length: 40 }, (_, i) => ({ clientEventId: `batch-${String(i).padStart(2, '0')}`, n: i }));
    const PooledEvents = db.pooled.model<IngestedEvent>('IngestedEvent');
    const results = await race(5, () => PooledEvents.insertMany(batch, { ordered: false }));
    const inserted = results.map((r) =>
      r.status === 'fulfilled' ? r.value.length : (r.reason as UnorderedInsertError).result.insertedCount,
    );
    expect(inserted.reduce((a, b) => a + b, 0)).toBe(40);
    expect(await Events().countDocuments({})).toBe(40);
  });

  it('bulkWrite ordered:false with a duplicate insert: the other inserts, updates, upserts and deletes apply', async () => {
    await Events().insertMany([{ clientEventId: 'a', n: 0 }, { clientEventId: 'b', n: 0 }, { clientEventId: 'c', n: 0 }]);
    const error = await Events()
      .bulkWrite(
        [
          { insertOne: { document: { clientEventId: 'h', n: 1 } } },
          { insertOne: { document: { clientEventId: 'a', n: 1 } } },
          { updateOne: { filter: { clientEventId: 'b' }, update: { $inc: { n: 5 } } } },
          { updateOne: { filter: { clientEventId: 'z' }, update: { $set: { n: 7 } }, upsert: true } },
          { deleteOne: { filter: { clientEventId: 'c' } } },
        ],
        { ordered: false },
      )
      .then(() => null, (e: unknown) => e as mongo.MongoBulkWriteError);
    expect(error).toBeInstanceOf(mongo.MongoBulkWriteError);
    expect(error!.code).toBe(11000);
    expect((error!.writeErrors as mongo.WriteError[]).map((w) => ({ index: w.index, code: w.code }))).toEqual([{ index: 1, code: 11000 }]);
    const r = error!.result;
    expect({ inserted: r.insertedCount, matched: r.matchedCount, modified: r.modifiedCount, upserted: r.upsertedCount, deleted: r.deletedCount }).toEqual({
      inserted: 1,
      matched: 1,
      modified: 1,
      upserted: 1,
      deleted: 1,
    });
    expect(await stored()).toEqual(['a:0', 'b:5', 'h:1', 'z:7']);
  });

  it('quirk pinned: FerretDB ignores ordered:false for updates — the first failing update ends the batch', async () => {
    await Events().insertMany([{ clientEventId: 'a', n: 0 }, { clientEventId: 'b', n: 0 }, { clientEventId: 'c', n: 0 }]);
    const outcome = await Events()
      .bulkWrite(
        [
          { updateOne: { filter: { clientEventId: 'b' }, update: { $set: { clientEventId: 'a' } } } },
          { updateOne: { filter: { clientEventId: 'c' }, update: { $inc: { n: 1 } } } },
          { updateOne: { filter: { clientEventId: 'y' }, update: { $set: { n: 1 } }, upsert: true } },
        ],
        { ordered: false },
      )
      .then(
        () => 'no error',
        (e: mongo.MongoBulkWriteError) => ({ code: e.code, writeErrors: (e.writeErrors as mongo.WriteError[]).map((w) => w.index), modified: e.result.modifiedCount }),
      );
    expect(outcome).toEqual(
      byEngine(db.engine, {
        mongodb: { code: 11000, writeErrors: [0], modified: 1 },
        // A unique violation by an update is an InternalError (code 1) there, and no counts come back.
        ferretdb: { code: 1, writeErrors: [], modified: 0 },
      }),
    );
    expect(await stored()).toEqual(
      byEngine(db.engine, { mongodb: ['a:0', 'b:0', 'c:1', 'y:1'], ferretdb: ['a:0', 'b:0', 'c:0'] }),
    );
  });
});
