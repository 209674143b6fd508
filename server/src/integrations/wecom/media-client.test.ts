import QRCode from 'qrcode';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { UpstreamApiError } from '../common/upstream-error';
import { SANDBOX_PATHS } from '../sandbox/sandbox';
import { WeComMediaClient } from './media-client';

const DAY_MS = 24 * 3600 * 1000;

describe('WeComMediaClient against the WeCom sandbox', () => {
  let app: TestApp;
  let media: WeComMediaClient;
  let png: Buffer;

  beforeAll(async () => {
    app = await createTestApp('wecom-media');
    media = new WeComMediaClient(app.clients.wecom);
    png = await QRCode.toBuffer('https://zhike.test/poster', { type: 'png', width: 200 });
  });
  afterAll(() => app.close());

  /** What a caller holding a WeCom token gets from media/get: the bytes, or an errcode. */
  async function download(mediaId: string): Promise<Response> {
    const { world } = app.sandbox;
    const base = app.sandboxUrl + SANDBOX_PATHS.wecom;
    const token = (await (await fetch(`${base}/cgi-bin/gettoken?corpid=${world.corpId}&corpsecret=${world.agentSecret}`)).json()) as { access_token: string };
    return fetch(`${base}/cgi-bin/media/get?access_token=${token.access_token}&media_id=${encodeURIComponent(mediaId)}`);
  }

  it('uploads an image and gets back the same bytes by media_id', async () => {
    const before = Math.floor(app.sandbox.clock.now() / 1000);
    const { mediaId, createdAt } = await media.uploadTemporary({ type: 'image', filename: 'poster.png', contentType: 'image/png', bytes: png });

    expect(mediaId).toMatch(/^[\w-]{40,}$/);
    expect(createdAt.getTime() / 1000).toBeGreaterThanOrEqual(before);
    expect(createdAt.getTime() % 1000).toBe(0); // WeCom answers whole seconds
    const res = await download(mediaId);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);

    const demo = await fetch(`${app.sandboxUrl}/sandbox/demo/media/${mediaId}`);
    expect(demo.status).toBe(200);
    expect(Buffer.from(await demo.arrayBuffer()).equals(png)).toBe(true);
  });

  it('uploads a file with a Chinese name and keeps name and type', async () => {
    const pdf = Buffer.from('%PDF-1.4\n产品手册\n%%EOF');
    const { mediaId } = await media.uploadTemporary({ type: 'file', filename: '产品手册.pdf', contentType: 'application/pdf', bytes: pdf });
    expect(app.sandbox.wecom.media.find(mediaId)).toMatchObject({ type: 'file', filename: '产品手册.pdf', contentType: 'application/pdf', bytes: pdf });
  });

  it('sends the same multipart body again after a token refresh', async () => {
    const calls = app.sandbox.wecom.callsTo('/cgi-bin/media/upload');
    app.sandbox.wecom.expireAllTokens();
    const { mediaId } = await media.uploadTemporary({ type: 'image', filename: 'again.png', contentType: 'image/png', bytes: png });
    expect(app.sandbox.wecom.callsTo('/cgi-bin/media/upload')).toBe(calls + 2);
    expect(app.sandbox.wecom.media.find(mediaId)?.bytes.equals(png)).toBe(true);
  });

  it('lets a media_id lapse three days after upload, on the sandbox clock', async () => {
    const { mediaId } = await media.uploadTemporary({ type: 'image', filename: 'poster.png', contentType: 'image/png', bytes: png });

    app.sandbox.clock.advance(3 * DAY_MS - 60_000);
    expect((await download(mediaId)).status).toBe(200);

    app.sandbox.clock.advance(60_000);
    expect(await (await download(mediaId)).json()).toEqual({ errcode: 40007, errmsg: 'invalid media_id' });
    const error = await app.clients.wecom.call('GET', '/cgi-bin/media/get', { query: { media_id: mediaId } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamApiError);
    expect(error).toMatchObject({ errcode: 40007, code: 'UPSTREAM_REJECTED' });
    expect((await fetch(`${app.sandboxUrl}/sandbox/demo/media/${mediaId}`)).status).toBe(404);
  });

  it('maps a non-image sent as an image to an upstream error, as WeCom checks the content', async () => {
    const error = await media
      .uploadTemporary({ type: 'image', filename: 'fake.png', contentType: 'image/png', bytes: Buffer.from('GIF89a not a png') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamApiError);
    expect(error).toMatchObject({ upstream: 'WeCom', errcode: 40004, code: 'UPSTREAM_REJECTED', status: 502 });
  });

  it('maps an image over 10 MB to errcode 40009', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    png.copy(big);
    await expect(media.uploadTemporary({ type: 'image', filename: 'big.png', contentType: 'image/png', bytes: big })).rejects.toMatchObject({ errcode: 40009 });
  });

  it('refuses a file of 5 bytes or less before calling WeCom', async () => {
    const calls = app.sandbox.wecom.callsTo('/cgi-bin/media/upload');
    await expect(media.uploadTemporary({ type: 'file', filename: 'a.txt', contentType: 'text/plain', bytes: Buffer.from('abc') })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(app.sandbox.wecom.callsTo('/cgi-bin/media/upload')).toBe(calls);
  });
});
