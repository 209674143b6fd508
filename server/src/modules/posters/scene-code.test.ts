import { newSceneCode, SCENE_CODE_LENGTH } from './scene-code';

describe('newSceneCode', () => {
  it('fits WeChat’s scene rules and does not repeat across many draws', () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => newSceneCode()));
    expect(codes.size).toBe(20_000);
    for (const code of [...codes].slice(0, 500)) expect(code).toMatch(/^p[0-9A-Za-z]{11}$/);
    expect(SCENE_CODE_LENGTH).toBeLessThanOrEqual(32);
  });
});
