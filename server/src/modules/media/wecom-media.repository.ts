import type { Connection, Model } from 'mongoose';
import { isDuplicateKeyError } from '../../platform/db/records';
import { weComMediaModel, type WeComMediaDocument } from './wecom-media.model';

export class WeComMediaRepository {
  private readonly media: Model<WeComMediaDocument>;

  constructor(connection: Connection) {
    this.media = weComMediaModel(connection);
  }

  async find(corpId: string, assetId: string): Promise<WeComMediaDocument | null> {
    return this.media.findOne({ corpId, assetId }, { _id: 0 }).lean();
  }

  /** Keeps the newest upload: an older one finishing late never replaces a fresher id. */
  async save(record: WeComMediaDocument): Promise<void> {
    const { corpId, assetId } = record;
    const replaced = await this.media.updateOne({ corpId, assetId, uploadedAt: { $lt: record.uploadedAt } }, { $set: record });
    if (replaced.matchedCount) return;
    await this.media.updateOne({ corpId, assetId }, { $setOnInsert: record }, { upsert: true }).catch((error: unknown) => {
      // Another instance inserted first; its id is as good as ours.
      if (!isDuplicateKeyError(error)) throw error;
    });
  }
}
