import { startSandboxServer } from '../../testing/test-app';
import { UpstreamApiError } from '../common/upstream-error';
import { decodeQr } from '../sandbox/decode-qr.testing';
import { SANDBOX_PATHS } from '../sandbox/sandbox';
import { MiniProgramClient } from './miniprogram-client';

describe('MiniProgramClient.getUnlimitedWxaCode against the WeChat sandbox', () => {
  let upstream: Awaited<ReturnType<typeof startSandboxServer>>;
  let client: MiniProgramClient;
  const calls = (path: string) => upstream.sandbox.miniProgram.calls.filter((call) => call.path === path).length;

  beforeEach(async () => {
    upstream = await startSandboxServer([]);
    client = new MiniProgramClient({
      apiBase: upstream.url + SANDBOX_PATHS.wechat,
      appId: upstream.sandbox.world.miniProgramAppId,
      appSecret: upstream.sandbox.world.miniProgramSecret,
      timeoutMs: 5000,
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
  });
  afterEach(() => upstream.close());

  it('answers a PNG whose code opens the H5 page with the scene, at the asked width', async () => {
    const code = await client.getUnlimitedWxaCode({ scene: 'p=Xy7k&c=a/b:1', page: 'pages/index/index', width: 300 });

    expect(code.contentType).toBe('image/png');
    const decoded = await decodeQr(code.bytes);
    expect(decoded).toEqual({ width: 300, height: 300, text: `${upstream.url}/mp/#/pages/index/index?scene=p%3DXy7k%26c%3Da%2Fb%3A1` });
    // What the page does with it: decodeURIComponent(query.scene) gives the scene back.
    expect(decodeURIComponent(new URL(decoded.text!.replace('/#/', '/')).searchParams.get('scene')!)).toBe('p=Xy7k&c=a/b:1');
  });

  it.each([
    ['longer than 32 characters', 'x'.repeat(33), '小程序码的 scene 超过 32 个字符'],
    ['Chinese', '李雷', "小程序码的 scene 含有不允许的字符（只允许字母、数字和 !#$&'()*+,/:;=?@-._~）"],
    ['percent-encoded', 'a%20b', "小程序码的 scene 含有不允许的字符（只允许字母、数字和 !#$&'()*+,/:;=?@-._~）"],
    ['empty', '', '小程序码的 scene 不能为空'],
  ])('refuses a scene that is %s before calling WeChat', async (_why, scene, message) => {
    await expect(client.getUnlimitedWxaCode({ scene, page: 'pages/index/index' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message });
    expect(calls('/wxa/getwxacodeunlimit')).toBe(0);
  });

  it('maps WeChat’s 40169 (invalid scene) to an upstream error', async () => {
    upstream.sandbox.miniProgram.faults.inject('/wxa/getwxacodeunlimit', { kind: 'errcode', errcode: 40169, errmsg: 'invalid length for scene' });
    const error = await client.getUnlimitedWxaCode({ scene: 'ok', page: 'pages/index/index' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamApiError);
    expect(error).toMatchObject({ upstream: 'WeChat', errcode: 40169, code: 'UPSTREAM_REJECTED' });
  });

  it('answers 41030 for a page the mini-program does not have, unless check_path is off', async () => {
    await expect(client.getUnlimitedWxaCode({ scene: 's1', page: 'pages/nope/index' })).rejects.toMatchObject({ errcode: 41030, code: 'UPSTREAM_REJECTED' });

    const code = await client.getUnlimitedWxaCode({ scene: 's1', page: 'pages/nope/index', checkPath: false, envVersion: 'develop', width: 280 });
    expect((await decodeQr(code.bytes)).text).toBe(`${upstream.url}/mp/#/pages/nope/index?scene=s1`);
  });

  it('refreshes a token WeChat no longer takes (40001) and retries once', async () => {
    await client.getUnlimitedWxaCode({ scene: 's1', page: 'pages/index/index' });
    upstream.sandbox.clock.advance(7200 * 1000); // the sandbox's stable token lapses; the client still holds it
    const code = await client.getUnlimitedWxaCode({ scene: 's2', page: 'pages/index/index', width: 280 });
    expect((await decodeQr(code.bytes)).text).toMatch(/scene=s2$/);
    expect(calls('/cgi-bin/stable_token')).toBe(2);
    expect(calls('/wxa/getwxacodeunlimit')).toBe(3);
  });

  it('treats an HTML error page as a bad response, not as an image', async () => {
    upstream.sandbox.miniProgram.faults.inject('/wxa/getwxacodeunlimit', { kind: 'garbage' });
    await expect(client.getUnlimitedWxaCode({ scene: 's1', page: 'pages/index/index' })).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('refuses a page with a leading slash or a query, and a width out of range', async () => {
    await expect(client.getUnlimitedWxaCode({ scene: 's', page: '/pages/index/index' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(client.getUnlimitedWxaCode({ scene: 's', page: 'pages/index/index?a=1' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(client.getUnlimitedWxaCode({ scene: 's', page: 'pages/index/index', width: 1281 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(calls('/wxa/getwxacodeunlimit')).toBe(0);
  });
});
