import { isValidObjectId, type Connection } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { scriptModels, type ScriptCategoryDocument, type ScriptDocument } from './script.model';

export type ScriptRecord = WithId<ScriptDocument>;
export type ScriptCategoryRecord = WithId<ScriptCategoryDocument>;

export class ScriptRepository {
  private readonly models: ReturnType<typeof scriptModels>;

  constructor(connection: Connection) {
    this.models = scriptModels(connection);
  }

  async create(script: ScriptDocument): Promise<ScriptRecord> {
    const created = await this.models.scripts.create(script);
    return withStringId(created.toObject());
  }

  /** Applies an edit only if nobody saved since `expectedVersion`; null when the version moved on. */
  async updateAtVersion(corpId: string, id: string, expectedVersion: number, changes: Partial<ScriptDocument>): Promise<ScriptRecord | null> {
    const updated = await this.models.scripts
      .findOneAndUpdate({ _id: id, corpId, version: expectedVersion }, { $set: changes, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean();
    return updated && withStringId(updated);
  }

  async findById(corpId: string, id: string): Promise<ScriptRecord | null> {
    if (!isValidObjectId(id)) return null;
    const found = await this.models.scripts.findOne({ _id: id, corpId }).lean();
    return found && withStringId(found);
  }

  async listForCorp(corpId: string): Promise<ScriptRecord[]> {
    return (await this.models.scripts.find({ corpId }).lean()).map(withStringId);
  }

  async incrementUsage(corpId: string, id: string): Promise<void> {
    await this.models.scripts.updateOne({ _id: id, corpId }, { $inc: { usageCount: 1 } });
  }

  async createCategory(category: ScriptCategoryDocument): Promise<ScriptCategoryRecord> {
    const created = await this.models.categories.create(category);
    return withStringId(created.toObject());
  }

  async updateCategory(corpId: string, id: string, changes: Partial<ScriptCategoryDocument>): Promise<ScriptCategoryRecord | null> {
    const updated = await this.models.categories.findOneAndUpdate({ _id: id, corpId }, { $set: changes }, { returnDocument: 'after' }).lean();
    return updated && withStringId(updated);
  }

  async findCategory(corpId: string, id: string): Promise<ScriptCategoryRecord | null> {
    if (!isValidObjectId(id)) return null;
    const found = await this.models.categories.findOne({ _id: id, corpId }).lean();
    return found && withStringId(found);
  }

  async listCategories(corpId: string): Promise<ScriptCategoryRecord[]> {
    return (await this.models.categories.find({ corpId, retiredAt: { $exists: false } }).sort({ order: 1, createdAt: 1 }).lean()).map(withStringId);
  }

  async favouriteScriptIds(corpId: string, userid: string): Promise<Set<string>> {
    const found = await this.models.favourites.find({ corpId, userid }, { scriptId: 1 }).lean();
    return new Set(found.map((favourite) => favourite.scriptId));
  }

  async setFavourite(corpId: string, userid: string, scriptId: string, favourite: boolean): Promise<void> {
    if (!favourite) {
      await this.models.favourites.deleteOne({ corpId, userid, scriptId });
      return;
    }
    try {
      await this.models.favourites.create({ corpId, userid, scriptId, at: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async revision(corpId: string): Promise<number> {
    const found = await this.models.revisions.findById(`scripts:${corpId}`).lean();
    return found?.value ?? 0;
  }

  async bumpRevision(corpId: string): Promise<number> {
    const bumped = await this.models.revisions.findOneAndUpdate({ _id: `scripts:${corpId}` }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
    return bumped!.value;
  }
}
