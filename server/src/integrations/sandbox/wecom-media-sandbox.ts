import type Router from '@koa/router';
import type { Context } from 'koa';
import { multipartBoundary, MultipartError, parseMultipart, type MultipartPart } from '../common/multipart';
import { readRawBody } from './raw-body';
import { randomToken } from './sandbox-guard';
import type { SandboxClock } from './sandbox-clock';

/** WeCom keeps temporary media three days. */
const MEDIA_TTL_MS = 3 * 24 * 3600 * 1000;
const MB = 1024 * 1024;
/** WeCom's upload limits (上传的媒体文件限制): every file > 5 bytes, images JPG/PNG ≤ 10 MB, files ≤ 20 MB. */
const MIN_BYTES = 6;
const MAX_BYTES = { image: 10 * MB, file: 20 * MB } as const;
/** Room for the multipart framing around the largest allowed file. */
const MAX_BODY_BYTES = MAX_BYTES.file + 64 * 1024;

export interface StoredMedia {
  mediaId: string;
  type: 'image' | 'file';
  filename: string;
  contentType: string;
  bytes: Buffer;
  /** Sandbox-clock milliseconds. */
  createdAt: number;
}

export interface MediaStoreLimits {
  /** At most this many media are kept; the oldest go first. */
  maxItems: number;
  /** …and at most this many bytes in all. */
  maxBytes: number;
}

const fail = (ctx: Context, errcode: number, errmsg: string) => void (ctx.body = { errcode, errmsg });

/** The image format from the file's first bytes: WeCom checks the content, not the declared type. */
function sniffImage(bytes: Buffer): 'image/png' | 'image/jpeg' | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/**
 * WeCom temporary media (素材管理): `media/upload` and `media/get`, with WeCom's size and format
 * checks and the three-day lifetime on the sandbox clock. Memory is bounded by evicting the oldest.
 */
export class WeComMediaSandbox {
  /** Insertion order is upload order, so the first entry is always the oldest. */
  private readonly media = new Map<string, StoredMedia>();
  private storedBytes = 0;

  constructor(
    private readonly clock: SandboxClock,
    private readonly limits: MediaStoreLimits = { maxItems: 200, maxBytes: 200 * MB },
  ) {}

  /** Mounts the routes; `authorised` answers the token errcode itself and says whether to go on. */
  mount(router: Router, authorised: (ctx: Context) => boolean): void {
    router.post('/cgi-bin/media/upload', async (ctx) => {
      if (!authorised(ctx)) return;
      await this.upload(ctx);
    });
    router.get('/cgi-bin/media/get', (ctx) => {
      if (!authorised(ctx)) return;
      this.get(ctx);
    });
  }

  /** A live media by id: undefined when unknown, evicted, or older than three days on the sandbox clock. */
  find(mediaId: string): StoredMedia | undefined {
    const found = this.media.get(mediaId);
    return found && this.clock.now() - found.createdAt < MEDIA_TTL_MS ? found : undefined;
  }

  get size(): number {
    return this.media.size;
  }

  private async upload(ctx: Context): Promise<void> {
    const type = ctx.query.type;
    if (type !== 'image' && type !== 'file') return fail(ctx, 40005, 'invalid media type (the sandbox supports image and file)');
    const boundary = multipartBoundary(ctx.get('content-type'));
    if (!boundary) return fail(ctx, 41005, 'media data missing: expect multipart/form-data');
    const body = await readRawBody(ctx.req, MAX_BODY_BYTES);
    if (body.tooLarge) return fail(ctx, type === 'image' ? 40009 : 40006, 'invalid file size');
    let part: MultipartPart | undefined;
    try {
      part = parseMultipart(body.bytes, boundary).find((p) => p.name === 'media' && p.filename !== undefined);
    } catch (error) {
      if (!(error instanceof MultipartError)) throw error;
      return fail(ctx, 41005, `media data missing: ${error.message}`);
    }
    if (!part) return fail(ctx, 41005, 'media data missing: no file part named "media"');
    if (part.bytes.length < MIN_BYTES) return fail(ctx, 40006, 'invalid file size');

    let contentType = part.contentType ?? 'application/octet-stream';
    if (type === 'image') {
      const sniffed = sniffImage(part.bytes);
      if (!sniffed) return fail(ctx, 40004, 'invalid media file type: image must be JPG or PNG');
      if (part.bytes.length > MAX_BYTES.image) return fail(ctx, 40009, 'invalid image size');
      contentType = sniffed;
    } else if (part.bytes.length > MAX_BYTES.file) {
      return fail(ctx, 40006, 'invalid file size');
    }

    const stored: StoredMedia = {
      mediaId: randomToken(33),
      type,
      filename: part.filename ?? 'media',
      contentType,
      bytes: part.bytes,
      createdAt: this.clock.now(),
    };
    this.store(stored);
    ctx.body = { errcode: 0, errmsg: 'ok', type, media_id: stored.mediaId, created_at: String(Math.floor(stored.createdAt / 1000)) };
  }

  private get(ctx: Context): void {
    const found = this.find(String(ctx.query.media_id ?? ''));
    if (!found) return fail(ctx, 40007, 'invalid media_id');
    ctx.attachment(found.filename);
    ctx.type = found.contentType;
    ctx.body = found.bytes;
  }

  private store(media: StoredMedia): void {
    this.media.set(media.mediaId, media);
    this.storedBytes += media.bytes.length;
    for (const [mediaId, oldest] of this.media) {
      const expired = this.clock.now() - oldest.createdAt >= MEDIA_TTL_MS;
      const over = this.media.size > this.limits.maxItems || this.storedBytes > this.limits.maxBytes;
      if (!expired && !over) break;
      if (mediaId === media.mediaId) break; // never evict the upload just answered
      this.media.delete(mediaId);
      this.storedBytes -= oldest.bytes.length;
    }
  }
}
