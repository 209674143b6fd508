import type { Connection, Model } from 'mongoose';
import type { HandoverState } from '@zhike/shared/handovers';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { handoverModel, type HandoverDocument } from './handover.model';

export type HandoverRecord = WithId<HandoverDocument>;

/** States a new request may replace; the others are under way or finished. */
const CLOSED: HandoverState[] = ['refused', 'failed'];
const OPEN: HandoverState[] = ['requested', 'waiting'];

export class HandoverRepository {
  private readonly handovers: Model<HandoverDocument>;

  constructor(connection: Connection) {
    this.handovers = handoverModel(connection);
  }

  /**
   * Records a requested reassignment unless one is under way or done for this customer: true when this request
   * owns the record (new, replacing a refused/failed one, or its own from an earlier attempt).
   */
  async request(record: Omit<HandoverDocument, 'state' | 'error' | 'settledAt'>): Promise<boolean> {
    const key = { corpId: record.corpId, handoverUserid: record.handoverUserid, externalUserId: record.externalUserId };
    const fresh = { ...record, state: 'requested' as const };
    const replaced = await this.handovers.updateOne({ ...key, state: { $in: CLOSED } }, { $set: fresh, $unset: { error: 1, settledAt: 1 } });
    if (replaced.modifiedCount === 1) return true;
    try {
      await this.handovers.create(fresh);
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.handovers.countDocuments({ ...key, requestKey: record.requestKey })) === 1;
    }
  }

  /** Moves an open record on (WeCom's answer or outcome); null when it was no longer open (already applied). */
  async settle(key: { corpId: string; handoverUserid: string; externalUserId: string }, state: HandoverState, at: Date, error?: string): Promise<HandoverRecord | null> {
    const finished = state !== 'waiting';
    const updated = await this.handovers
      .findOneAndUpdate(
        { ...key, state: { $in: state === 'waiting' ? ['requested'] : OPEN } },
        { $set: { state, ...(error ? { error } : {}), ...(finished ? { settledAt: at } : {}) } },
        { returnDocument: 'after' },
      )
      .lean();
    return updated && withStringId(updated);
  }

  async listWaiting(corpId: string): Promise<HandoverRecord[]> {
    const found = await this.handovers.find({ corpId, state: 'waiting' }).lean();
    return found.map(withStringId);
  }

  async listForDeparted(corpId: string, handoverUserids: string[]): Promise<HandoverRecord[]> {
    const found = await this.handovers.find({ corpId, handoverUserid: { $in: handoverUserids } }).lean();
    return found.map(withStringId);
  }
}
