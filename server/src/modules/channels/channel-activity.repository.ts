import type { Connection } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { channelModels, type ChannelAddDocument, type ChannelConversionDocument, type ChannelFirstTouchDocument, type ChannelWelcomeDocument, type WelcomeOutcome } from './channel.model';

export type ChannelAddRecord = WithId<ChannelAddDocument>;
export type ChannelWelcomeRecord = WithId<ChannelWelcomeDocument>;
export type ChannelFirstTouchRecord = WithId<ChannelFirstTouchDocument>;

/** What happens through channels: adds, their ends, welcome codes, first touches and credited orders. */
export class ChannelActivityRepository {
  private readonly models: ReturnType<typeof channelModels>;

  constructor(connection: Connection) {
    this.models = channelModels(connection);
  }

  /** Records an add once per event; false for a redelivery. */
  async recordAdd(add: ChannelAddDocument): Promise<boolean> {
    return insertOnce(() => this.models.adds.create(add));
  }

  /** Marks the newest live add of this (customer, member) as ended; the channel it came through, or null. */
  async endAdd(corpId: string, externalUserId: string, userid: string, at: Date, day: string): Promise<ChannelAddRecord | null> {
    const live = await this.models.adds.findOne({ corpId, externalUserId, userid, endedAt: { $exists: false } }).sort({ at: -1 }).lean();
    if (!live) return null;
    const ended = await this.models.adds.findOneAndUpdate({ _id: live._id, endedAt: { $exists: false } }, { $set: { endedAt: at, endedDay: day } }, { returnDocument: 'after' }).lean();
    return ended && withStringId(ended);
  }

  /** Adds per member through this channel on one Beijing day (the daily limits). */
  async addsPerMember(channelId: string, day: string): Promise<Map<string, number>> {
    const rows = await this.models.adds.aggregate<{ _id: string; n: number }>([{ $match: { channelId, day } }, { $group: { _id: '$userid', n: { $sum: 1 } } }]);
    return new Map(rows.map((row) => [row._id, row.n]));
  }

  /** Adds (by `day`) or losses (by `endedDay`) per Beijing day in [from, to]. */
  async countPerDay(channelId: string, field: 'day' | 'endedDay', from: string, to: string): Promise<Map<string, number>> {
    const rows = await this.models.adds.aggregate<{ _id: string; n: number }>([
      { $match: { channelId, [field]: { $gte: from, $lte: to } } },
      { $group: { _id: `$${field}`, n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((row) => [row._id, row.n]));
  }

  async countAdds(channelId: string, ended?: boolean): Promise<number> {
    return this.models.adds.countDocuments({ channelId, ...(ended ? { endedAt: { $exists: true } } : {}) });
  }

  /** Adds and losses of every channel, for the list. */
  async totalsByChannel(corpId: string): Promise<Map<string, { adds: number; losses: number }>> {
    const [adds, losses] = await Promise.all([
      this.models.adds.aggregate<{ _id: string; n: number }>([{ $match: { corpId } }, { $group: { _id: '$channelId', n: { $sum: 1 } } }]),
      this.models.adds.aggregate<{ _id: string; n: number }>([{ $match: { corpId, endedAt: { $exists: true } } }, { $group: { _id: '$channelId', n: { $sum: 1 } } }]),
    ]);
    const totals = new Map<string, { adds: number; losses: number }>();
    for (const row of adds) totals.set(row._id, { adds: row.n, losses: 0 });
    for (const row of losses) totals.set(row._id, { adds: totals.get(row._id)?.adds ?? 0, losses: row.n });
    return totals;
  }

  /** Claims a WelcomeCode for sending; null when it was claimed before (a redelivery, a retried event). */
  async claimWelcome(welcome: ChannelWelcomeDocument): Promise<ChannelWelcomeRecord | null> {
    try {
      return withStringId((await this.models.welcomes.create(welcome)).toObject());
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  async findWelcome(welcomeCode: string): Promise<ChannelWelcomeRecord | null> {
    const found = await this.models.welcomes.findOne({ welcomeCode }).lean();
    return found && withStringId(found);
  }

  /** Settles a claimed code once: a second settlement of the same code changes nothing. */
  async settleWelcome(welcomeCode: string, outcome: { status: Exclude<WelcomeOutcome, 'sending'>; reason?: string; settledAt: Date; latencyMs?: number }): Promise<boolean> {
    const result = await this.models.welcomes.updateOne({ welcomeCode, status: 'sending' }, { $set: outcome });
    return result.modifiedCount === 1;
  }

  async countWelcomes(channelId: string, statuses: WelcomeOutcome[]): Promise<number> {
    return this.models.welcomes.countDocuments({ channelId, status: { $in: statuses } });
  }

  /** The customer's first touch, written once: false when they already had one. */
  async recordFirstTouch(touch: ChannelFirstTouchDocument): Promise<boolean> {
    return insertOnce(() => this.models.firstTouches.create(touch));
  }

  async firstTouchOf(corpId: string, customerId: string): Promise<ChannelFirstTouchRecord | null> {
    const found = await this.models.firstTouches.findOne({ corpId, customerId }).lean();
    return found && withStringId(found);
  }

  /** Credits an order to a channel once per order. */
  async recordConversion(conversion: ChannelConversionDocument): Promise<boolean> {
    return insertOnce(() => this.models.conversions.create(conversion));
  }

  async conversionTotals(channelId: string): Promise<{ orders: number; revenueFen: number }> {
    const [orders, revenue] = await Promise.all([
      this.models.conversions.countDocuments({ channelId }),
      // One accumulator per $group: the embedded engine fills only the first.
      this.models.conversions.aggregate<{ _id: null; total: number }>([{ $match: { channelId } }, { $group: { _id: null, total: { $sum: '$amountFen' } } }]),
    ]);
    return { orders, revenueFen: revenue[0]?.total ?? 0 };
  }
}

async function insertOnce(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
