import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import WxPay from 'wechatpay-node-v3';
import { DEMO_CREDENTIALS, DEMO_WECHATPAY_KEY_DIR } from '../../platform/config/config';
import { encryptResource } from './aes-gcm';
import { WeChatPayNotificationRejected, WeChatPayNotificationVerifier } from './notification-verifier';
import { WeChatPayVerificationKeys } from './verification-keys';

const pem = (file: string) => fs.readFileSync(path.join(DEMO_WECHATPAY_KEY_DIR, file), 'utf8');
const API_V3_KEY = DEMO_CREDENTIALS.wechatPayApiV3Key;
const PLATFORM_SERIAL = '7C4E5A2B9D00112233';
const PUBLIC_KEY_ID = DEMO_CREDENTIALS.wechatPayPublicKeyId;
const SIGNERS = {
  certificate: { serial: PLATFORM_SERIAL, key: pem('platform-key.pem') },
  'public-key': { serial: PUBLIC_KEY_ID, key: pem('wechatpay-public-key-private.pem') },
};
const NOW = new Date('2026-11-25T08:00:00Z');
const NOW_S = NOW.getTime() / 1000;

const TRANSACTION = {
  appid: 'wxzhikedemo00001',
  mchid: '1900000109',
  out_trade_no: 'ZK20261125000001',
  transaction_id: '4200000000202611250000000001',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  bank_type: 'OTHERS',
  attach: '',
  success_time: '2026-11-25T15:59:30+08:00',
  payer: { openid: 'o_demo_wang' },
  amount: { total: 1999, payer_total: 1999, currency: 'CNY', payer_currency: 'CNY' },
};

function envelope(eventType: string, resource: object, originalType = 'transaction', aad = originalType): string {
  const sealed = encryptResource(JSON.stringify(resource), API_V3_KEY, aad, 'n0nce0123456');
  return JSON.stringify({
    id: 'EV-2026112500001',
    create_time: '2026-11-25T16:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: '支付成功',
    resource: { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext: sealed.ciphertext, associated_data: aad, nonce: sealed.nonce },
  });
}

