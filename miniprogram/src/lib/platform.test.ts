import { ok, serveApi } from '../test/api';
import taro, { lastRequest, resetTaro } from '../test/taro';
import { getLoginCode } from './platform';

describe('getLoginCode', () => {
  beforeEach(resetTaro);
  afterEach(() => {
    delete process.env.TARO_ENV;
    window.history.replaceState(null, '', '/');
  });

  describe('in WeChat', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('returns the code from wx.login', async () => {
      taro.login.mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' });

      await expect(getLoginCode()).resolves.toBe('wx-code-1');
      expect(taro.request).not.toHaveBeenCalled();
    });

    it('reports a wx.login failure in plain Chinese', async () => {
      taro.login.mockRejectedValue({ errMsg: 'login:fail' });

      await expect(getLoginCode()).rejects.toMatchObject({ code: 'WX_LOGIN_FAILED', message: '微信登录失败，请稍后重试' });
    });
  });

  describe('in the H5 demo', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'h5';
    });

    it("asks the sandbox for a code for the phone frame's WeChat user", async () => {
      window.history.replaceState(null, '', '/mp/?wxUser=o_demo_wang#/pages/index/index');
      serveApi({ 'POST /sandbox/demo/wx-login': () => ok({ code: 'sandbox-code-1' }) });

      await expect(getLoginCode()).resolves.toBe('sandbox-code-1');
      expect(lastRequest().data).toEqual({ appid: 'wxtestappid', openid: 'o_demo_wang' });
      expect(taro.login).not.toHaveBeenCalled();
    });

    it('lets the sandbox pick its default user when the URL names none', async () => {
      serveApi({ 'POST /sandbox/demo/wx-login': () => ok({ code: 'sandbox-code-2' }) });

      await expect(getLoginCode()).resolves.toBe('sandbox-code-2');
      expect(lastRequest().data).toEqual({ appid: 'wxtestappid' });
    });
  });
});
