import { isValidObjectId, type Connection, type Model } from 'mongoose';
import type { SegmentRules } from '@zhike/shared/analytics';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { segmentModel, type SegmentDocument } from './segment.model';

export type SegmentRecord = WithId<SegmentDocument>;
/** A name already taken in the corp (the unique index said so). */
export const DUPLICATE_NAME = 'duplicate_name';

export class SegmentRepository {
  private readonly segments: Model<SegmentDocument>;

  constructor(connection: Connection) {
    this.segments = segmentModel(connection);
  }

  async list(corpId: string): Promise<SegmentRecord[]> {
    return (await this.segments.find({ corpId }).sort({ createdAt: 1 }).lean()).map(withStringId);
  }

  async find(corpId: string, id: string): Promise<SegmentRecord | null> {
    if (!isValidObjectId(id)) return null;
    const found = await this.segments.findOne({ _id: id, corpId }).lean();
    return found && withStringId(found);
  }

  async create(corpId: string, segment: { name: string; rules: SegmentRules }, by: string, at: Date): Promise<SegmentRecord | typeof DUPLICATE_NAME> {
    try {
      const created = await this.segments.create({ corpId, ...segment, createdBy: by, createdAt: at, updatedBy: by, updatedAt: at });
      return withStringId(created.toObject());
    } catch (error) {
      if (isDuplicateKeyError(error)) return DUPLICATE_NAME;
      throw error;
    }
  }

  /** Replaces name and rules; null when there is no such segment. */
  async update(corpId: string, id: string, segment: { name: string; rules: SegmentRules }, by: string, at: Date): Promise<SegmentRecord | null | typeof DUPLICATE_NAME> {
    if (!isValidObjectId(id)) return null;
    try {
      const updated = await this.segments
        .findOneAndUpdate({ _id: id, corpId }, { $set: { name: segment.name, rules: segment.rules, updatedBy: by, updatedAt: at } }, { returnDocument: 'after' })
        .lean();
      return updated && withStringId(updated);
    } catch (error) {
      if (isDuplicateKeyError(error)) return DUPLICATE_NAME;
      throw error;
    }
  }

  async remove(corpId: string, id: string): Promise<boolean> {
    if (!isValidObjectId(id)) return false;
    return (await this.segments.deleteOne({ _id: id, corpId })).deletedCount === 1;
  }
}
