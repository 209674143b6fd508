import type { Connection, Model } from 'mongoose';
import { withStringId, type WithId } from '../../platform/db/records';
import { corpTagModel, type CorpTagDocument } from './corp-tag.model';

export type CorpTagRecord = WithId<CorpTagDocument>;

export class CorpTagRepository {
  private readonly tags: Model<CorpTagDocument>;

  constructor(connection: Connection) {
    this.tags = corpTagModel(connection);
  }

  /**
   * Makes the local mirror equal WeCom's library: every listed tag upserted, every WeCom tag no longer
   * listed marked deleted (kept, so old timeline entries still have a name). Local-only tags are untouched.
   */
  async mirrorWeComLibrary(corpId: string, tags: Omit<CorpTagDocument, 'corpId' | 'source' | 'syncedAt' | 'deletedAt'>[], at: Date): Promise<void> {
    // One call per tag: FerretDB 1.24 stops an unordered bulkWrite of updates at the first failure.
    for (const tag of tags) {
      await this.tags.updateOne({ corpId, tagId: tag.tagId }, { $set: { ...tag, source: 'wecom' as const, syncedAt: at }, $unset: { deletedAt: 1 } }, { upsert: true });
    }
    await this.tags.updateMany(
      { corpId, source: 'wecom', tagId: { $nin: tags.map((t) => t.tagId) }, deletedAt: { $exists: false } },
      { $set: { deletedAt: at } },
    );
  }

  async listActive(corpId: string): Promise<CorpTagRecord[]> {
    const found = await this.tags.find({ corpId, deletedAt: { $exists: false } }).sort({ groupOrder: -1, groupId: 1, order: -1 }).lean();
    return found.map(withStringId);
  }

  async findByTagIds(corpId: string, tagIds: string[]): Promise<CorpTagRecord[]> {
    if (tagIds.length === 0) return [];
    const found = await this.tags.find({ corpId, tagId: { $in: tagIds } }).sort({ groupOrder: -1, groupId: 1, order: -1 }).lean();
    return found.map(withStringId);
  }
}
