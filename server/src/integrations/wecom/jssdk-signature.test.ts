import { signJsApi } from './jssdk-signature';

describe('signJsApi', () => {
  const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';

  it('matches the official WeCom test vector', () => {
    expect(signJsApi({ ticket, nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457, url: 'http://mp.weixin.qq.com?params=value' })).toBe(
      '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    );
  });

  it('signs the URL without its #fragment, as the SDK and WeCom do', () => {
    expect(signJsApi({ ticket, nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457, url: 'http://mp.weixin.qq.com?params=value#/chat' })).toBe(
      '0f9de62fce790f9a083d5c99e95740ceb90c27ed',
    );
  });

  it('matches the older WeChat example without a query string', () => {
    expect(signJsApi({ ticket, nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457, url: 'http://mp.weixin.qq.com' })).toBe(
      'f4d90daf4b3bca3078ab155816175ba34c443a7b',
    );
  });
});
