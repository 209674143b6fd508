import type { AssetRecord } from '../assets';
import { openTestDatabase } from '../../testing/test-database';
import { WeComMediaCache, type TemporaryMediaUploader } from './wecom-media-cache';
import { WeComMediaRepository } from './wecom-media.repository';

const HOUR = 60 * 60 * 1000;
const asset = { id: '64b000000000000000000001', filename: '产品图.png', contentType: 'image/png' } as AssetRecord;

describe('WeCom media ids for assets', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let now: Date;
  let uploads: { filename: string; type: string }[];
  let cache: WeComMediaCache;

  beforeAll(async () => {
    database = await openTestDatabase('media');
  });
  afterAll(() => database.drop());

  beforeEach(async () => {
    await database.connection.collection('wecom_media').deleteMany({});
    now = new Date('2026-11-25T02:00:00Z');
    uploads = [];
    const uploader: TemporaryMediaUploader = {
      uploadTemporary: async ({ filename, type }) => {
        uploads.push({ filename, type });
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { mediaId: `media-${uploads.length}`, createdAt: now };
      },
    };
    cache = new WeComMediaCache({ corpId: 'ww1', media: new WeComMediaRepository(database.connection), uploader, readBytes: async () => Buffer.from('png'), now: () => now });
  });

  it('uploads on first use and reuses the id while it has more than six hours left', async () => {
    expect(await cache.mediaIdFor(asset)).toBe('media-1');
    now = new Date(now.getTime() + 65 * HOUR);
    expect(await cache.mediaIdFor(asset)).toBe('media-1');
    expect(uploads).toEqual([{ filename: '产品图.png', type: 'image' }]);
  });

  it('re-uploads before the three days run out, so a lapsing id is never handed out', async () => {
    await cache.mediaIdFor(asset);
    now = new Date(now.getTime() + 66 * HOUR + 1);
    expect(await cache.mediaIdFor(asset)).toBe('media-2');
    now = new Date(now.getTime() + 1 * HOUR);
    expect(await cache.mediaIdFor(asset)).toBe('media-2');
    expect(uploads).toHaveLength(2);
  });

  it('shares one upload between concurrent sends of the same image', async () => {
    const ids = await Promise.all([cache.mediaIdFor(asset), cache.mediaIdFor(asset), cache.mediaIdFor(asset)]);
    expect(ids).toEqual(['media-1', 'media-1', 'media-1']);
    expect(uploads).toHaveLength(1);
  });
});
