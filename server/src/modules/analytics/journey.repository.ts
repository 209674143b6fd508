import { Schema, type Connection, type mongo } from 'mongoose';
import { isDuplicateKeyError } from '../../platform/db/records';
import type { CustomerJourneyDocument, JourneyContribution } from './analytics.model';
import { nestCounts } from './rollup-increments';

// The schema declares the stored shape and the unique index; reads and writes go through the driver (see toStored).
const JourneySchema = new Schema(
  {
    // The customer id twice: as `_id`, the one lookup FerretDB pushes down to SQLite; as `customerId`, what readers filter on.
    _id: String,
    corpId: { type: String, required: true },
    customerId: { type: String, required: true },
    steps: { type: Schema.Types.Mixed, default: {} },
    firstTouchAt: Date,
    channelKey: { type: String, required: true },
    channelLabel: { type: String, required: true },
    contactedAt: { type: Schema.Types.Mixed, default: undefined },
    contactChannel: { type: Schema.Types.Mixed, default: undefined },
    ownerUserid: String,
    departmentId: { type: Number, required: true },
    referrerId: String,
    referrerName: String,
    referredAt: Date,
    referralChannel: String,
    activatedAt: Date,
    paidOrders: { type: Number, required: true },
    netRevenueFen: { type: Number, required: true },
    lastPaidAt: Date,
    activeDays: { type: Number, required: true },
    firstActiveAt: Date,
    lastActiveAt: Date,
    touchedBy: { type: Schema.Types.Mixed, default: {} },
    contribution: { type: Schema.Types.Mixed, default: undefined },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'analytics_journeys', versionKey: false, minimize: false },
);
JourneySchema.index({ customerId: 1 }, { unique: true });

function journeyCollection(connection: Connection): mongo.Collection {
  return (connection.models.AnalyticsJourney ?? connection.model('AnalyticsJourney', JourneySchema)).collection as unknown as mongo.Collection;
}

const BATCH = 1000;
/** Up to this many customers, point reads beat one scan of every journey on the embedded engine. */
const ONE_BY_ONE_UP_TO = 200;

/** One journey per customer (`analytics_journeys`); written whole, guarded by `version`. */
export class JourneyRepository {
  private readonly journeys: mongo.Collection;

  constructor(connection: Connection) {
    this.journeys = journeyCollection(connection);
  }

  async find(customerId: string): Promise<CustomerJourneyDocument | null> {
    const found = await this.journeys.findOne({ _id: customerId as never });
    return found && toJourney(found);
  }

  /**
   * The journeys of these customers; customers without one are absent. A few are read one by one: FerretDB
   * filters a bare `_id` in SQLite (about 1 ms each), whereas `$in` is filtered in Go over every journey.
   */
  async findMany(customerIds: string[]): Promise<CustomerJourneyDocument[]> {
    const ids = [...new Set(customerIds)];
    if (ids.length <= ONE_BY_ONE_UP_TO) return (await Promise.all(ids.map((id) => this.find(id)))).filter((found): found is CustomerJourneyDocument => found !== null);
    return (await this.journeys.find({ _id: { $in: ids as never[] } }).toArray()).map(toJourney);
  }

  /**
   * Stores the journey if nobody changed it since `expectedVersion` was read (null: it must not exist yet);
   * the stored document carries version + 1. False on a conflict: the caller reads again and retries.
   */
  async saveAtVersion(journey: CustomerJourneyDocument, expectedVersion: number | null): Promise<boolean> {
    const next = toStored({ ...journey, version: (expectedVersion ?? 0) + 1 });
    if (expectedVersion === null) {
      try {
        await this.journeys.insertOne({ _id: journey.customerId, ...next } as never);
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    }
    const result = await this.journeys.replaceOne({ _id: journey.customerId as never, version: expectedVersion }, next);
    return result.modifiedCount === 1;
  }

  /** The rebuild's output, into an emptied collection. */
  async insertMany(journeys: CustomerJourneyDocument[]): Promise<void> {
    for (let start = 0; start < journeys.length; start += BATCH) {
      await this.journeys.insertMany(journeys.slice(start, start + BATCH).map((journey) => ({ _id: journey.customerId, ...toStored(journey) }) as never));
    }
  }

  /** Every journey, a batch at a time (the snapshot, drill-downs): one scan, whatever the number of customers. */
  async forEachJourney(fn: (batch: CustomerJourneyDocument[]) => Promise<void> | void, batchSize = BATCH): Promise<void> {
    let batch: CustomerJourneyDocument[] = [];
    for await (const document of this.journeys.find({}, { batchSize })) {
      batch.push(toJourney(document));
      if (batch.length < batchSize) continue;
      await fn(batch);
      batch = [];
    }
    if (batch.length) await fn(batch);
  }

  async deleteAll(): Promise<void> {
    await this.journeys.deleteMany({});
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
