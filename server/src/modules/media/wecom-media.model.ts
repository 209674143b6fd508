import { Schema, type Connection, type Model } from 'mongoose';

/** The WeCom temporary media id an asset was last uploaded as; WeCom forgets it three days after upload. */
export interface WeComMediaDocument {
  corpId: string;
  assetId: string;
  mediaId: string;
  /** WeCom's created_at: the three days run from here. */
  uploadedAt: Date;
  expiresAt: Date;
}

const WeComMediaSchema = new Schema<WeComMediaDocument>(
  {
    corpId: { type: String, required: true },
    assetId: { type: String, required: true },
    mediaId: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'wecom_media', versionKey: false },
);
WeComMediaSchema.index({ corpId: 1, assetId: 1 }, { unique: true });

export function weComMediaModel(connection: Connection): Model<WeComMediaDocument> {
  return connection.models.WeComMedia ?? connection.model<WeComMediaDocument>('WeComMedia', WeComMediaSchema);
}
