import crypto from 'node:crypto';
import {
  parseAuthorization,
  requestSignatureMessage,
  responseSignatureMessage,
  SIGNATURE_PROBE_PREFIX,
  signSha256WithRsa,
  verifySha256WithRsa,
  WECHATPAY_SIGNATURE_SCHEME,
} from '../wechatpay/signature';
import { SIGNATURE_WINDOW_MS } from '../wechatpay/signed-message';
import type { WeChatPaySandboxKeys } from './wechatpay-sandbox-keys';

/** Which key WeChat Pay signs answers and notifications with. */
export type WeChatPaySigningMode = 'certificate' | 'public-key';

/** How a signature should go wrong, for tests of the verifying side. */
export type SignatureDistortion = { kind: 'bad-signature' } | { kind: 'stale'; ageMs: number } | { kind: 'probe' } | { kind: 'unsigned' };

export interface SignedRequest {
  method: string;
  /** Path and query, without scheme and host: what the merchant signed. */
  canonicalUrl: string;
  authorization: string | undefined;
  /** '' for a GET. */
  body: string;
}

/** The 401 WeChat Pay answers to a request it cannot verify, with the `sign_information` that helps debugging. */
export interface SignError {
  code: 'SIGN_ERROR';
  message: string;
  detail: {
    detail: { issue: string };
    field: string;
    location: 'authorization';
    sign_information: { method: string; sign_message_length: number; truncated_sign_message: string; url: string };
  };
}

/** Request verification and answer signing, the way WeChat Pay does them; its clock is wall time plus a test skew. */
export class WeChatPaySandboxSigner {
  mode: WeChatPaySigningMode = 'public-key';
  /** Moves WeChat Pay's signing clock, so answers and notifications carry stale timestamps. */
  skewMs = 0;

  constructor(private readonly keys: WeChatPaySandboxKeys) {}

  now(): number {
    return Date.now() + this.skewMs;
  }

  /** undefined when the merchant's signature is good; otherwise the SIGN_ERROR body to answer with 401. */
  verifyRequest(request: SignedRequest): SignError | undefined {
    const fields = parseAuthorization(request.authorization);
    const signError = (issue: string, field: string, message: string, timestamp = '', nonce = ''): SignError => {
      const signed = requestSignatureMessage(request.method, request.canonicalUrl, timestamp, nonce, request.body);
      // WeChat Pay shows the message it checked with the body cut short, enough to spot a wrong URL or timestamp.
      const truncated = requestSignatureMessage(request.method, request.canonicalUrl, timestamp, nonce, request.body.slice(0, 10));
      return {
        code: 'SIGN_ERROR',
        message,
        detail: {
          detail: { issue },
          field,
          location: 'authorization',
          sign_information: {
            method: request.method,
            sign_message_length: Buffer.byteLength(signed),
            truncated_sign_message: truncated,
            url: request.canonicalUrl,
          },
        },
      };
    };
    if (!fields) return signError(`Authorization must be "${WECHATPAY_SIGNATURE_SCHEME} mchid=…,nonce_str=…,timestamp=…,serial_no=…,signature=…"`, 'authorization', 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》');
    const { mchid, nonce_str: nonce, timestamp, serial_no: serial, signature } = fields;
    if (mchid !== this.keys.mchId) return signError('mchid does not exist', 'mchid', '商户号不存在', timestamp, nonce);
    if (serial.toUpperCase() !== this.keys.merchantCertificate.serialNumber.toUpperCase()) {
      return signError('serial_no does not match the merchant API certificate', 'serial_no', '证书序列号错误', timestamp, nonce);
    }
    if (!/^\d{10}$/.test(timestamp) || Math.abs(this.now() - Number(timestamp) * 1000) >= SIGNATURE_WINDOW_MS) {
      return signError('timestamp is not within 5 minutes of the server time', 'timestamp', '请求时间戳已过期或无效', timestamp, nonce);
    }
    const message = requestSignatureMessage(request.method, request.canonicalUrl, timestamp, nonce, request.body);
    if (!verifySha256WithRsa(message, signature, this.keys.merchantCertificate.publicKey)) return signError('sign not match', 'signature', '错误的签名，验签失败', timestamp, nonce);
    return undefined;
  }

  /** The Wechatpay-* headers of an answer or a notification over `body`, in the current mode. */
  sign(body: string, distortion?: SignatureDistortion): Record<string, string> {
    if (distortion?.kind === 'unsigned') return {};
    const timestamp = String(Math.floor((this.now() - (distortion?.kind === 'stale' ? distortion.ageMs : 0)) / 1000));
    const nonce = crypto.randomBytes(16).toString('hex').toUpperCase();
    const { serial, privateKey } = this.mode === 'certificate' ? this.keys.platform : { serial: this.keys.publicKey.id, privateKey: this.keys.publicKey.privateKey };
    let signature = signSha256WithRsa(responseSignatureMessage(timestamp, nonce, body), privateKey);
    if (distortion?.kind === 'bad-signature') signature = signSha256WithRsa(responseSignatureMessage(timestamp, nonce, body + ' '), privateKey);
    if (distortion?.kind === 'probe') signature = SIGNATURE_PROBE_PREFIX + crypto.randomBytes(180).toString('base64');
    return {
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Signature': signature,
      'Wechatpay-Serial': serial,
      'Wechatpay-Signature-Type': WECHATPAY_SIGNATURE_SCHEME,
    };
  }

  /** What WeChat checks before showing the pay sheet: paySign over the 4 lines, with the merchant certificate. */
  verifyPaySign(message: string, paySign: string): boolean {
    return verifySha256WithRsa(message, paySign, this.keys.merchantCertificate.publicKey);
  }
}
