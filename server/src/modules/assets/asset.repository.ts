import { mongo, type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError, withStringId, type WithId } from '../../platform/db/records';
import { assetModel, type AssetDocument } from './asset.model';

export type AssetRecord = WithId<AssetDocument>;

export class AssetRepository {
  private readonly assets: Model<AssetDocument>;
  private readonly files: mongo.GridFSBucket;

  constructor(connection: Connection) {
    this.assets = assetModel(connection);
    this.files = new mongo.GridFSBucket(connection.db!, { bucketName: 'asset_files' });
  }

  /**
   * Stores the bytes, then the record. Identical bytes already stored return the existing asset; a crash
   * between the two writes leaves only an orphan file, never a record without bytes.
   */
  async store(asset: Omit<AssetDocument, 'fileId'>, bytes: Buffer): Promise<AssetRecord> {
    const existing = await this.findBySha256(asset.corpId, asset.sha256);
    if (existing) return existing;
    const fileId = await this.writeFile(asset.filename, asset.contentType, bytes);
    try {
      const created = await this.assets.create({ ...asset, fileId });
      return withStringId(created.toObject());
    } catch (error) {
      await this.files.delete(fileId).catch(() => undefined);
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.findBySha256(asset.corpId, asset.sha256))!;
    }
  }

  async findById(corpId: string, id: string): Promise<AssetRecord | null> {
    if (!mongo.ObjectId.isValid(id)) return null;
    const found = await this.assets.findOne({ _id: id, corpId }).lean();
    return found && withStringId(found);
  }

  async findByKey(key: string): Promise<AssetRecord | null> {
    const found = await this.assets.findOne({ key }).lean();
    return found && withStringId(found);
  }

  async findBySha256(corpId: string, sha256: string): Promise<AssetRecord | null> {
    const found = await this.assets.findOne({ corpId, sha256 }).lean();
    return found && withStringId(found);
  }

  async readBytes(asset: Pick<AssetDocument, 'fileId'>): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.files.openDownloadStream(asset.fileId)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private writeFile(filename: string, contentType: string, bytes: Buffer): Promise<mongo.ObjectId> {
    return new Promise((resolve, reject) => {
      const upload = this.files.openUploadStream(filename, { metadata: { contentType } });
      upload.once('error', reject);
      upload.once('finish', () => resolve(upload.id));
      upload.end(bytes);
    });
  }
}
