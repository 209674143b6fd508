import { z } from 'zod';
import { AppError } from '../../platform/http/app-error';
import { parseUpstreamAnswer } from '../common/upstream-error';
import type { WeComClient } from './wecom-client';

/** WeCom keeps temporary media for three days after upload; senders must re-upload before then. */
export const TEMPORARY_MEDIA_TTL_MS = 3 * 24 * 3600 * 1000;

export interface TemporaryMediaUpload {
  type: 'image' | 'file';
  filename: string;
  contentType: string;
  bytes: Buffer;
}

// WeCom answers created_at as a string of unix seconds; a number is accepted too, should that ever change.
const UploadAnswer = z.object({
  media_id: z.string().min(1),
  created_at: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]),
});

/** WeCom 素材管理: temporary media for chat messages (`sendChatMessage` image/file take a media_id). */
export class WeComMediaClient {
  constructor(private readonly wecom: WeComClient) {}

  /** Uploads one image or file; the media_id it answers lapses 3 days after `createdAt`. */
  async uploadTemporary(input: TemporaryMediaUpload): Promise<{ mediaId: string; createdAt: Date }> {
    // WeCom rejects files of 5 bytes or less; say so here instead of sending a request doomed to fail.
    if (input.bytes.length <= 5) throw new AppError('VALIDATION_FAILED', '文件内容过小，无法上传到企业微信', [{ field: 'bytes', issue: '文件须大于 5 字节' }]);
    if (!input.filename.trim()) throw new AppError('VALIDATION_FAILED', '缺少文件名', [{ field: 'filename', issue: '文件名不能为空' }]);
    const json = await this.wecom.postMultipart('/cgi-bin/media/upload', { type: input.type }, [
      {
        name: 'media',
        filename: input.filename,
        contentType: input.contentType,
        disposition: { filelength: String(input.bytes.length) },
        bytes: input.bytes,
      },
    ]);
    const answer = parseUpstreamAnswer('WeCom', UploadAnswer, json);
    return { mediaId: answer.media_id, createdAt: new Date(Number(answer.created_at) * 1000) };
  }
}
