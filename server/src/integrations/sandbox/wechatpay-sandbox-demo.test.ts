import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandboxServer } from '../../testing/test-app';
import { loadConfig } from '../../platform/config/config';
import { WeChatPayClient, type JsapiPayParams } from '../wechatpay';
import { loadWeChatPayCredentials } from '../wechatpay/wechatpay-credentials';
import { SANDBOX_PATHS } from './sandbox';

const demo = loadWeChatPayCredentials(loadConfig({}).wechatPay);

describe('POST /sandbox/demo/wechatpay/pay', () => {
  let upstream: Awaited<ReturnType<typeof startSandboxServer>>;
  let receiver: http.Server;
  let notifyUrl: string;
  const notified: string[] = [];

  beforeEach(async () => {
    upstream = await startSandboxServer([]);
    receiver = http.createServer((req, res) => {
      notified.push(String(req.headers['wechatpay-serial']));
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/wechatpay/notifications`;
    notified.length = 0;
  });
  afterEach(async () => {
    await upstream.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()).closeAllConnections());
  });

  async function payParams(outTradeNo: string): Promise<JsapiPayParams> {
    const client = new WeChatPayClient({
      apiBase: upstream.url + SANDBOX_PATHS.wechatpay,
      appId: 'wxzhikedemo00001',
      mchId: demo.mchId,
      merchantPrivateKeyPem: demo.merchantPrivateKeyPem,
      merchantCertificatePem: demo.merchantCertificatePem,
      keys: demo.keys,
      timeoutMs: 2000,
    });
    const order = await client.createJsapiOrder({ outTradeNo, description: '精华液', amountFen: 1999, openid: 'o_demo_wang', notifyUrl, expiresAt: new Date(Date.now() + 3600_000) });
    return order.payParams;
  }

  const pay = async (body: object) => {
    const res = await fetch(`${upstream.url}/sandbox/demo/wechatpay/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return ((await res.json()) as { errMsg: string }).errMsg;
  };

  it('pays with the server-built parameters, then the notification arrives', async () => {
    const params = await payParams('ZK0000000001');
    expect(await pay(params)).toBe('requestPayment:ok');
    expect(upstream.sandbox.wechatPay.order('ZK0000000001')?.state).toBe('SUCCESS');
    // The route answers before the notification is delivered, as on a phone.
    for (let waited = 0; notified.length === 0 && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(notified).toEqual(['PUB_KEY_ID_01190000010920261125000000000001']);
    expect(await pay(params)).toBe('requestPayment:fail 该订单已支付');
  });

  it.each([
    ['a paySign of another nonce', (p: JsapiPayParams) => ({ ...p, nonceStr: p.nonceStr.toLowerCase() }), 'requestPayment:fail 支付验证签名失败'],
    ['a paySign of another time', (p: JsapiPayParams) => ({ ...p, timeStamp: String(Number(p.timeStamp) + 1) }), 'requestPayment:fail 支付验证签名失败'],
    ['another appId', (p: JsapiPayParams) => ({ ...p, appId: 'wx0000000000000000' }), 'requestPayment:fail prepay_id 无效'],
    ['an unknown prepay_id', (p: JsapiPayParams) => ({ ...p, package: 'prepay_id=wx00' }), 'requestPayment:fail prepay_id 无效'],
    ['signType MD5', (p: JsapiPayParams) => ({ ...p, signType: 'MD5' }), expect.stringMatching(/^requestPayment:fail parameter error: signType/)],
  ])('refuses %s and takes no money', async (_why, change, errMsg) => {
    const params = await payParams('ZK0000000001');
    expect(await pay(change(params))).toEqual(errMsg);
    expect(upstream.sandbox.wechatPay.order('ZK0000000001')?.state).toBe('NOTPAY');
  });

  it('lets the payer cancel', async () => {
    const params = await payParams('ZK0000000001');
    expect(await pay({ ...params, cancel: true })).toBe('requestPayment:fail cancel');
    expect(upstream.sandbox.wechatPay.order('ZK0000000001')?.state).toBe('NOTPAY');
  });

  it('refuses to pay a closed order', async () => {
    const params = await payParams('ZK0000000001');
    upstream.sandbox.wechatPay.ledger.close('ZK0000000001', '1900000109');
    expect(await pay(params)).toBe('requestPayment:fail 订单已关闭');
  });
});
