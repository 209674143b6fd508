import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import request from 'supertest';
import { DEMO_WECHATPAY_KEY_DIR } from '../../platform/config/config';
import { SandboxClock } from './sandbox-clock';
import { WeChatPaySandbox } from './wechatpay-sandbox';
import { demoWorld } from './world';

const MERCHANT_KEY = fs.readFileSync(path.join(DEMO_WECHATPAY_KEY_DIR, 'merchant-key.pem'), 'utf8');
const PLATFORM_CERT = new crypto.X509Certificate(fs.readFileSync(path.join(DEMO_WECHATPAY_KEY_DIR, 'platform-cert.pem')));
const PUBLIC_KEY = crypto.createPublicKey(fs.readFileSync(path.join(DEMO_WECHATPAY_KEY_DIR, 'wechatpay-public-key.pem')));
const MCHID = '1900000109';
const JSAPI = '/v3/pay/transactions/jsapi';

function setUp() {
  const clock = new SandboxClock();
  const sandbox = new WeChatPaySandbox(demoWorld(), clock, { refundSettleDelayMs: null });
  const koa = new Koa().use(bodyParser({ enableTypes: ['json'] })).use(sandbox.router('/pay').routes());
  /** A request signed by hand, as D3 describes it; `sentBody` lets a test send something else than it signed. */
  const send = (method: 'GET' | 'POST', url: string, body?: object, options: { sentBody?: string; timestamp?: number; serial?: string; order?: 'reversed' } = {}) => {
    const json = body ? JSON.stringify(body) : '';
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = crypto.randomBytes(16).toString('hex');
    const signature = crypto.sign('sha256', Buffer.from(`${method}\n${url}\n${timestamp}\n${nonce}\n${json}\n`), MERCHANT_KEY).toString('base64');
    const fields = [`mchid="${MCHID}"`, `nonce_str="${nonce}"`, `timestamp="${timestamp}"`, `serial_no="${options.serial ?? '5AB3C0FFEE12345678'}"`, `signature="${signature}"`];
    if (options.order === 'reversed') fields.reverse();
    const req = request(koa.callback())[method === 'GET' ? 'get' : 'post'](`/pay${url}`).set('Authorization', `WECHATPAY2-SHA256-RSA2048 ${fields.join(',')}`).set('Accept', 'application/json');
    return method === 'POST' ? req.set('Content-Type', 'application/json').send(options.sentBody ?? json) : req;
  };
  const jsapi = (outTradeNo: string, overrides: Record<string, unknown> = {}) => ({
    appid: 'wxzhikedemo00001',
    mchid: MCHID,
    description: '精华液',
    out_trade_no: outTradeNo,
    notify_url: 'https://zhike.example.com/api/wechatpay/notifications',
    amount: { total: 100, currency: 'CNY' },
    payer: { openid: 'o_demo_wang' },
    ...overrides,
  });
  return { sandbox, clock, send, jsapi };
}

/** What a merchant checks on every answer (D4). */
function verifies(res: request.Response, key: crypto.KeyObject): boolean {
  const message = `${res.headers['wechatpay-timestamp']}\n${res.headers['wechatpay-nonce']}\n${res.text ?? ''}\n`;
  return crypto.verify('sha256', Buffer.from(message), key, Buffer.from(String(res.headers['wechatpay-signature']), 'base64'));
}

