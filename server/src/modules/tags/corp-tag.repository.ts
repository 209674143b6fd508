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

  /** A live tag of the group with this name, which tells the group's id and source; null when there is none. */
  async findLiveGroupByName(corpId: string, groupName: string): Promise<CorpTagRecord | null> {
    const found = await this.tags.findOne({ corpId, groupName, deletedAt: { $exists: false } }).lean();
    return found && withStringId(found);
  }

  async listLiveInGroup(corpId: string, groupId: string): Promise<CorpTagRecord[]> {
    const found = await this.tags.find({ corpId, groupId, deletedAt: { $exists: false } }).lean();
    return found.map(withStringId);
  }

  async insertLocal(tag: Omit<CorpTagDocument, 'source' | 'deletedAt'>): Promise<CorpTagRecord> {
    const created = await this.tags.create({ ...tag, source: 'local' });
    return withStringId(created.toObject());
  }

  /** Renames or retires a live local tag; null when there is none by that id (WeCom's tags are never changed here). */
  async updateLocal(corpId: string, tagId: string, change: { name: string } | { deletedAt: Date }, at: Date): Promise<CorpTagRecord | null> {
    const updated = await this.tags
      .findOneAndUpdate({ corpId, tagId, source: 'local', deletedAt: { $exists: false } }, { $set: { ...change, syncedAt: at } }, { returnDocument: 'after' })
      .lean();
    return updated && withStringId(updated);
  }

  async findByTagIds(corpId: string, tagIds: string[]): Promise<CorpTagRecord[]> {
    if (tagIds.length === 0) return [];
    const found = await this.tags.find({ corpId, tagId: { $in: tagIds } }).sort({ groupOrder: -1, groupId: 1, order: -1 }).lean();
    return found.map(withStringId);
  }
}
