import { TEMPORARY_MEDIA_TTL_MS } from '../../integrations/wecom/media-client';
import type { AssetRecord } from '../assets';
import type { WeComMediaRepository } from './wecom-media.repository';

/**
 * An id with less than this left is replaced before sending: the chat message is sent seconds after we
 * hand it out, but a customer may open it later, and WeCom clients resolve the media when shown.
 */
export const REFRESH_MARGIN_MS = 6 * 60 * 60 * 1000;

export interface TemporaryMediaUploader {
  uploadTemporary(input: { type: 'image' | 'file'; filename: string; contentType: string; bytes: Buffer }): Promise<{ mediaId: string; createdAt: Date }>;
}

/**
 * WeCom media ids for our assets (sendChatMessage takes images and files only as media ids): uploaded on
 * first use, reused while they have more than the margin left, re-uploaded before they lapse, never stale.
 */
export class WeComMediaCache {
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly deps: {
      corpId: string;
      media: WeComMediaRepository;
      uploader: TemporaryMediaUploader;
      readBytes(asset: AssetRecord): Promise<Buffer>;
      now?: () => Date;
    },
  ) {}

  async mediaIdFor(asset: AssetRecord): Promise<string> {
    const now = (this.deps.now ?? (() => new Date()))();
    const cached = await this.deps.media.find(this.deps.corpId, asset.id);
    if (cached && cached.expiresAt.getTime() - now.getTime() > REFRESH_MARGIN_MS) return cached.mediaId;
    // Concurrent sends of the same image share one upload.
    let upload = this.inFlight.get(asset.id);
    if (!upload) {
      upload = this.upload(asset).finally(() => this.inFlight.delete(asset.id));
      this.inFlight.set(asset.id, upload);
    }
    return upload;
  }

  private async upload(asset: AssetRecord): Promise<string> {
    const bytes = await this.deps.readBytes(asset);
    const type = asset.contentType.startsWith('image/') ? 'image' : 'file';
    const uploaded = await this.deps.uploader.uploadTemporary({ type, filename: asset.filename, contentType: asset.contentType, bytes });
    await this.deps.media.save({
      corpId: this.deps.corpId,
      assetId: asset.id,
      mediaId: uploaded.mediaId,
      uploadedAt: uploaded.createdAt,
      expiresAt: new Date(uploaded.createdAt.getTime() + TEMPORARY_MEDIA_TTL_MS),
    });
    return uploaded.mediaId;
  }
}
