import crypto from 'node:crypto';
import { loadImage } from '@napi-rs/canvas';
import { UPLOAD_LIMITS, type AssetView } from '@zhike/shared/content';
import { AppError } from '../../platform/http/app-error';
import { sniffContentType } from '../../platform/images/sniff-content-type';
import type { AssetRecord, AssetRepository } from './asset.repository';

/** Larger images are refused: decoding one would hold width × height × 4 bytes in memory. */
const MAX_IMAGE_SIDE = 4096;

export interface UploadAssetInput {
  corpId: string;
  uploadedBy: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export class AssetService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly publicUrl: string,
  ) {}

  /** Checks the bytes are what they claim, then stores them once (re-uploading the same file returns the same asset). */
  async upload(input: UploadAssetInput): Promise<AssetRecord> {
    const contentType = input.contentType.split(';')[0]!.trim().toLowerCase();
    const kind = contentType.startsWith('image/') ? 'image' : 'file';
    const limit = UPLOAD_LIMITS[kind];
    if (input.bytes.length === 0) throw new AppError('VALIDATION_FAILED', '文件是空的', [{ field: 'body', issue: '空文件' }]);
    if (input.bytes.length > limit.maxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `文件过大，${kind === 'image' ? '图片' : '文件'}上限为 ${limit.maxBytes / 1024 / 1024} MB`, [
        { field: 'body', issue: '超过上限' },
      ]);
    }
    const sniffed = sniffContentType(input.bytes);
    if (sniffed !== contentType) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件内容与类型不符，请上传真实的 PNG、JPG 或 PDF 文件', [
        { field: 'body', issue: `声明为 ${contentType}，内容${sniffed ? `是 ${sniffed}` : '无法识别'}` },
      ]);
    }
    const size = kind === 'image' ? await imageSize(input.bytes) : undefined;
    return this.assets.store(
      {
        corpId: input.corpId,
        key: crypto.randomBytes(16).toString('hex'),
        sha256: crypto.createHash('sha256').update(input.bytes).digest('hex'),
        filename: input.filename,
        contentType,
        size: input.bytes.length,
        ...size,
        uploadedBy: input.uploadedBy,
        createdAt: new Date(),
      },
      input.bytes,
    );
  }

  /** An asset of this corp, or a 400 naming the field that referred to it. */
  async requireAsset(corpId: string, id: string, field: string, expected: 'image' | 'file' | 'any' = 'any'): Promise<AssetRecord> {
    const asset = await this.assets.findById(corpId, id);
    if (!asset) throw new AppError('VALIDATION_FAILED', '引用的素材不存在，请重新上传', [{ field, issue: '素材不存在' }]);
    const isImage = asset.contentType.startsWith('image/');
    if ((expected === 'image' && !isImage) || (expected === 'file' && isImage)) {
      throw new AppError('VALIDATION_FAILED', expected === 'image' ? '这里需要一张图片' : '这里需要一个文件', [{ field, issue: `素材类型为 ${asset.contentType}` }]);
    }
    return asset;
  }

  findById(corpId: string, id: string): Promise<AssetRecord | null> {
    return this.assets.findById(corpId, id);
  }

  findByKey(key: string): Promise<AssetRecord | null> {
    return this.assets.findByKey(key);
  }

  readBytes(asset: AssetRecord): Promise<Buffer> {
    return this.assets.readBytes(asset);
  }

  /** The address WeCom clients load the asset from (link and mini-program card thumbnails). */
  publicUrlOf(asset: Pick<AssetRecord, 'key'>): string {
    return `${this.publicUrl}/files/${asset.key}`;
  }

  toView(asset: AssetRecord): AssetView {
    return {
      id: asset.id,
      filename: asset.filename,
      contentType: asset.contentType,
      size: asset.size,
      ...(asset.width ? { width: asset.width, height: asset.height } : {}),
      url: this.publicUrlOf(asset),
    };
  }
}

async function imageSize(bytes: Buffer): Promise<{ width: number; height: number }> {
  let image: Awaited<ReturnType<typeof loadImage>>;
  try {
    image = await loadImage(bytes);
  } catch {
    throw new AppError('VALIDATION_FAILED', '图片已损坏，无法读取', [{ field: 'body', issue: '无法解码' }]);
  }
  if (image.width > MAX_IMAGE_SIDE || image.height > MAX_IMAGE_SIDE) {
    throw new AppError('VALIDATION_FAILED', `图片尺寸过大，长宽都不能超过 ${MAX_IMAGE_SIDE} 像素`, [{ field: 'body', issue: `${image.width}×${image.height}` }]);
  }
  return { width: image.width, height: image.height };
}
