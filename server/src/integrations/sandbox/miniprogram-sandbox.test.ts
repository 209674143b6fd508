import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import request from 'supertest';
import { decodeQr } from './decode-qr.testing';
import { miniProgramPages } from './miniprogram-pages';
import { MiniProgramSandbox, wxaCodeLandingUrl } from './miniprogram-sandbox';
import { SandboxClock } from './sandbox-clock';
import { demoWorld } from './world';

const PUBLIC_URL = 'https://zhike.example.com';

function setUp(pages?: string[]) {
  const world = demoWorld();
  const sandbox = new MiniProgramSandbox(world, new SandboxClock(), { publicUrl: () => PUBLIC_URL, ...(pages ? { pages } : {}) });
  const koa = new Koa().use(bodyParser({ enableTypes: ['json'] })).use(sandbox.router('/wx').routes());
  const callback = koa.callback();
  const token = async () =>
    (await request(callback).post('/wx/cgi-bin/stable_token').send({ grant_type: 'client_credential', appid: world.miniProgramAppId, secret: world.miniProgramSecret }))
      .body.access_token as string;
  const wxaCode = async (body: Record<string, unknown>) => request(callback).post(`/wx/wxa/getwxacodeunlimit?access_token=${await token()}`).send(body).buffer(true);
  return { callback, wxaCode };
}

describe('MiniProgramSandbox getwxacodeunlimit', () => {
  it('draws a QR code of the public H5 landing URL, its width clamped into 280–1280', async () => {
    const { wxaCode } = setUp();
    const res = await wxaCode({ scene: "a!#$&'()*+,/:;=?@-._~", width: 100 });
    expect(res.headers['content-type']).toBe('image/png');
    expect(await decodeQr(res.body as Buffer)).toEqual({
      width: 280,
      height: 280,
      text: "https://zhike.example.com/mp/#/pages/index/index?scene=a!%23%24%26'()*%2B%2C%2F%3A%3B%3D%3F%40-._~",
    });
  });

  it.each([
    ['a scene over 32 characters', { scene: 'x'.repeat(33), page: 'pages/index/index' }, { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' }],
    ['a scene with Chinese', { scene: '李雷', page: 'pages/index/index' }, { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' }],
    ['no scene', { page: 'pages/index/index' }, { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' }],
    ['an unknown page', { scene: 's', page: 'pages/shop/index' }, { errcode: 41030, errmsg: 'invalid page rid' }],
    ['a page with a leading slash, even unchecked', { scene: 's', page: '/pages/index/index', check_path: false }, { errcode: 41030, errmsg: 'invalid page rid' }],
    ['an unknown env_version', { scene: 's', page: 'pages/index/index', env_version: 'beta' }, { errcode: 40097, errmsg: 'invalid args' }],
  ])('answers like WeChat to %s', async (_why, body, answer) => {
    const { wxaCode } = setUp();
    expect((await wxaCode(body)).body).toEqual(answer);
  });

  it('answers 40001 to a token it did not issue and 41001 to none', async () => {
    const { callback, wxaCode } = setUp();
    await wxaCode({ scene: 's', width: 280 }); // a token exists, just not this one
    const stranger = await request(callback).post('/wx/wxa/getwxacodeunlimit?access_token=whatever').send({ scene: 's' });
    expect(stranger.body).toEqual({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
    const missing = await request(callback).post('/wx/wxa/getwxacodeunlimit').send({ scene: 's' });
    expect(missing.body).toEqual({ errcode: 41001, errmsg: 'access_token missing' });
  });

  it('answers 47001 to a form post', async () => {
    const { callback } = setUp();
    const world = demoWorld();
    const token = (await request(callback).post('/wx/cgi-bin/stable_token').send({ grant_type: 'client_credential', appid: world.miniProgramAppId, secret: world.miniProgramSecret })).body
      .access_token as string;
    const res = await request(callback).post(`/wx/wxa/getwxacodeunlimit?access_token=${token}`).type('form').send({ scene: 's' });
    expect(res.body).toEqual({ errcode: 47001, errmsg: 'data format error' });
  });

  it('opens the first page when none is given, and any page with check_path off', async () => {
    const { wxaCode } = setUp(['pages/home/index', 'pages/index/index']);
    expect((await decodeQr((await wxaCode({ scene: 's', width: 280 })).body as Buffer)).text).toBe(`${PUBLIC_URL}/mp/#/pages/home/index?scene=s`);
    expect((await decodeQr((await wxaCode({ scene: 's', page: 'sub-shop/pages/item', check_path: false, width: 280 })).body as Buffer)).text).toBe(
      `${PUBLIC_URL}/mp/#/sub-shop/pages/item?scene=s`,
    );
  });
});

describe('wxaCodeLandingUrl', () => {
  it('drops a trailing slash of the public URL', () => {
    expect(wxaCodeLandingUrl('http://a.test/', 'pages/index/index', 'x=1')).toBe('http://a.test/mp/#/pages/index/index?scene=x%3D1');
  });
});

describe('miniProgramPages', () => {
  it("reads the mini-program's routes table", () => {
    expect(miniProgramPages()).toContain('pages/index/index');
  });

  it('reads every page of a routes table, sub-packages included', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'routes-')), 'routes.ts');
    fs.writeFileSync(file, "export const routes = {\n  home: 'pages/index/index',\n  item: 'sub-shop/pages/item/index',\n} as const;\n");
    expect(miniProgramPages(file)).toEqual(['pages/index/index', 'sub-shop/pages/item/index']);
  });

  it('falls back to the home page without the file', () => {
    expect(miniProgramPages('/nonexistent/routes.ts')).toEqual(['pages/index/index']);
  });
});
