import { ok, serveApi } from '../test/api';
import { payParams } from '../test/order-fixtures';
import taro, { lastRequest, resetTaro, sentRequests } from '../test/taro';
import { getLoginCode, paymentOutcome, requestPayment } from './platform';

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

describe('requestPayment', () => {
  const params = payParams.payParams;
  const neverAsked = () => Promise.reject(new Error('the demo sheet must not open in WeChat'));

  beforeEach(resetTaro);
  afterEach(() => {
    delete process.env.TARO_ENV;
  });

  describe('in WeChat', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('opens the pay sheet with the signed parameters and reports ok', async () => {
      taro.requestPayment.mockResolvedValue({ errMsg: 'requestPayment:ok' });

      await expect(requestPayment(params, neverAsked)).resolves.toEqual({ kind: 'paid' });
      expect(taro.requestPayment).toHaveBeenCalledWith({ timeStamp: '1795000000', nonceStr: 'n0nce', package: 'prepay_id=wx2611250001', signType: 'RSA', paySign: 'c2lnbmF0dXJl' });
      expect(taro.request).not.toHaveBeenCalled();
    });

    it('tells a closed sheet from a failure', async () => {
      taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' });
      await expect(requestPayment(params, neverAsked)).resolves.toEqual({ kind: 'cancelled' });

      taro.requestPayment.mockRejectedValueOnce({ errMsg: 'requestPayment:fail 余额不足' });
      await expect(requestPayment(params, neverAsked)).resolves.toEqual({ kind: 'failed', message: '支付未完成：余额不足' });
    });
  });

  describe('in the H5 demo', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'h5';
    });

    it('asks the demo payer, then lets the WeChat Pay sandbox take the payment', async () => {
      serveApi({ 'POST /sandbox/demo/wechatpay/pay': () => ok({ errMsg: 'requestPayment:ok' }) });

      await expect(requestPayment(params, async () => 'pay')).resolves.toEqual({ kind: 'paid' });
      expect(sentRequests()).toEqual(['POST /sandbox/demo/wechatpay/pay']);
      expect(lastRequest().data).toEqual(params);
      expect(taro.requestPayment).not.toHaveBeenCalled();
    });

    it('sends the demo payer\'s 取消 to the sandbox, which answers as WeChat would', async () => {
      serveApi({ 'POST /sandbox/demo/wechatpay/pay': () => ok({ errMsg: 'requestPayment:fail cancel' }) });

      await expect(requestPayment(params, async () => 'cancel')).resolves.toEqual({ kind: 'cancelled' });
      expect(lastRequest().data).toEqual({ ...params, cancel: true });
    });

    it('reports the sandbox refusing, or not answering, as a failure', async () => {
      serveApi({ 'POST /sandbox/demo/wechatpay/pay': () => ok({ errMsg: 'requestPayment:fail 订单已关闭' }) });
      await expect(requestPayment(params, async () => 'pay')).resolves.toEqual({ kind: 'failed', message: '支付未完成：订单已关闭' });

      taro.request.mockRejectedValue(new Error('offline'));
      await expect(requestPayment(params, async () => 'pay')).resolves.toEqual({ kind: 'failed', message: '网络连接失败，请检查网络后重试' });
    });
  });
});

describe('paymentOutcome', () => {
  it('reads the errMsg of wx.requestPayment', () => {
    expect(paymentOutcome('requestPayment:ok')).toEqual({ kind: 'paid' });
    expect(paymentOutcome('requestPayment:fail cancel')).toEqual({ kind: 'cancelled' });
    expect(paymentOutcome('requestPayment:cancel')).toEqual({ kind: 'cancelled' });
    expect(paymentOutcome('requestPayment:fail')).toEqual({ kind: 'failed', message: '支付未完成，请稍后重试' });
  });
});
