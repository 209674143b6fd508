import type { Logger } from '../../platform/logging/logger';
import type { CustomerJourneyDocument } from './analytics.model';
import type { AnalyticsDirectory } from './analytics-directory';
import { RebuildWitness } from './analytics-rebuild';
import { touchCounters, type AnalyticsTouch } from './event-counters';
import { advanceJourney, namesNeeded, type JourneyAdvance } from './journey-advance';
import type { JourneyEntry, JourneyInput } from './journey-reducer';
import type { JourneyRepository } from './journey.repository';
import { RollupBuffer } from './rollup-increments';
import type { RollupRepository } from './rollup.repository';

export interface AnalyticsRecorderDeps {
  /** Told of every new timeline entry, once (TimelineRepository.onRecorded). */
  timeline: { onRecorded(listener: (entry: JourneyEntry) => void): void };
  /** Told of every new content touch, once (ContentTrackingRepository.onTouch). */
  contentTracking: { onTouch(listener: (touch: AnalyticsTouch) => void): void };
  /** Told when a customer's unionid becomes known (CustomerRepository.onUnionidLinked). */
  customers: { onUnionidLinked(listener: (link: { customerId: string; at: Date }) => void): void };
  /** Customers carry no corp: a journey begun by a unionid belongs to this one. */
  corpId: string;
  journeys: Pick<JourneyRepository, 'find' | 'findMany' | 'saveAtVersion'>;
  rollups: Pick<RollupRepository, 'increment' | 'incrementReferrer' | 'setReferrerDepartment'>;
  directory: AnalyticsDirectory;
  log: Logger;
  now?: () => Date;
}

type QueuedInput = JourneyInput | { type: 'touch'; touch: AnalyticsTouch };

/** Inputs handled per round: one journey read and one directory read for all of them, one write per row touched. */
const BATCH_SIZE = 500;
const SAVE_ATTEMPTS = 3;
/** Ids are made before their insert: a record made this long before a rebuild is surely stored when it starts. */
const CREATION_SLACK_MS = 60_000;

/**
 * Keeps journeys and rollups current as things are recorded. Listeners only queue (the write that told us
 * must not wait or fail for analytics); one loop drains the queue in order, a batch at a time, so a
 * customer's updates never interleave. A failed batch is logged; the rebuild recomputes from the raw records.
 */
export class AnalyticsRecorder {
  private queue: QueuedInput[] = [];
  private draining: Promise<void> | null = null;
  private attached = false;
  private stopped = false;
  private paused = false;
  private readonly now: () => Date;

