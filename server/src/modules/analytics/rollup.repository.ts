import type { Connection } from 'mongoose';
import { rollupCollectionName, type ReferrerTotalsDocument, type RollupFamily } from './analytics.model';
import { nestCounts, nonZero, type ReferrerIncrement, type RollupIncrement } from './rollup-increments';

const ROLLUP_COLLECTION = /^analytics_(funnel|sales|content|referrals|sales_days|funnel_days|funnel_channels)_\d{6}$/;
const REFERRERS = 'analytics_referrers';
const INSERT_CHUNK = 1000;

/** The first day of each Beijing month from `from`'s month to `to`'s, as "YYYY-MM-01". */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(`${current}-01`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * The daily rollups (one collection per family and Beijing month) and the inviters' all-time totals: the only
 * data the dashboards read. Rows are kept with `$inc` upserts, so writers never read before they write.
 */
export class RollupRepository {
  constructor(private readonly connection: Connection) {}

  /** Adds counters to one row, creating it with its key fields; zero increments are skipped. */
  async increment(family: RollupFamily, id: string, keyFields: Record<string, string | number>, increments: Record<string, number>): Promise<void> {
    const counts = nonZero(increments);
    if (Object.keys(counts).length === 0) return;
    const day = String(keyFields.day);
    await this.connection.collection(rollupCollectionName(family, day)).updateOne({ _id: id as never }, { $inc: counts, $setOnInsert: keyFields }, { upsert: true });
  }

  /** Every row of the family with from ≤ day ≤ to; reads only the months the range touches. */
  async readDays<T>(family: RollupFamily, from: string, to: string): Promise<T[]> {
    const rows: T[] = [];
    for (const month of monthsBetween(from, to)) {
      const found = await this.connection
        .collection(rollupCollectionName(family, month))
        .find({ day: { $gte: from, $lte: to } })
        .toArray();
      rows.push(...(found as unknown as T[]));
    }
    return rows;
  }

  /** Inserts whole rows (the rebuild's output, into emptied collections), a chunk at a time per month. */
  async insertRows(rows: RollupIncrement[]): Promise<void> {
    const byCollection = new Map<string, Record<string, unknown>[]>();
    for (const row of rows) {
      const name = rollupCollectionName(row.family, String(row.keyFields.day));
      const documents = byCollection.get(name) ?? [];
      documents.push({ _id: row.id, ...row.keyFields, ...nestCounts(row.counts) });
      byCollection.set(name, documents);
    }
    for (const [name, documents] of byCollection) await insertChunks(this.connection, name, documents);
  }

  async incrementReferrer(inviterId: string, increments: Record<string, number>, name?: string): Promise<void> {
    const counts = nonZero(increments);
    if (Object.keys(counts).length === 0 && !name) return;
    await this.connection
      .collection(REFERRERS)
      .updateOne({ _id: inviterId as never }, { $inc: counts, $setOnInsert: { departmentId: 0 }, ...(name ? { $set: { name } } : {}) }, { upsert: true });
  }

  /** The inviter's department follows their own journey's owner: set when it is known or changes. */
  async setReferrerDepartment(inviterId: string, departmentId: number): Promise<void> {
    await this.connection.collection(REFERRERS).updateOne({ _id: inviterId as never }, { $set: { departmentId } });
  }

  async insertReferrers(rows: (ReferrerIncrement & { departmentId: number })[]): Promise<void> {
    await insertChunks(
      this.connection,
      REFERRERS,
      rows.map((row) => ({ _id: row.inviterId, departmentId: row.departmentId, ...(row.name ? { name: row.name } : {}), ...nestCounts(row.counts) })),
    );
  }

  /** Top inviters (most converted, then most invited, then most revenue), within departments or all. */
  async topReferrers(departmentIds: number[] | 'all', limit: number): Promise<ReferrerTotalsDocument[]> {
    const filter = departmentIds === 'all' ? {} : { departmentId: { $in: departmentIds } };
    const found = await this.connection.collection(REFERRERS).find(filter).sort({ converted: -1, invited: -1, revenueFen: -1, _id: 1 }).limit(limit).toArray();
    return found.map(toReferrerTotals);
  }

  async findReferrer(inviterId: string): Promise<ReferrerTotalsDocument | null> {
    const found = await this.connection.collection(REFERRERS).findOne({ _id: inviterId as never });
    return found && toReferrerTotals(found);
  }

  /**
   * Months whose sales or funnel rows have no day summaries: rows written before the summaries existed (the
   * recorder writes a row's summaries with it). Their dashboards read empty summaries until a rebuild.
   */
  async monthsWithoutSummaries(): Promise<string[]> {
    const names = new Set((await this.connection.db!.listCollections({}, { nameOnly: true }).toArray()).map(({ name }) => name));
    const months = new Set<string>();
    for (const name of names) {
      const detail = /^analytics_(sales|funnel)_(\d{6})$/.exec(name);
      if (detail && !names.has(`analytics_${detail[1] === 'sales' ? 'sales_days' : 'funnel_channels'}_${detail[2]}`)) months.add(detail[2]!);
    }
    return [...months].sort();
  }

  /** Empties every rollup collection and the inviters' totals, before a rebuild. */
  async dropAll(): Promise<void> {
    const collections = await this.connection.db!.listCollections({}, { nameOnly: true }).toArray();
    for (const { name } of collections) if (ROLLUP_COLLECTION.test(name) || name === REFERRERS) await this.connection.db!.dropCollection(name);
  }
}

function toReferrerTotals(document: Record<string, unknown>): ReferrerTotalsDocument {
  const count = (field: string) => Number(document[field] ?? 0);
  return {
    _id: String(document._id),
    name: typeof document.name === 'string' ? document.name : null,
    departmentId: count('departmentId'),
    invited: count('invited'),
    activated: count('activated'),
    converted: count('converted'),
    revenueFen: count('revenueFen'),
  };
}

async function insertChunks(connection: Connection, name: string, documents: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < documents.length; start += INSERT_CHUNK) await connection.collection(name).insertMany(documents.slice(start, start + INSERT_CHUNK));
}
