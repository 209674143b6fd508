import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** An uploaded image or file; its bytes live in GridFS (`asset_files`), so files larger than a document fit. */
export interface AssetDocument {
  corpId: string;
  /** Unguessable, the asset's public address: marketing images are fetched by WeCom clients without a session. */
  key: string;
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
  width?: number;
  height?: number;
  fileId: Types.ObjectId;
  uploadedBy: string;
  createdAt: Date;
}

const AssetSchema = new Schema<AssetDocument>(
  {
    corpId: { type: String, required: true },
    key: { type: String, required: true },
    sha256: { type: String, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    width: Number,
    height: Number,
    fileId: { type: Schema.Types.ObjectId, required: true },
    uploadedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'assets', versionKey: false },
);
AssetSchema.index({ key: 1 }, { unique: true });
// The same bytes uploaded twice (a retried upload) are one asset.
AssetSchema.index({ corpId: 1, sha256: 1 }, { unique: true });

export function assetModel(connection: Connection): Model<AssetDocument> {
  return connection.models.Asset ?? connection.model<AssetDocument>('Asset', AssetSchema);
}
