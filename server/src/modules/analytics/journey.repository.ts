import type { Connection, mongo } from 'mongoose';
import { isDuplicateKeyError } from '../../platform/db/records';
import type { CustomerJourneyDocument, JourneyContribution } from './analytics.model';
import { nestCounts } from './rollup-increments';

/**
 * Journeys are spread over this many collections by a hash of the customer id (`_id` = customerId in each).
 * The embedded engine used to scan the whole collection to write one document (until the `_id` edits in
 * engine-binary.ts): at 100,000 journeys in one collection each save took 3.3–5.5 s, so live recording applied 50
 * timeline entries in 24 minutes. A bucket holds 1/64th, and a `$in` read still scans only the buckets it touches.
 */
const JOURNEY_BUCKETS = 64;
const BUCKET_NAMES = Array.from({ length: JOURNEY_BUCKETS }, (_, bucket) => `analytics_journeys_${bucket.toString(16).padStart(2, '0')}`);

/** The collection that holds this customer's journey (FNV-1a of the id). */
export function journeyCollectionName(customerId: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < customerId.length; index++) hash = Math.imul(hash ^ customerId.charCodeAt(index), 0x01000193);
  return BUCKET_NAMES[(hash >>> 0) % JOURNEY_BUCKETS]!;
}

/** Where journeys were kept before the buckets: read by nothing, emptied by a rebuild. */
const LEGACY_COLLECTION = 'analytics_journeys';
const BATCH = 1000;
/** Up to this many customers, point reads beat one scan of every bucket they fall in on the embedded engine. */
const ONE_BY_ONE_UP_TO = 200;

/** One journey per customer (`analytics_journeys_00` … `_3f`); written whole, guarded by `version`. */
export class JourneyRepository {
  constructor(private readonly connection: Connection) {}

  private bucketOf(customerId: string): mongo.Collection {
    return this.connection.collection(journeyCollectionName(customerId)) as unknown as mongo.Collection;
  }