function signed(body: string, options: { mode?: keyof typeof SIGNERS; timestamp?: number; signature?: string } = {}) {
  const signer = SIGNERS[options.mode ?? 'public-key'];
  const timestamp = String(options.timestamp ?? NOW_S);
  const nonce = 'fdasfwqewlkja484w';
  const signature = options.signature ?? crypto.sign('sha256', Buffer.from(`${timestamp}\n${nonce}\n${body}\n`), signer.key).toString('base64');
  // As Node hands them over: lower-case names.
  return { 'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce, 'wechatpay-signature': signature, 'wechatpay-serial': signer.serial, 'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048' };
}

const bothModes = new WeChatPayVerificationKeys({ platformCertificates: [pem('platform-cert.pem')], publicKey: { id: PUBLIC_KEY_ID, pem: pem('wechatpay-public-key.pem') } });
const verifier = (keys = bothModes) => new WeChatPayNotificationVerifier({ keys, apiV3Key: API_V3_KEY, now: () => NOW.getTime() });

function rejection(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof WeChatPayNotificationRejected) return error.reason;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('WeChatPayNotificationVerifier', () => {
  const body = envelope('TRANSACTION.SUCCESS', TRANSACTION);

  it.each(['certificate', 'public-key'] as const)('verifies and decrypts a payment notification signed in %s mode', (mode) => {
    expect(verifier().verify(signed(body, { mode }), body)).toEqual({
      id: 'EV-2026112500001',
      eventType: 'TRANSACTION.SUCCESS',
      transaction: {
        appid: 'wxzhikedemo00001',
        mchid: '1900000109',
        outTradeNo: 'ZK20261125000001',
        transactionId: '4200000000202611250000000001',
        tradeState: 'SUCCESS',
        amountTotalFen: 1999,
        payerTotalFen: 1999,
        successTime: new Date('2026-11-25T07:59:30Z'),
        payerOpenid: 'o_demo_wang',
      },
    });
  });

  it('takes header names in any case and a single-element array', () => {
    const headers = Object.fromEntries(Object.entries(signed(body)).map(([name, value]) => [name.replace(/(^|-)w/g, (m) => m.toUpperCase()), [value]]));
    expect(verifier().verify(headers, body).id).toBe('EV-2026112500001');
  });

  it('needs the key its serial names: one mode alone refuses the other (a rollover needs both)', () => {
    const certificateOnly = new WeChatPayVerificationKeys({ platformCertificates: [pem('platform-cert.pem')] });
    const publicKeyOnly = new WeChatPayVerificationKeys({ publicKey: { id: PUBLIC_KEY_ID, pem: pem('wechatpay-public-key.pem') } });
    expect(rejection(() => verifier(certificateOnly).verify(signed(body, { mode: 'public-key' }), body))).toBe('unknown_serial');
    expect(rejection(() => verifier(publicKeyOnly).verify(signed(body, { mode: 'certificate' }), body))).toBe('unknown_serial');
    expect(verifier(certificateOnly).verify(signed(body, { mode: 'certificate' }), body).id).toBe('EV-2026112500001');
  });

  it('refuses a serial it does not know', () => {
    const headers = { ...signed(body), 'wechatpay-serial': 'PUB_KEY_ID_00000000000000000000000000000000' };
    expect(rejection(() => verifier().verify(headers, body))).toBe('unknown_serial');
  });

  it('refuses a tampered body, and a body re-serialized from parsed JSON', () => {
    const headers = signed(body);
    expect(rejection(() => verifier().verify(headers, body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ')))).toBe('bad_signature');
    expect(rejection(() => verifier().verify(headers, JSON.stringify(JSON.parse(body), null, 1)))).toBe('bad_signature');
  });

  it('refuses a signature made with the other mode\'s key under this serial', () => {
    const headers = { ...signed(body, { mode: 'certificate' }), 'wechatpay-serial': PUBLIC_KEY_ID };
    expect(rejection(() => verifier().verify(headers, body))).toBe('bad_signature');
  });

  it('keeps a five-minute window either way: 4 min 59 s is fine, 5 min is not', () => {
    expect(verifier().verify(signed(body, { timestamp: NOW_S - 299 }), body).id).toBe('EV-2026112500001');
    expect(verifier().verify(signed(body, { timestamp: NOW_S + 299 }), body).id).toBe('EV-2026112500001');
    expect(rejection(() => verifier().verify(signed(body, { timestamp: NOW_S - 300 }), body))).toBe('stale_timestamp');
    expect(rejection(() => verifier().verify(signed(body, { timestamp: NOW_S + 300 }), body))).toBe('stale_timestamp');
    // `now` given to verify wins over the verifier's clock.
    expect(rejection(() => verifier().verify(signed(body), body, new Date(NOW.getTime() + 10 * 60_000)))).toBe('stale_timestamp');
  });

  it('refuses a WECHATPAY/SIGNTEST/ probe', () => {
    expect(rejection(() => verifier().verify(signed(body, { signature: 'WECHATPAY/SIGNTEST/' + 'A'.repeat(340) }), body))).toBe('signature_probe');
  });

  it('refuses missing signature headers', () => {
    const { 'wechatpay-nonce': _nonce, ...withoutNonce } = signed(body);
    expect(rejection(() => verifier().verify(withoutNonce, body))).toBe('malformed');
  });

  it('refuses a resource whose auth tag was tampered with, though the envelope is signed', () => {
    const parsed = JSON.parse(body) as { resource: { ciphertext: string } };
    const bytes = Buffer.from(parsed.resource.ciphertext, 'base64');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x80;
    parsed.resource.ciphertext = bytes.toString('base64');
    const tampered = JSON.stringify(parsed);
    expect(rejection(() => verifier().verify(signed(tampered), tampered))).toBe('undecryptable');
  });

  it('refuses a resource sealed under another associated_data than it claims', () => {
    const sealedAsRefund = JSON.parse(envelope('TRANSACTION.SUCCESS', TRANSACTION, 'transaction', 'refund')) as { resource: { associated_data: string } };
    sealedAsRefund.resource.associated_data = 'transaction';
    const text = JSON.stringify(sealedAsRefund);
    expect(rejection(() => verifier().verify(signed(text), text))).toBe('undecryptable');
  });

  it('(why not the library: wechatpay-node-v3 2.2.1 decipher_gcm returns plaintext for a forged tag)', () => {
    const sealed = encryptResource('{"trade_state":"SUCCESS"}', API_V3_KEY, 'transaction', 'n0nce0123456');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x80;
    const library = new WxPay({ appid: 'wx', mchid: '1', publicKey: Buffer.from(pem('merchant-cert.pem')), privateKey: Buffer.from(pem('merchant-key.pem')), serial_no: 'S' });
    expect(library.decipher_gcm(bytes.toString('base64'), 'transaction', sealed.nonce, API_V3_KEY)).toEqual({ trade_state: 'SUCCESS' });
  });

  it('reads refund notifications', () => {
    const refund = envelope(
      'REFUND.SUCCESS',
      {
        mchid: '1900000109',
        out_trade_no: 'ZK20261125000001',
        transaction_id: '4200000000202611250000000001',
        out_refund_no: 'RF1',
        refund_id: '50000000382019052709732678859',
        refund_status: 'SUCCESS',
        success_time: '2026-11-25T16:01:00+08:00',
        user_received_account: '支付用户零钱',
        amount: { total: 1999, refund: 500, payer_total: 1999, payer_refund: 500 },
      },
      'refund',
    );
    expect(verifier().verify(signed(refund), refund)).toEqual({
      id: 'EV-2026112500001',
      eventType: 'REFUND.SUCCESS',
      refund: {
        outRefundNo: 'RF1',
        refundId: '50000000382019052709732678859',
        outTradeNo: 'ZK20261125000001',
        transactionId: '4200000000202611250000000001',
        status: 'SUCCESS',
        refundFen: 500,
        totalFen: 1999,
        successTime: new Date('2026-11-25T08:01:00Z'),
      },
    });
  });

  it('refuses events it does not handle and resources without the fields it needs', () => {
    const other = envelope('TRANSACTION.CLOSED', TRANSACTION);
    expect(rejection(() => verifier().verify(signed(other), other))).toBe('unsupported_event');
    const { amount: _amount, ...withoutAmount } = TRANSACTION;
    const partial = envelope('TRANSACTION.SUCCESS', withoutAmount);
    expect(rejection(() => verifier().verify(signed(partial), partial))).toBe('malformed');
    expect(rejection(() => verifier().verify(signed('not json'), 'not json'))).toBe('malformed');
  });
});
