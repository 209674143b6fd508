import { ApiError } from '../../lib/request';
import { landingErrorNotice, readLanding } from './landing';

describe('readLanding', () => {
  it('decodes a scene the way WeChat hands it over', () => {
    expect(readLanding({ scene: 'p%3DXy7k%26c%3Da%2Fb', stamp: '1' })).toEqual({ kind: 'scene', scene: 'p=Xy7k&c=a/b' });
  });

  it('reads a tracking token, decoded too', () => {
    expect(readLanding({ t: 'tk_abc%2Ddef' })).toEqual({ kind: 'token', token: 'tk_abc-def' });
  });

  it('prefers the scan when both are present', () => {
    expect(readLanding({ scene: 's1', t: 'tk_2f9c1a7b3d5e' })).toEqual({ kind: 'scene', scene: 's1' });
  });

  it('keeps a malformed escape as it came rather than failing the page', () => {
    expect(readLanding({ scene: '100%' })).toEqual({ kind: 'scene', scene: '100%' });
  });

  it('finds nothing on a plain visit or empty values', () => {
    expect(readLanding({})).toBeUndefined();
    expect(readLanding({ scene: '', t: '' })).toBeUndefined();
  });
});

describe('landingErrorNotice', () => {
  const scene = { kind: 'scene', scene: 's1' } as const;
  const token = { kind: 'token', token: 'tk_2f9c1a7b3d5e' } as const;

  it.each([
    [scene, new ApiError('SCENE_EXPIRED', 'x', 410), '这张海报的活动已结束，欢迎随便逛逛'],
    [scene, new ApiError('NOT_FOUND', 'x', 404), '没有找到这张海报的信息，欢迎随便逛逛'],
    [token, new ApiError('TRACKING_TOKEN_INVALID', 'x', 400), '分享的内容已失效，欢迎随便逛逛'],
    [token, new ApiError('NETWORK_ERROR', 'x'), '暂时没能识别分享来源，不影响您浏览'],
    [scene, new Error('boom'), '暂时没能识别分享来源，不影响您浏览'],
  ])('%o, %s → %s', (landing, error, notice) => {
    expect(landingErrorNotice(landing, error)).toBe(notice);
  });
});
