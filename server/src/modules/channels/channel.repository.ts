import { isValidObjectId, Types, type Connection } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { channelModels, type ChannelDocument, type ChannelSettingsDocument } from './channel.model';

export type ChannelRecord = WithId<ChannelDocument>;
export type ChannelSettingsRecord = ChannelSettingsDocument;

/** Channels and the corp's channel settings: the only mongoose code for them. */
export class ChannelRepository {
  private readonly models: ReturnType<typeof channelModels>;

  constructor(connection: Connection) {
    this.models = channelModels(connection);
  }

  /** An id before the insert, so the upstream config can be made first and the record saved under it. */
  newId(): string {
    return new Types.ObjectId().toHexString();
  }

  /** Inserts a channel; null when its state or personal key is taken (a concurrent twin won). */
  async insert(id: string, channel: ChannelDocument): Promise<ChannelRecord | null> {
    try {
      return withStringId((await this.models.channels.create({ _id: id, ...channel })).toObject());
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  async findById(corpId: string, id: string): Promise<ChannelRecord | null> {
    if (!isValidObjectId(id)) return null;
    const found = await this.models.channels.findOne({ _id: id, corpId }).lean();
    return found && withStringId(found);
  }

  async findByState(state: string): Promise<ChannelRecord | null> {
    const found = await this.models.channels.findOne({ state }).lean();
    return found && withStringId(found);
  }

  async findByStates(corpId: string, states: string[]): Promise<ChannelRecord[]> {
    if (states.length === 0) return [];
    return (await this.models.channels.find({ corpId, state: { $in: states } }).lean()).map(withStringId);
  }

  async findPersonal(corpId: string, userid: string): Promise<ChannelRecord | null> {
    const found = await this.models.channels.findOne({ personalKey: `${corpId}:${userid}`, deletedAt: { $exists: false } }).lean();
    return found && withStringId(found);
  }

  async list(corpId: string, includeDeleted: boolean): Promise<ChannelRecord[]> {
    const filter = includeDeleted ? { corpId } : { corpId, deletedAt: { $exists: false } };
    return (await this.models.channels.find(filter).sort({ createdAt: -1 }).lean()).map(withStringId);
  }

  /** Live rotation channels (not paused, not deleted): the rotation job's work list. */
  async listRotating(corpId: string): Promise<ChannelRecord[]> {
    const found = await this.models.channels.find({ corpId, contactWayType: 2, deletedAt: { $exists: false }, pausedAt: { $exists: false } }).lean();
    return found.map(withStringId);
  }

  /** Changes a channel if it is still at `expectedVersion`; null when someone else changed it first. */
  async updateAtVersion(corpId: string, id: string, expectedVersion: number, set: Partial<ChannelDocument>, unset: (keyof ChannelDocument)[] = []): Promise<ChannelRecord | null> {
    const update = { $set: set, $inc: { version: 1 }, ...(unset.length ? { $unset: Object.fromEntries(unset.map((field) => [field, 1])) } : {}) };
    const updated = await this.models.channels.findOneAndUpdate({ _id: id, corpId, version: expectedVersion }, update, { returnDocument: 'after' }).lean();
    return updated && withStringId(updated);
  }

  /** The rotation's current members upstream; not a user edit, so the version stays. */
  async setCurrentUsers(id: string, currentUsers: string[]): Promise<void> {
    await this.models.channels.updateOne({ _id: id }, { $set: { currentUsers } });
  }

  async settings(corpId: string): Promise<ChannelSettingsRecord | null> {
    return this.models.settings.findOne({ corpId }, { _id: 0 }).lean();
  }

  async saveSettings(settings: ChannelSettingsDocument): Promise<void> {
    await this.models.settings.updateOne({ corpId: settings.corpId }, { $set: settings }, { upsert: true });
  }
}