  constructor(private readonly deps: AnalyticsRecorderDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  attach(): void {
    if (this.attached) return;
    this.attached = true;
    this.deps.timeline.onRecorded((entry) => this.enqueue({ type: 'entry', entry }));
    this.deps.contentTracking.onTouch((touch) => this.enqueue({ type: 'touch', touch }));
    this.deps.customers.onUnionidLinked((link) => this.enqueue({ type: 'identified', corpId: this.deps.corpId, ...link }));
  }

  /** Stops taking new inputs and waits for those queued. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.settled();
  }

  /** Resolves once everything queued so far has been applied (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Runs `fn` (the rebuild) with recording held: what is queued now is already in the raw records `fn` reads,
   * so it is dropped; what arrives meanwhile is applied afterwards unless the rebuild read it too.
   */
  async pauseWhile<T>(fn: (witness: RebuildWitness) => Promise<T>): Promise<T> {
    this.paused = true;
    await this.settled();
    this.queue = [];
    const witness = new RebuildWitness(new Date(Date.now() - CREATION_SLACK_MS));
    try {
      return await fn(witness);
    } finally {
      this.queue = this.queue.filter((input) => !witness.covers(input.type === 'entry' ? input.entry.id : input.type === 'touch' ? input.touch.id : undefined));
      this.paused = false;
      this.schedule();
    }
  }

  private enqueue(input: QueuedInput): void {
    if (this.stopped) return;
    this.queue.push(input);
    this.schedule();
  }

  private schedule(): void {
    if (this.draining || this.paused || this.queue.length === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      this.schedule();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length && !this.paused) {
      const batch = this.queue.splice(0, BATCH_SIZE);
      try {
        await this.apply(batch);
      } catch (error) {
        this.deps.log.error({ err: error, inputs: batch.length }, 'analytics: a batch of inputs was not applied (a rebuild recomputes it)');
      }
    }
  }

  private async apply(batch: QueuedInput[]): Promise<void> {
    const byCustomer = new Map<string, JourneyInput[]>();
    const touches: AnalyticsTouch[] = [];
    for (const input of batch) {
      if (input.type === 'touch') {
        touches.push(input.touch);
        continue;
      }
      const customerId = input.type === 'entry' ? input.entry.customerId : input.customerId;
      const inputs = byCustomer.get(customerId);
      if (inputs) inputs.push(input);
      else byCustomer.set(customerId, [input]);
    }
    const stored = new Map((await this.deps.journeys.findMany([...byCustomer.keys()])).map((journey) => [journey.customerId, journey]));
    await this.prepareDirectory([...byCustomer.values()].flat(), [...stored.values()], touches);

    const buffer = new RollupBuffer();
    const inviterDepartments = new Map<string, number>();
    for (const [customerId, inputs] of byCustomer) {
      // One customer's failure must not keep the others' saved journeys from their rollup increments.
      const advance = await this.advanceAndSave(stored.get(customerId) ?? null, customerId, inputs).catch((error: unknown) => {
        this.deps.log.error({ err: error, customerId }, 'analytics: a customer\'s inputs were not applied (a rebuild recomputes them)');
        return null;
      });
      if (!advance) continue;
      for (const row of advance.rollups) buffer.add(row);
      for (const row of advance.referrers) buffer.addReferrer(row);
      if (advance.inviterDepartment !== undefined) inviterDepartments.set(customerId, advance.inviterDepartment);
    }
    for (const touch of touches) for (const row of touchCounters(touch, this.deps.directory)) buffer.add(row);

    for (const row of buffer.rollups()) await this.deps.rollups.increment(row.family, row.id, row.keyFields, row.counts);
    for (const row of buffer.referrerTotals()) await this.deps.rollups.incrementReferrer(row.inviterId, row.counts, row.name);
    // After the increments: an inviter's totals row may have been created just now.
    for (const [inviterId, departmentId] of inviterDepartments) await this.deps.rollups.setReferrerDepartment(inviterId, departmentId);
  }

  /** Saves at the version read; when another writer got there first, reads again and re-applies. */
  private async advanceAndSave(stored: CustomerJourneyDocument | null, customerId: string, inputs: JourneyInput[]): Promise<JourneyAdvance | null> {
    const corpId = inputs[0]!.type === 'entry' ? inputs[0]!.entry.corpId : inputs[0]!.corpId;
    let current = stored;
    for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
      const advance = advanceJourney(current, { corpId, customerId }, inputs, this.deps.directory, this.now());
      if (await this.deps.journeys.saveAtVersion(advance.journey, current?.version ?? null)) return advance;
      current = await this.deps.journeys.find(customerId);
      if (current) await this.prepareDirectory(inputs, [current], []);
    }
    this.deps.log.warn({ customerId, inputs: inputs.length }, 'analytics: journey kept changing under the recorder; inputs skipped (a rebuild recomputes them)');
    return null;
  }

  private async prepareDirectory(inputs: JourneyInput[], journeys: CustomerJourneyDocument[], touches: AnalyticsTouch[]): Promise<void> {
    const corpIds = new Set([...inputs.map((input) => (input.type === 'entry' ? input.entry.corpId : input.corpId)), ...touches.map((touch) => touch.corpId)]);
    for (const corpId of corpIds) {
      const ofCorp = (corp: string) => corp === corpId;
      const { userids, states } = namesNeeded(
        inputs.filter((input) => ofCorp(input.type === 'entry' ? input.entry.corpId : input.corpId)),
        journeys.filter((journey) => ofCorp(journey.corpId)),
      );
      for (const touch of touches) if (ofCorp(touch.corpId)) userids.add(touch.userid);
      await this.deps.directory.prepare(corpId, userids, states);
    }
  }
}
