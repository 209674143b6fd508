import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startSandboxServer } from '../../testing/test-app';
import { DEMO_WECHATPAY_KEY_DIR, loadConfig } from '../../platform/config/config';
import { SANDBOX_PATHS } from '../sandbox/sandbox';
import { WeChatPayApiError } from './wechatpay-api-error';
import { WeChatPayClient } from './wechatpay-client';
import { loadWeChatPayCredentials } from './wechatpay-credentials';
import { WeChatPayVerificationKeys } from './verification-keys';

const demo = loadWeChatPayCredentials(loadConfig({}).wechatPay);
const OPENID = 'o_demo_wang';
const NOTIFY_URL = 'https://zhike.example.com/api/wechatpay/notifications';
const demoKeyFile = (file: string) => fs.readFileSync(path.join(DEMO_WECHATPAY_KEY_DIR, file), 'utf8');
const EXPIRES_AT = new Date(Date.now() + 30 * 60_000);

describe('WeChatPayClient against the WeChat Pay sandbox', () => {
  let upstream: Awaited<ReturnType<typeof startSandboxServer>>;

  const client = (keys: WeChatPayVerificationKeys = demo.keys, now?: () => number) =>
    new WeChatPayClient({
      apiBase: upstream.url + SANDBOX_PATHS.wechatpay,
      appId: upstream.sandbox.world.miniProgramAppId,
      mchId: demo.mchId,
      merchantPrivateKeyPem: demo.merchantPrivateKeyPem,
      merchantCertificatePem: demo.merchantCertificatePem,
      keys,
      timeoutMs: 2000,
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      ...(now ? { now } : {}),
    });
  const order = (outTradeNo: string, amountFen = 1999) => ({ outTradeNo, description: '知客 - 精华液 ×1', amountFen, openid: OPENID, notifyUrl: NOTIFY_URL, expiresAt: EXPIRES_AT });

  beforeEach(async () => {
    upstream = await startSandboxServer([]);
  });
  afterEach(() => upstream.close());

  describe('createJsapiOrder', () => {
    it('creates the order with a request the sandbox verifies, and signs requestPayment over the 4 lines', async () => {
      const pay = client();
      const before = Math.floor(Date.now() / 1000);
      const { prepayId, payParams } = await pay.createJsapiOrder({ ...order('ZK20261125000001'), attach: 'order:42' });

      expect(upstream.sandbox.wechatPay.callsTo('jsapi')).toEqual([expect.objectContaining({ signatureValid: true })]);
      expect(upstream.sandbox.wechatPay.order('ZK20261125000001')).toMatchObject({ totalFen: 1999, openid: OPENID, attach: 'order:42', prepayId, state: 'NOTPAY' });
      expect(payParams).toMatchObject({ appId: 'wxzhikedemo00001', package: `prepay_id=${prepayId}`, signType: 'RSA' });
      expect(Number(payParams.timeStamp)).toBeGreaterThanOrEqual(before);
      expect(payParams.timeStamp).toMatch(/^\d{10}$/);
      expect(payParams.nonceStr).toMatch(/^[0-9A-F]{32}$/);
      const signed = `wxzhikedemo00001\n${payParams.timeStamp}\n${payParams.nonceStr}\nprepay_id=${prepayId}\n`;
      const merchantCertificate = new crypto.X509Certificate(demo.merchantCertificatePem);
      expect(crypto.verify('sha256', Buffer.from(signed), merchantCertificate.publicKey, Buffer.from(payParams.paySign, 'base64'))).toBe(true);
      // signType is not part of it, and neither is a 5th line.
      expect(crypto.verify('sha256', Buffer.from(signed.slice(0, -1)), merchantCertificate.publicKey, Buffer.from(payParams.paySign, 'base64'))).toBe(false);
    });

    it('gets the same prepay_id for the same order again, and a fresh nonce for each requestPayment', async () => {
      const pay = client();
      const first = await pay.createJsapiOrder(order('ZK20261125000002'));
      const again = await pay.createJsapiOrder(order('ZK20261125000002'));
      expect(again.prepayId).toBe(first.prepayId);
      expect(again.payParams.nonceStr).not.toBe(first.payParams.nonceStr);
    });

    it('is refused the same out_trade_no with another amount', async () => {
      const pay = client();
      await pay.createJsapiOrder(order('ZK20261125000003', 1999));
      const refused = await pay.createJsapiOrder(order('ZK20261125000003', 999)).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(WeChatPayApiError);
      expect(refused).toMatchObject({ code: 'UPSTREAM_REJECTED', httpStatus: 400, wechatPayCode: 'INVALID_REQUEST', wechatPayMessage: '201 商户订单号重复' });
    });

    it('maps a PARAM_ERROR with its detail', async () => {
      await expect(client().createJsapiOrder(order('short'))).rejects.toMatchObject({
        httpStatus: 400,
        wechatPayCode: 'PARAM_ERROR',
        detail: expect.objectContaining({ field: 'out_trade_no', location: 'body' }),
      });
    });

    it('sends Wechatpay-Serial with the public-key id on every request in public-key mode, and nothing without it', async () => {
      await client().createJsapiOrder(order('ZK20261125000004'));
      await client().queryOrder('ZK20261125000004');
      const certificateOnly = new WeChatPayVerificationKeys({ platformCertificates: [demoKeyFile('platform-cert.pem')] });
      upstream.sandbox.wechatPay.useSigningMode('certificate');
      await client(certificateOnly).queryOrder('ZK20261125000004');
      expect(upstream.sandbox.wechatPay.calls.map((call) => call.wechatpaySerial)).toEqual(['PUB_KEY_ID_01190000010920261125000000000001', 'PUB_KEY_ID_01190000010920261125000000000001', undefined]);
    });
  });

  describe('queryOrder / closeOrder', () => {
    it('reads NOTPAY, then SUCCESS with the transaction once paid; null for an unknown order', async () => {
      const pay = client();
      await pay.createJsapiOrder({ ...order('ZK20261125000010'), attach: 'a' });
      expect(await pay.queryOrder('ZK20261125000010')).toEqual({ appid: 'wxzhikedemo00001', mchid: '1900000109', outTradeNo: 'ZK20261125000010', tradeState: 'NOTPAY', amountTotalFen: 1999, attach: 'a' });

      const completion = upstream.sandbox.wechatPay.completePayment('ZK20261125000010', { outcome: 'success' });
      const paid = await pay.queryOrder('ZK20261125000010');
      expect(paid).toMatchObject({ tradeState: 'SUCCESS', amountTotalFen: 1999, payerTotalFen: 1999, payerOpenid: OPENID });
      expect(paid?.transactionId).toBe(completion.outcome === 'success' ? completion.transactionId : 'no');
      expect(paid?.successTime?.getTime()).toBeGreaterThan(Date.now() - 5000);

      expect(await pay.queryOrder('ZK_NO_SUCH_ORDER')).toBeNull();
    });

    it('closes an unpaid order (again is fine) but not a paid one', async () => {
      const pay = client();
      await pay.createJsapiOrder(order('ZK20261125000011'));
      await pay.closeOrder('ZK20261125000011');
      await pay.closeOrder('ZK20261125000011');
      expect((await pay.queryOrder('ZK20261125000011'))?.tradeState).toBe('CLOSED');
      await expect(pay.createJsapiOrder(order('ZK20261125000011'))).rejects.toMatchObject({ wechatPayCode: 'ORDER_CLOSED' });

      await pay.createJsapiOrder(order('ZK20261125000012'));
      upstream.sandbox.wechatPay.completePayment('ZK20261125000012', { outcome: 'success' });
      await expect(pay.closeOrder('ZK20261125000012')).rejects.toMatchObject({ httpStatus: 400, wechatPayCode: 'ORDERPAID' });
    });
  });

  describe('refund / queryRefund', () => {
    it('refunds in parts up to the paid total, idempotently per out_refund_no, and refuses more', async () => {
      const pay = client();
      const wechatPay = upstream.sandbox.wechatPay;
      await pay.createJsapiOrder(order('ZK20261125000020', 1000));
      wechatPay.completePayment('ZK20261125000020', { outcome: 'success' });
      const refund = (outRefundNo: string, refundFen: number) => pay.refund({ outTradeNo: 'ZK20261125000020', outRefundNo, refundFen, totalFen: 1000, reason: '尺码不合适', notifyUrl: NOTIFY_URL });

      const first = await refund('RF1', 300);
      expect(first).toMatchObject({ outRefundNo: 'RF1', outTradeNo: 'ZK20261125000020', status: 'PROCESSING', refundFen: 300, totalFen: 1000 });
      expect(await refund('RF1', 300)).toEqual(first);
      expect((await pay.queryOrder('ZK20261125000020'))?.tradeState).toBe('REFUND');

      await expect(refund('RF2', 600)).rejects.toMatchObject({ httpStatus: 429, wechatPayCode: 'FREQUENCY_LIMITED' });
      upstream.sandbox.clock.advance(61_000); // partial refunds of one order must be a minute apart
      expect(await refund('RF2', 600)).toMatchObject({ status: 'PROCESSING', refundFen: 600 });
      upstream.sandbox.clock.advance(61_000);
      await expect(refund('RF3', 101)).rejects.toMatchObject({ httpStatus: 400, wechatPayCode: 'INVALID_REQUEST', wechatPayMessage: '申请退款金额超过订单可退金额' });
      expect(await refund('RF3', 100)).toMatchObject({ refundFen: 100 });

      wechatPay.settleRefund('RF1');
      expect(await pay.queryRefund('RF1')).toMatchObject({ status: 'SUCCESS', refundFen: 300, successTime: expect.any(Date) });
      expect(await pay.queryRefund('RF_UNKNOWN')).toBeNull();
    });

    it('refuses to refund an unpaid order', async () => {
      const pay = client();
      await pay.createJsapiOrder(order('ZK20261125000021', 1000));
      await expect(pay.refund({ outTradeNo: 'ZK20261125000021', outRefundNo: 'RF9', refundFen: 1, totalFen: 1000, notifyUrl: NOTIFY_URL })).rejects.toMatchObject({ wechatPayCode: 'INVALID_REQUEST' });
    });
  });

  describe('answer verification', () => {
    beforeEach(() => client().createJsapiOrder(order('ZK20261125000030')));

    it.each([
      ['a bad signature', { kind: 'bad-signature' as const }, 'the signature does not verify'],
      ['a timestamp five minutes old', { kind: 'stale' as const, ageMs: 5 * 60_000 }, 'five minutes or more away'],
      ['a WECHATPAY/SIGNTEST/ probe', { kind: 'probe' as const }, 'SIGNTEST'],
      ['no signature at all', { kind: 'unsigned' as const }, 'missing'],
    ])('treats an answer with %s as an error, not as data', async (_why, fault, issue) => {
      upstream.sandbox.wechatPay.injectFault('query', fault);
      await expect(client().queryOrder('ZK20261125000030')).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', details: [{ field: 'upstream', issue: expect.stringContaining(issue) }] });
      expect(upstream.sandbox.wechatPay.callsTo('query')).toHaveLength(1); // a verification failure is final, not retried
    });

    it('believes ORDER_NOT_EXIST only when it is signed', async () => {
      const notExist = { kind: 'error' as const, status: 404, code: 'ORDER_NOT_EXIST', message: '订单不存在' };
      upstream.sandbox.wechatPay.injectFault('query', { ...notExist, signature: { kind: 'bad-signature' } });
      await expect(client().queryOrder('ZK20261125000030')).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
      upstream.sandbox.wechatPay.injectFault('query', notExist);
      expect(await client().queryOrder('ZK20261125000030')).toBeNull();
    });

    it('follows a rollover: certificate-signed and public-key-signed answers both verify', async () => {
      const pay = client();
      upstream.sandbox.wechatPay.useSigningMode('certificate');
      expect((await pay.queryOrder('ZK20261125000030'))?.tradeState).toBe('NOTPAY');
      upstream.sandbox.wechatPay.useSigningMode('public-key');
      expect((await pay.queryOrder('ZK20261125000030'))?.tradeState).toBe('NOTPAY');
    });

    it('refuses answers signed with a key it does not hold', async () => {
      upstream.sandbox.wechatPay.useSigningMode('certificate');
      const publicKeyOnly = new WeChatPayVerificationKeys({ publicKey: { id: demo.keys.publicKeyId!, pem: demoKeyFile('wechatpay-public-key.pem') } });
      await expect(client(publicKeyOnly).queryOrder('ZK20261125000030')).rejects.toMatchObject({
        code: 'UPSTREAM_BAD_RESPONSE',
        details: [{ issue: expect.stringContaining('no verification key for serial 7C4E5A2B9D00112233') }],
      });
    });

    it('checks the window against its own clock', async () => {
      await expect(client(demo.keys, () => Date.now() + 5 * 60_000 + 1000).queryOrder('ZK20261125000030')).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    });
  });

  describe('retries', () => {
    it('retries 5xx and dropped connections, signing each attempt afresh', async () => {
      const pay = client();
      upstream.sandbox.wechatPay.injectFault('jsapi', { kind: 'http-status', status: 500 });
      upstream.sandbox.wechatPay.injectFault('jsapi', { kind: 'drop' });
      const { prepayId } = await pay.createJsapiOrder(order('ZK20261125000040'));
      expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
      expect(upstream.sandbox.wechatPay.callsTo('jsapi')).toHaveLength(1); // faults answer before the signature is checked
    });

    it("gives up after the policy's attempts with UPSTREAM_UNAVAILABLE", async () => {
      upstream.sandbox.wechatPay.injectFault('query', { kind: 'http-status', status: 503 }, 3);
      await expect(client().queryOrder('ZK20261125000041')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    });

    it('never retries a verified refusal', async () => {
      upstream.sandbox.wechatPay.injectFault('query', { kind: 'error', status: 400, code: 'PARAM_ERROR', message: '参数错误' });
      await expect(client().queryOrder('ZK20261125000042')).rejects.toMatchObject({ wechatPayCode: 'PARAM_ERROR' });
      expect(upstream.sandbox.wechatPay.callsTo('query')).toHaveLength(1);
    });
  });
});

