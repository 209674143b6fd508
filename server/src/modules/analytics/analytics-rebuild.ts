import type { Logger } from '../../platform/logging/logger';
import type { CustomerJourneyDocument } from './analytics.model';
import type { AnalyticsDirectory } from './analytics-directory';
import { touchCounters, type AnalyticsTouch } from './event-counters';
import { advanceJourney, namesNeeded } from './journey-advance';
import type { JourneyEntry, JourneyInput } from './journey-reducer';
import type { JourneyRepository } from './journey.repository';
import { RollupBuffer } from './rollup-increments';
import type { RollupRepository } from './rollup.repository';

export interface AnalyticsRebuildDeps {
  corpId: string;
  /** Every timeline entry, customer by customer, in time order within each (TimelineRepository.inCustomerOrder). */
  timeline: { inCustomerOrder(): AsyncIterable<JourneyEntry> };
  /** Every content touch (ContentTrackingRepository.allTouches). */
  contentTracking: { allTouches(): AsyncIterable<AnalyticsTouch> };
  /** Customers with a unionid and when it was linked (CustomerRepository.unionidLinks). */
  customers: { unionidLinks(): AsyncIterable<{ customerId: string; at: Date }> };
  journeys: Pick<JourneyRepository, 'deleteAll' | 'insertMany'>;
  rollups: Pick<RollupRepository, 'dropAll' | 'insertRows' | 'insertReferrers'>;
  directory: AnalyticsDirectory;
  log: Logger;
  now?: () => Date;
}

export interface AnalyticsRebuildSummary {
  entries: number;
  touches: number;
  journeys: number;
  rollupRows: number;
  referrers: number;
  durationMs: number;
}

/**
 * What a rebuild read of the records created since `since` (a minute before it started): the recorder, held
 * meanwhile, then applies only what the rebuild did not read, so nothing counts twice or not at all.
 */
export class RebuildWitness {
  private readonly read = new Set<string>();

  constructor(private readonly since: Date) {}

  saw(id: string | undefined): void {
    if (id !== undefined && createdAt(id) >= this.since.getTime()) this.read.add(id);
  }

  /** Whether the rebuild counted this record (an input without an id is idempotent: never covered). */
  covers(id: string | undefined): boolean {
    return id !== undefined && (createdAt(id) < this.since.getTime() || this.read.has(id));
  }
}

/** An ObjectId's creation second, from its first four bytes. */
const createdAt = (objectId: string) => Number.parseInt(objectId.slice(0, 8), 16) * 1000;

/** Customers advanced per directory read and journeys inserted per write. */
const CUSTOMERS_PER_BATCH = 1000;
const TOUCHES_PER_BATCH = 5000;

/**
 * Recomputes every journey and rollup from the raw records with the recorder's own functions
 * (advanceJourney, touchCounters), so the result is what live recording of the same records produces.
 * Streams the timeline customer by customer: memory holds one batch of customers and the rollup rows
 * (days × keys), never the entries. Run it with the recorder paused (AnalyticsRecorder.pauseWhile).
 */
export async function rebuildAnalytics(deps: AnalyticsRebuildDeps, witness?: RebuildWitness): Promise<AnalyticsRebuildSummary> {
  const started = Date.now();
  const now = deps.now?.() ?? new Date();
  const unionids = new Map<string, Date>();
  for await (const link of deps.customers.unionidLinks()) unionids.set(link.customerId, link.at);
  await deps.rollups.dropAll();
  await deps.journeys.deleteAll();

  const buffer = new RollupBuffer();
  const inviterDepartments = new Map<string, number>();
  let pending: { customerId: string; corpId: string; inputs: JourneyInput[] }[] = [];
  let journeys = 0;
  const advancePending = async () => {
    if (pending.length === 0) return;
    const corpIds = new Set(pending.map((customer) => customer.corpId));
    for (const corpId of corpIds) {
      const { userids, states } = namesNeeded(pending.filter((customer) => customer.corpId === corpId).flatMap((customer) => customer.inputs), []);
      await deps.directory.prepare(corpId, userids, states);
    }
    const advanced: CustomerJourneyDocument[] = [];
    for (const customer of pending) {
      const advance = advanceJourney(null, customer, customer.inputs, deps.directory, now);
      for (const row of advance.rollups) buffer.add(row);
      for (const row of advance.referrers) buffer.addReferrer(row);
      if (advance.inviterDepartment !== undefined) inviterDepartments.set(customer.customerId, advance.inviterDepartment);
      // The recorder stores a new journey at version 1.
      advanced.push({ ...advance.journey, version: 1 });
    }
    await deps.journeys.insertMany(advanced);
    journeys += advanced.length;
    pending = [];
  };
  const finishCustomer = async (customerId: string, corpId: string, entries: JourneyEntry[]) => {
    const inputs: JourneyInput[] = entries.map((entry) => ({ type: 'entry', entry }));
    const linkedAt = unionids.get(customerId);
    if (linkedAt) {
      unionids.delete(customerId);
      const position = entries.findIndex((entry) => entry.at > linkedAt);
      inputs.splice(position === -1 ? inputs.length : position, 0, { type: 'identified', corpId, customerId, at: linkedAt });
    }
    pending.push({ customerId, corpId, inputs });
    if (pending.length >= CUSTOMERS_PER_BATCH) await advancePending();
  };

  let entries = 0;
  let current: JourneyEntry[] = [];
  for await (const entry of deps.timeline.inCustomerOrder()) {
    entries += 1;
    witness?.saw(entry.id);
    if (current.length && current[0]!.customerId !== entry.customerId) {
      await finishCustomer(current[0]!.customerId, current[0]!.corpId, current);
      current = [];
    }
    current.push(entry);
  }
  if (current.length) await finishCustomer(current[0]!.customerId, current[0]!.corpId, current);
  // Fans known by their unionid alone, without a timeline entry yet.
  for (const customerId of [...unionids.keys()]) await finishCustomer(customerId, deps.corpId, []);
  await advancePending();

  let touches = 0;
  let touchBatch: AnalyticsTouch[] = [];
  const countTouches = async () => {
    for (const corpId of new Set(touchBatch.map((touch) => touch.corpId))) {
      await deps.directory.prepare(corpId, touchBatch.filter((touch) => touch.corpId === corpId).map((touch) => touch.userid), []);
    }
    for (const touch of touchBatch) for (const row of touchCounters(touch, deps.directory)) buffer.add(row);
    touches += touchBatch.length;
    touchBatch = [];
  };
  for await (const touch of deps.contentTracking.allTouches()) {
    witness?.saw(touch.id);
    touchBatch.push(touch);
    if (touchBatch.length >= TOUCHES_PER_BATCH) await countTouches();
  }
  await countTouches();

  const rows = buffer.rollups();
  await deps.rollups.insertRows(rows);
  const referrers = buffer.referrerTotals().map((row) => ({ ...row, departmentId: inviterDepartments.get(row.inviterId) ?? 0 }));
  await deps.rollups.insertReferrers(referrers);

  const summary = { entries, touches, journeys, rollupRows: rows.length, referrers: referrers.length, durationMs: Date.now() - started };
  deps.log.info(summary, 'analytics: rebuilt journeys and rollups from the raw records');
  return summary;
}
