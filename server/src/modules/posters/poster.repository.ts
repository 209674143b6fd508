import { isValidObjectId, type Connection } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { posterModels, type PosterSceneDocument, type PosterTemplateDocument } from './poster.model';

export type PosterTemplateRecord = WithId<PosterTemplateDocument>;
export type PosterSceneRecord = WithId<PosterSceneDocument>;

export class PosterRepository {
  private readonly models: ReturnType<typeof posterModels>;

  constructor(connection: Connection) {
    this.models = posterModels(connection);
  }

  async createTemplate(template: PosterTemplateDocument): Promise<PosterTemplateRecord> {
    return withStringId((await this.models.templates.create(template)).toObject());
  }

  async updateTemplateAtVersion(corpId: string, id: string, expectedVersion: number, changes: Partial<PosterTemplateDocument>): Promise<PosterTemplateRecord | null> {
    const updated = await this.models.templates
      .findOneAndUpdate({ _id: id, corpId, version: expectedVersion }, { $set: changes, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean();
    return updated && withStringId(updated);
  }

  async findTemplate(corpId: string, id: string): Promise<PosterTemplateRecord | null> {
    if (!isValidObjectId(id)) return null;
    const found = await this.models.templates.findOne({ _id: id, corpId }).lean();
    return found && withStringId(found);
  }

  async listTemplates(corpId: string, includeRetired: boolean): Promise<PosterTemplateRecord[]> {
    const filter = includeRetired ? { corpId } : { corpId, retiredAt: { $exists: false } };
    return (await this.models.templates.find(filter).sort({ updatedAt: -1 }).lean()).map(withStringId);
  }

  /** The newest scene of this (poster, salesperson, customer) still valid at `validAt`. */
  async currentScene(corpId: string, templateId: string, userid: string, customerId: string, validAt: Date): Promise<PosterSceneRecord | null> {
    const found = await this.models.scenes.findOne({ corpId, templateId, userid, customerId, expiresAt: { $gt: validAt } }).sort({ expiresAt: -1 }).lean();
    return found && withStringId(found);
  }

  /** Inserts a scene; null if its code is taken (the caller draws another). */
  async insertScene(scene: PosterSceneDocument): Promise<PosterSceneRecord | null> {
    try {
      return withStringId((await this.models.scenes.create(scene)).toObject());
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  async findScene(scene: string): Promise<PosterSceneRecord | null> {
    const found = await this.models.scenes.findOne({ scene }).lean();
    return found && withStringId(found);
  }

  async setSceneCode(sceneId: string, codeAssetId: string): Promise<void> {
    await this.models.scenes.updateOne({ _id: sceneId }, { $set: { codeAssetId } });
  }
}