  /** Items grouped by the bucket of their customer id. */
  private byBucket<T>(items: T[], customerIdOf: (item: T) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const name = journeyCollectionName(customerIdOf(item));
      const group = groups.get(name);
      if (group) group.push(item);
      else groups.set(name, [item]);
    }
    return groups;
  }

  async find(customerId: string): Promise<CustomerJourneyDocument | null> {
    const found = await this.bucketOf(customerId).findOne({ _id: customerId as never });
    return found && toJourney(found);
  }

  /**
   * The journeys of these customers; customers without one are absent. A few are read one by one: FerretDB
   * filters a bare `_id` in SQLite (about 1 ms each), whereas `$in` is filtered in Go over a whole bucket.
   */
  async findMany(customerIds: string[]): Promise<CustomerJourneyDocument[]> {
    const ids = [...new Set(customerIds)];
    if (ids.length <= ONE_BY_ONE_UP_TO) return (await Promise.all(ids.map((id) => this.find(id)))).filter((found): found is CustomerJourneyDocument => found !== null);
    const found: CustomerJourneyDocument[] = [];
    for (const [name, inBucket] of this.byBucket(ids, (id) => id)) {
      for (const document of await this.connection.collection(name).find({ _id: { $in: inBucket as never[] } }).toArray()) found.push(toJourney(document));
    }
    return found;
  }

  /**
   * Stores the journey if nobody changed it since `expectedVersion` was read (null: it must not exist yet);
   * the stored document carries version + 1. False on a conflict: the caller reads again and retries.
   */
  async saveAtVersion(journey: CustomerJourneyDocument, expectedVersion: number | null): Promise<boolean> {
    const next = toStored({ ...journey, version: (expectedVersion ?? 0) + 1 });
    const bucket = this.bucketOf(journey.customerId);
    if (expectedVersion === null) {
      try {
        await bucket.insertOne({ _id: journey.customerId, ...next } as never);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    const result = await bucket.replaceOne({ _id: journey.customerId as never, version: expectedVersion }, next);
    return result.modifiedCount === 1;
  }

  /** The rebuild's output, into emptied collections. */
  async insertMany(journeys: CustomerJourneyDocument[]): Promise<void> {
    for (const [name, inBucket] of this.byBucket(journeys, (journey) => journey.customerId)) {
      for (let start = 0; start < inBucket.length; start += BATCH) {
        await this.connection.collection(name).insertMany(inBucket.slice(start, start + BATCH).map((journey) => ({ _id: journey.customerId, ...toStored(journey) }) as never));
      }
    }
  }

  /** Every journey, a batch at a time (the snapshot, drill-downs): one scan of each bucket, whatever the number of customers. */
  async forEachJourney(fn: (batch: CustomerJourneyDocument[]) => Promise<void> | void, batchSize = BATCH): Promise<void> {
    let batch: CustomerJourneyDocument[] = [];
    for (const name of BUCKET_NAMES) {
      for await (const document of this.connection.collection(name).find({}, { batchSize })) {
        batch.push(toJourney(document));
        if (batch.length < batchSize) continue;
        await fn(batch);
        batch = [];
      }
    }
    if (batch.length) await fn(batch);
  }

  /** Empties every bucket, and the collection of before the buckets. */
  async deleteAll(): Promise<void> {
    for (const name of [...BUCKET_NAMES, LEGACY_COLLECTION]) await this.connection.collection(name).deleteMany({});
  }

  /** Whether journeys are still kept where they were before the buckets (an upgrade not yet rebuilt). */
  async hasLegacyJourneys(): Promise<boolean> {
    return (await this.connection.collection(LEGACY_COLLECTION).findOne({})) !== null;
  }
}

/**
 * Field names may not contain dots on the embedded engine: counters (`reached.contact`) are stored nested and
 * userids (WeCom allows `.`) with the dot swapped for a full-width one; absent facts are left out, not null.
 */
function toStored(journey: CustomerJourneyDocument): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...journey, touchedBy: encodeKeys(journey.touchedBy) };
  if (journey.contactedAt) stored.contactedAt = encodeKeys(journey.contactedAt);
  if (journey.contribution) stored.contribution = mapCounts(journey.contribution, nestCounts);
  for (const [field, value] of Object.entries(stored)) if (value === undefined) delete stored[field];
  stored.steps = Object.fromEntries(Object.entries(journey.steps).filter(([, at]) => at !== undefined));
  return stored;
}

function toJourney(document: Record<string, unknown>): CustomerJourneyDocument {
  const { _id, ...stored } = document;
  const journey = stored as unknown as CustomerJourneyDocument;
  return {
    ...journey,
    touchedBy: decodeKeys(journey.touchedBy ?? {}),
    ...(journey.contactedAt ? { contactedAt: decodeKeys(journey.contactedAt) } : {}),
    ...(journey.contribution ? { contribution: mapCounts(journey.contribution as never, flattenCounts) } : {}),
  };
}

const FULLWIDTH_DOT = '\uff0e';
const encodeKeys = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key.replaceAll('.', FULLWIDTH_DOT), value]));
const decodeKeys = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key.replaceAll(FULLWIDTH_DOT, '.'), value]));

function mapCounts<From, To>(contribution: JourneyContribution, convert: (counts: From) => To): JourneyContribution {
  const mapped: Record<string, unknown> = {};
  for (const [part, value] of Object.entries(contribution)) if (value) mapped[part] = { ...value, counts: convert(value.counts as From) };
  return mapped as JourneyContribution;
}

/** `{ reached: { contact: 1 } }` → `{ 'reached.contact': 1 }`. */
export function flattenCounts(nested: Record<string, unknown>, prefix = ''): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const [key, value] of Object.entries(nested)) {
    if (typeof value === 'number') flat[`${prefix}${key}`] = value;
    else if (value && typeof value === 'object') Object.assign(flat, flattenCounts(value as Record<string, unknown>, `${prefix}${key}.`));
  }
  return flat;
}
