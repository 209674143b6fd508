import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { loadConfig } from '../../platform/config/config';
import { WeChatPayClient, WeChatPayNotificationRejected, WeChatPayNotificationVerifier, type WeChatPayNotification } from '../wechatpay';
import { loadWeChatPayCredentials } from '../wechatpay/wechatpay-credentials';
import { SandboxClock } from './sandbox-clock';
import { WeChatPaySandbox, type WeChatPaySandboxOptions } from './wechatpay-sandbox';
import { WECHATPAY_NOTIFY_RETRY_DELAYS_MS } from './wechatpay-sandbox-notifier';
import { demoWorld } from './world';

const demo = loadWeChatPayCredentials(loadConfig({}).wechatPay);
const verifier = new WeChatPayNotificationVerifier({ keys: demo.keys, apiV3Key: demo.apiV3Key });

type Reply = number | 'hang';

/** A merchant's notify_url: verifies what arrives with our verifier, then answers as the test scripted. */
async function startReceiver(replies: Reply[], fallback: Reply = 200) {
  const received: { at: number; notification?: WeChatPayNotification; rejected?: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: (typeof received)[number] = { at: Date.now() };
      try {
        entry.notification = verifier.verify(req.headers, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        if (!(error instanceof WeChatPayNotificationRejected)) throw error;
        entry.rejected = error.reason;
      }
      received.push(entry);
      const reply = entry.rejected ? 401 : (replies.shift() ?? fallback);
      if (reply === 'hang') return; // never answers: WeChat Pay times out
      res.writeHead(reply, { 'content-type': 'application/json' }).end(reply === 200 ? '' : JSON.stringify({ code: 'FAIL', message: '失败' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/wechatpay/notifications`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

function paidOrder(options: WeChatPaySandboxOptions, notifyUrl: string) {
  const sandbox = new WeChatPaySandbox(demoWorld(), new SandboxClock(), { refundSettleDelayMs: null, notifyTimeoutMs: 300, ...options });
  sandbox.ledger.createJsapiOrder({
    appid: 'wxzhikedemo00001',
    mchid: '1900000109',
    description: '精华液',
    out_trade_no: 'ZK0000000001',
    notify_url: notifyUrl,
    amount: { total: 1999, currency: 'CNY' },
    payer: { openid: 'o_demo_wang' },
  });
  return sandbox;
}

describe('WECHATPAY_NOTIFY_RETRY_DELAYS_MS', () => {
  it('follows WeChat Pay’s schedule: 15 s, 15 s, 30 s, 3 min … 6 h, 24 h 4 min in all', () => {
    expect(WECHATPAY_NOTIFY_RETRY_DELAYS_MS).toHaveLength(15);
    expect(WECHATPAY_NOTIFY_RETRY_DELAYS_MS.slice(0, 4)).toEqual([15_000, 15_000, 30_000, 180_000]);
    expect(WECHATPAY_NOTIFY_RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0)).toBe((24 * 60 + 4) * 60_000);
  });
});

describe('WeChatPaySandbox notifications', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let sandbox: WeChatPaySandbox | undefined;
  afterEach(async () => {
    sandbox?.stop();
    await receiver.close();
  });

  it('retries the same notification after an error and a timeout until the receiver answers 200', async () => {
    receiver = await startReceiver([500, 'hang', 200]);
    sandbox = paidOrder({ notifyScheduleScale: 0.01 }, receiver.url); // 15 s → 150 ms
    const completion = sandbox.completePayment('ZK0000000001', { outcome: 'success' });
    if (completion.outcome !== 'success') throw new Error('expected success');
    const delivery = await completion.notification;

    expect(delivery.outcome).toBe('delivered');
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 'timeout', 200]);
    expect(receiver.received).toHaveLength(3);
    for (const { notification } of receiver.received) {
      expect(notification).toEqual({
        id: delivery.id,
        eventType: 'TRANSACTION.SUCCESS',
        transaction: expect.objectContaining({ outTradeNo: 'ZK0000000001', transactionId: completion.transactionId, tradeState: 'SUCCESS', amountTotalFen: 1999 }),
      });
    }
    const [first, second, third] = receiver.received.map((entry) => entry.at);
    expect(second! - first!).toBeGreaterThanOrEqual(150 - 5);
    expect(third! - second!).toBeGreaterThanOrEqual(300 + 150 - 5); // the 300 ms timeout, then 15 s scaled
  });

  it('gives up after the 16th attempt', async () => {
    receiver = await startReceiver([], 503);
    sandbox = paidOrder({ notifyScheduleScale: 0.00001 }, receiver.url); // 24 h 4 min → 0.87 s
    const completion = sandbox.completePayment('ZK0000000001', { outcome: 'success' });
    const delivery = await (completion.outcome === 'success' ? completion.notification : Promise.reject(new Error('no')));
    expect(delivery.outcome).toBe('gave-up');
    expect(receiver.received).toHaveLength(16);
  });

  it('stops retrying when the sandbox stops', async () => {
    receiver = await startReceiver([], 500);
    sandbox = paidOrder({ notifyScheduleScale: 1 }, receiver.url);
    const completion = sandbox.completePayment('ZK0000000001', { outcome: 'success' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    sandbox.stop();
    expect((await (completion.outcome === 'success' ? completion.notification : undefined))?.outcome).toBe('stopped');
    expect(receiver.received).toHaveLength(1);
  });

  it('sends a signature probe once; a verifying receiver refuses it', async () => {
    receiver = await startReceiver([]);
    sandbox = paidOrder({ notifyScheduleScale: 0.001 }, receiver.url);
    const delivery = await sandbox.sendSignatureProbe('ZK0000000001');
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([401]);
    expect(receiver.received).toEqual([{ at: expect.any(Number), rejected: 'signature_probe' }]);
    expect(sandbox.order('ZK0000000001')?.state).toBe('NOTPAY');
  });

  it('signs with the public key or the platform certificate as switched, and a stale clock is refused until it is right again', async () => {
    receiver = await startReceiver([]);
    sandbox = paidOrder({ notifyScheduleScale: 0.001, signingMode: 'certificate' }, receiver.url);
    sandbox.skewSignatureClock(-6 * 60_000);
    const completion = sandbox.completePayment('ZK0000000001', { outcome: 'success' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    sandbox.skewSignatureClock(0);
    sandbox.useSigningMode('public-key');
    await (completion.outcome === 'success' ? completion.notification : undefined);
    expect(receiver.received[0]).toMatchObject({ rejected: 'stale_timestamp' });
    expect(receiver.received.at(-1)?.notification?.eventType).toBe('TRANSACTION.SUCCESS');
  });

  it('notifies a settled refund to its notify_url', async () => {
    receiver = await startReceiver([]);
    sandbox = paidOrder({ notifyScheduleScale: 0.001 }, receiver.url);
    sandbox.completePayment('ZK0000000001', { outcome: 'success' });
    const { refund } = sandbox.ledger.refund({ out_trade_no: 'ZK0000000001', out_refund_no: 'RF-1', notify_url: receiver.url, amount: { refund: 999, total: 1999, currency: 'CNY' } });
    await sandbox.settleRefund('RF-1', 'ABNORMAL');
    const notifications = receiver.received.map((entry) => entry.notification);
    expect(notifications.at(-1)).toEqual({
      id: expect.any(String),
      eventType: 'REFUND.ABNORMAL',
      refund: { outRefundNo: 'RF-1', refundId: refund.refundId, outTradeNo: 'ZK0000000001', transactionId: refund.transactionId, status: 'ABNORMAL', refundFen: 999, totalFen: 1999 },
    });
  });

  it('settles refunds by itself after the configured delay', async () => {
    receiver = await startReceiver([]);
    sandbox = paidOrder({ notifyScheduleScale: 0.001 }, receiver.url);
    sandbox.completePayment('ZK0000000001', { outcome: 'success' });
    sandbox.refundSettleDelayMs = 20;
    // Settlement is scheduled by the refund API, so this goes through a signed client call.
    const server = http.createServer(new Koa().use(bodyParser({ enableTypes: ['json'] })).use(sandbox.router('/pay').routes()).callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const pay = new WeChatPayClient({
        apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}/pay`,
        appId: 'wxzhikedemo00001',
        mchId: demo.mchId,
        merchantPrivateKeyPem: demo.merchantPrivateKeyPem,
        merchantCertificatePem: demo.merchantCertificatePem,
        keys: demo.keys,
        timeoutMs: 2000,
      });
      expect((await pay.refund({ outTradeNo: 'ZK0000000001', outRefundNo: 'RF-2', refundFen: 1999, totalFen: 1999, notifyUrl: receiver.url })).status).toBe('PROCESSING');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await pay.queryRefund('RF-2'))?.status).toBe('SUCCESS');
      expect(receiver.received.map((entry) => entry.notification?.eventType)).toContain('REFUND.SUCCESS');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
    }
  });
});
