import { Schema, type Connection, type Model } from 'mongoose';

/** The corp tag library, mirrored from WeCom (get_corp_tag_list), plus local-only tags beyond WeCom's quota. */
export interface CorpTagDocument {
  corpId: string;
  tagId: string;
  groupId: string;
  groupName: string;
  /** WeCom sorts larger `order` first. */
  groupOrder: number;
  name: string;
  order: number;
  source: 'wecom' | 'local';
  deletedAt?: Date;
  syncedAt: Date;
}

const CorpTagSchema = new Schema<CorpTagDocument>(
  {
    corpId: { type: String, required: true },
    tagId: { type: String, required: true },
    groupId: { type: String, required: true },
    groupName: { type: String, required: true },
    groupOrder: { type: Number, required: true, default: 0 },
    name: { type: String, required: true },
    order: { type: Number, required: true, default: 0 },
    source: { type: String, required: true, enum: ['wecom', 'local'] },
    deletedAt: Date,
    syncedAt: { type: Date, required: true },
  },
  { collection: 'corp_tags', versionKey: false },
);
CorpTagSchema.index({ corpId: 1, tagId: 1 }, { unique: true });

export function corpTagModel(connection: Connection): Model<CorpTagDocument> {
  return connection.models.CorpTag ?? connection.model<CorpTagDocument>('CorpTag', CorpTagSchema);
}
