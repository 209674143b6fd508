import Router from '@koa/router';
import Koa from 'koa';
import request from 'supertest';
import { encodeMultipart } from '../common/multipart';
import { SandboxClock } from './sandbox-clock';
import { WeComMediaSandbox, type MediaStoreLimits } from './wecom-media-sandbox';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a png')]);
const MB = 1024 * 1024;

function setUp(limits?: MediaStoreLimits) {
  const clock = new SandboxClock();
  const media = new WeComMediaSandbox(clock, limits);
  const router = new Router();
  // The token check is WeComSandbox's; here a token is "valid" when present.
  media.mount(router, (ctx) => {
    if (ctx.query.access_token) return true;
    ctx.body = { errcode: 41001, errmsg: 'access_token missing' };
    return false;
  });
  const koa = new Koa().use(router.routes());
  return { clock, media, callback: koa.callback() };
}

function upload(callback: ReturnType<typeof setUp>['callback'], type: string, bytes: Buffer, filename = 'a.png', name = 'media') {
  const body = encodeMultipart([{ name, filename, bytes }]);
  return request(callback).post(`/cgi-bin/media/upload?access_token=t&type=${type}`).set('content-type', body.contentType).send(body.bytes);
}

describe('WeComMediaSandbox', () => {
  it('answers like WeCom: media_id, type and created_at in unix seconds as a string', async () => {
    const { callback, clock } = setUp();
    const res = await upload(callback, 'image', PNG);
    expect(res.body).toEqual({ errcode: 0, errmsg: 'ok', type: 'image', media_id: expect.any(String), created_at: String(Math.floor(clock.now() / 1000)) });

    const got = await request(callback).get(`/cgi-bin/media/get?access_token=t&media_id=${res.body.media_id}`).buffer(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toBe('attachment; filename="a.png"');
  });

  it.each([
    ['an unknown type', 'voice', PNG, 'media', { errcode: 40005, errmsg: 'invalid media type (the sandbox supports image and file)' }],
    ['a JPEG-less, PNG-less image', 'image', Buffer.from('hello world'), 'media', { errcode: 40004, errmsg: 'invalid media file type: image must be JPG or PNG' }],
    ['a file of 5 bytes', 'file', Buffer.from('12345'), 'media', { errcode: 40006, errmsg: 'invalid file size' }],
    ['a part with another name', 'file', Buffer.from('123456'), 'file', { errcode: 41005, errmsg: 'media data missing: no file part named "media"' }],
  ])('rejects %s', async (_why, type, bytes, name, answer) => {
    const { callback, media } = setUp();
    expect((await upload(callback, type, bytes, 'a.bin', name)).body).toEqual(answer);
    expect(media.size).toBe(0);
  });

  it('rejects a body that is not multipart, and one with a broken framing', async () => {
    const { callback } = setUp();
    const json = await request(callback).post('/cgi-bin/media/upload?access_token=t&type=file').send({ media: 'x' });
    expect(json.body.errcode).toBe(41005);
    const broken = await request(callback)
      .post('/cgi-bin/media/upload?access_token=t&type=file')
      .set('content-type', 'multipart/form-data; boundary=b')
      .send(Buffer.from('--b\r\nContent-Disposition: form-data; name="media"; filename="x"\r\n\r\ncut off'));
    expect(broken.body).toEqual({ errcode: 41005, errmsg: 'media data missing: closing boundary not found' });
  });

  it('answers 40006 to a file over 20 MB without keeping it', async () => {
    const { callback, media } = setUp();
    const res = await upload(callback, 'file', Buffer.alloc(20 * MB + 1, 1));
    expect(res.body).toEqual({ errcode: 40006, errmsg: 'invalid file size' });
    expect(media.size).toBe(0);
  });

  it('checks the token before anything else', async () => {
    const { callback } = setUp();
    const res = await request(callback).post('/cgi-bin/media/upload?type=image');
    expect(res.body).toEqual({ errcode: 41001, errmsg: 'access_token missing' });
  });

  it('evicts the oldest media past the count limit and the byte limit', async () => {
    const { callback, media } = setUp({ maxItems: 2, maxBytes: 50 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await upload(callback, 'file', Buffer.alloc(10, i))).body.media_id);
    expect(ids.map((id) => Boolean(media.find(id)))).toEqual([false, true, true]);

    const big = (await upload(callback, 'file', Buffer.alloc(35, 9))).body.media_id;
    // 10 + 35 bytes fit in 50; the older 10-byte file had to go.
    expect([...ids, big].map((id) => Boolean(media.find(id)))).toEqual([false, false, true, true]);
    expect(media.size).toBe(2);
  });

  it('forgets expired media when new ones arrive', async () => {
    const { callback, clock, media } = setUp();
    const old = (await upload(callback, 'file', Buffer.alloc(10))).body.media_id;
    clock.advance(3 * 24 * 3600 * 1000);
    expect(media.find(old)).toBeUndefined();
    await upload(callback, 'file', Buffer.alloc(10));
    expect(media.size).toBe(1);
  });
});
