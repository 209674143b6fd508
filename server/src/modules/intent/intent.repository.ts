import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError } from '../../platform/db/records';
import type { EngagementRollup } from './intent-score';
import { intentRollupModel, type IntentRollupDocument } from './intent.model';

const CAS_ATTEMPTS = 5;

export class IntentRollupRepository {
  private readonly rollups: Model<IntentRollupDocument>;

  constructor(connection: Connection) {
    this.rollups = intentRollupModel(connection);
  }

  async find(customerId: string): Promise<EngagementRollup | null> {
    const found = await this.rollups.findOne({ customerId }).lean();
    return found && { refAt: found.refAt, value: found.value, recent: found.recent };
  }

  async findMany(customerIds: string[]): Promise<Map<string, EngagementRollup>> {
    if (customerIds.length === 0) return new Map();
    const found = await this.rollups.find({ customerId: { $in: customerIds } }).lean();
    return new Map(found.map((r) => [r.customerId, { refAt: r.refAt, value: r.value, recent: r.recent }]));
  }

  /** Every customer's engagement (the periodic analytics snapshot), without the explanation. */
  async findAll(): Promise<Map<string, EngagementRollup>> {
    const found = await this.rollups.find({}, { customerId: 1, refAt: 1, value: 1 }).lean();
    return new Map(found.map((r) => [r.customerId, { refAt: r.refAt, value: r.value, recent: [] }]));
  }

  /**
   * Read, change, write only if nobody wrote in between (single-document compare-and-set on `version`);
   * a lost race reads again. No transaction needed, and it behaves the same on MongoDB and FerretDB.
   */
  async change(customerId: string, next: (current: EngagementRollup | null) => EngagementRollup): Promise<EngagementRollup> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.rollups.findOne({ customerId }).lean();
      const changed = next(current && { refAt: current.refAt, value: current.value, recent: current.recent });
      if (!current) {
        try {
          await this.rollups.create({ customerId, ...changed, version: 1 });
          return changed;
        } catch (error) {
          if (!isDuplicateKeyError(error) || attempt >= CAS_ATTEMPTS) throw error;
          continue;
        }
      }
      const result = await this.rollups.updateOne({ customerId, version: current.version }, { $set: { ...changed, version: current.version + 1 } });
      if (result.modifiedCount === 1) return changed;
      if (attempt >= CAS_ATTEMPTS) throw new Error(`intent rollup of ${customerId}: too many concurrent writers`);
    }
  }
}