describe('WeChatPaySandbox request signatures', () => {
  it('accepts a signed order with the Authorization fields in any order', async () => {
    const { send, jsapi } = setUp();
    const res = await send('POST', JSAPI, jsapi('ZK0000000001'), { order: 'reversed' });
    expect(res.status).toBe(200);
    expect(res.body.prepay_id).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
  });

  it('answers 401 SIGN_ERROR with sign_information to a body other than the signed one', async () => {
    const { send, jsapi } = setUp();
    const signed = jsapi('ZK0000000001');
    const res = await send('POST', JSAPI, signed, { sentBody: JSON.stringify({ ...signed, amount: { total: 1, currency: 'CNY' } }) });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      code: 'SIGN_ERROR',
      message: '错误的签名，验签失败',
      detail: {
        field: 'signature',
        location: 'authorization',
        detail: { issue: 'sign not match' },
        sign_information: { method: 'POST', url: JSAPI, truncated_sign_message: expect.stringMatching(/^POST\n\/v3\/pay\/transactions\/jsapi\n\d{10}\n[0-9a-f]{32}\n\{"appid":"\n$/) },
      },
    });
  });

  it.each([
    ['a timestamp 5 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 300 }, 'timestamp'],
    ['another certificate serial', { serial: '0123456789ABCDEF' }, 'serial_no'],
  ])('answers 401 SIGN_ERROR to %s', async (_why, options, field) => {
    const { send, jsapi } = setUp();
    const res = await send('POST', JSAPI, jsapi('ZK0000000001'), options);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'SIGN_ERROR', detail: { field } });
  });

  it('takes a lower-case serial_no (what the library getSN() gives)', async () => {
    const { send, jsapi } = setUp();
    expect((await send('POST', JSAPI, jsapi('ZK0000000001'), { serial: '5ab3c0ffee12345678' })).status).toBe(200);
  });

  it('signs every answer, a 204 and an error included, with the key of its mode', async () => {
    const { sandbox, send, jsapi } = setUp();
    const created = await send('POST', JSAPI, jsapi('ZK0000000001'));
    expect(created.headers['wechatpay-serial']).toBe('PUB_KEY_ID_01190000010920261125000000000001');
    expect(verifies(created, PUBLIC_KEY)).toBe(true);

    sandbox.useSigningMode('certificate');
    const closed = await send('POST', '/v3/pay/transactions/out-trade-no/ZK0000000001/close', { mchid: MCHID });
    expect(closed.status).toBe(204);
    expect(closed.text).toBe('');
    expect(closed.headers['wechatpay-serial']).toBe('7C4E5A2B9D00112233');
    expect(verifies(closed, PLATFORM_CERT.publicKey)).toBe(true);

    const missing = await send('GET', `/v3/pay/transactions/out-trade-no/ZK_NONE_01?mchid=${MCHID}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    expect(verifies(missing, PLATFORM_CERT.publicKey)).toBe(true);
  });
});

describe('WeChatPaySandbox JSAPI orders', () => {
  it.each([
    ['another appid', { appid: 'wx0000000000000000' }, 400, 'APPID_MCHID_NOT_MATCH'],
    ['an out_trade_no of 5 characters', { out_trade_no: 'ZK001' }, 400, 'PARAM_ERROR'],
    ['an out_trade_no with a dot', { out_trade_no: 'ZK.0000001' }, 400, 'PARAM_ERROR'],
    ['an amount of 0', { amount: { total: 0 } }, 400, 'PARAM_ERROR'],
    ['an amount in yuan', { amount: { total: 9.9 } }, 400, 'PARAM_ERROR'],
    ['no payer', { payer: undefined }, 400, 'PARAM_ERROR'],
    ['an openid of another app', { payer: { openid: 'o_stranger' } }, 400, 'PARAM_ERROR'],
    ['a notify_url with a query', { notify_url: 'https://zhike.example.com/n?x=1' }, 400, 'PARAM_ERROR'],
    ['a time_expire in the past', { time_expire: '2020-01-01T00:00:00+08:00' }, 400, 'PARAM_ERROR'],
  ])('refuses %s', async (_why, overrides, status, code) => {
    const { send, jsapi } = setUp();
    const res = await send('POST', JSAPI, jsapi('ZK0000000001', overrides));
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('gives the same prepay_id for the same parameters, a new one after 2 h, and refuses other parameters', async () => {
    const { send, jsapi, clock } = setUp();
    const first = (await send('POST', JSAPI, jsapi('ZK0000000001'))).body.prepay_id as string;
    expect((await send('POST', JSAPI, jsapi('ZK0000000001'))).body.prepay_id).toBe(first);
    const other = await send('POST', JSAPI, jsapi('ZK0000000001', { description: '精华液 ×2' }));
    expect([other.status, other.body]).toEqual([400, { code: 'INVALID_REQUEST', message: '201 商户订单号重复' }]);
    clock.advance(2 * 3600_000);
    const renewed = (await send('POST', JSAPI, jsapi('ZK0000000001'))).body.prepay_id as string;
    expect(renewed).not.toBe(first);
  });

  it('closes an unpaid order when its time_expire passes', async () => {
    const { sandbox, send, jsapi, clock } = setUp();
    const expire = new Date(Date.now() + 15 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await send('POST', JSAPI, jsapi('ZK0000000001', { time_expire: expire }));
    clock.advance(15 * 60_000);
    const res = await send('GET', `/v3/pay/transactions/out-trade-no/ZK0000000001?mchid=${MCHID}`);
    expect(res.body).toMatchObject({ trade_state: 'CLOSED', trade_state_desc: '订单已关闭', amount: { total: 100 } });
    expect(() => sandbox.completePayment('ZK0000000001', { outcome: 'success' })).toThrow('ORDER_CLOSED');
  });

  it('answers a paid order like WeChat Pay, with the amount the test recorded', async () => {
    const { sandbox, send, jsapi } = setUp();
    await send('POST', JSAPI, jsapi('ZK0000000001', { attach: 'o=1' }));
    const paid = sandbox.completePayment('ZK0000000001', { outcome: 'success', paidFen: 1 });
    const res = await send('GET', `/v3/pay/transactions/out-trade-no/ZK0000000001?mchid=${MCHID}`);
    expect(res.body).toEqual({
      appid: 'wxzhikedemo00001',
      mchid: MCHID,
      out_trade_no: 'ZK0000000001',
      transaction_id: paid.outcome === 'success' ? paid.transactionId : '',
      trade_type: 'JSAPI',
      bank_type: 'OTHERS',
      success_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      attach: 'o=1',
      payer: { openid: 'o_demo_wang' },
      amount: { total: 1, payer_total: 1, currency: 'CNY', payer_currency: 'CNY' },
      promotion_detail: [],
    });
    expect(paid.outcome === 'success' && paid.transactionId).toMatch(/^4200\d{24}$/);
    expect(() => sandbox.completePayment('ZK0000000001', { outcome: 'success' })).toThrow('ORDERPAID');
  });

  it('a failed payment changes nothing', async () => {
    const { sandbox, send, jsapi } = setUp();
    await send('POST', JSAPI, jsapi('ZK0000000001'));
    expect(sandbox.completePayment('ZK0000000001', { outcome: 'fail' })).toEqual({ outcome: 'fail', reason: '支付失败，请稍后再试' });
    expect(sandbox.order('ZK0000000001')?.state).toBe('NOTPAY');
    expect(sandbox.notifier.deliveries).toEqual([]);
  });

  it('queries need the mchid of the signing merchant', async () => {
    const { send, jsapi } = setUp();
    await send('POST', JSAPI, jsapi('ZK0000000001'));
    const res = await send('GET', '/v3/pay/transactions/out-trade-no/ZK0000000001?mchid=1234567890');
    expect([res.status, res.body.code]).toEqual([400, 'PARAM_ERROR']);
  });
});

describe('WeChatPaySandbox refunds', () => {
  it('refunds PROCESSING, settles SUCCESS later, and answers the refund query', async () => {
    const { sandbox, send, jsapi } = setUp();
    await send('POST', JSAPI, jsapi('ZK0000000001'));
    sandbox.completePayment('ZK0000000001', { outcome: 'success' });
    const refund = { out_trade_no: 'ZK0000000001', out_refund_no: 'RF-1', amount: { refund: 40, total: 100, currency: 'CNY' } };
    const created = await send('POST', '/v3/refund/domestic/refunds', refund);
    expect(created.body).toMatchObject({ out_refund_no: 'RF-1', status: 'PROCESSING', amount: { refund: 40, total: 100 }, refund_id: expect.stringMatching(/^50\d{30}$/) });
    expect(sandbox.settleRefund('RF-1')).toBeUndefined(); // no notify_url: nothing to send
    const queried = await send('GET', '/v3/refund/domestic/refunds/RF-1');
    expect(queried.body).toMatchObject({ status: 'SUCCESS', success_time: expect.any(String) });
    const mismatched = await send('POST', '/v3/refund/domestic/refunds', { ...refund, out_refund_no: 'RF-2', amount: { refund: 10, total: 99, currency: 'CNY' } });
    expect(mismatched.body.code).toBe('INVALID_REQUEST');
  });

  it('frees the amount of a refund that closed', async () => {
    const { sandbox, send, jsapi, clock } = setUp();
    await send('POST', JSAPI, jsapi('ZK0000000001'));
    sandbox.completePayment('ZK0000000001', { outcome: 'success' });
    await send('POST', '/v3/refund/domestic/refunds', { out_trade_no: 'ZK0000000001', out_refund_no: 'RF-1', amount: { refund: 100, total: 100, currency: 'CNY' } });
    sandbox.settleRefund('RF-1', 'CLOSED');
    clock.advance(61_000);
    const again = await send('POST', '/v3/refund/domestic/refunds', { out_trade_no: 'ZK0000000001', out_refund_no: 'RF-2', amount: { refund: 100, total: 100, currency: 'CNY' } });
    expect(again.body.status).toBe('PROCESSING');
  });
});
