import crypto, { type KeyObject } from 'node:crypto';

/** WeChat Pay public-key ids: `PUB_KEY_ID_` followed by 32 digits. */
export const PUBLIC_KEY_ID_PATTERN = /^PUB_KEY_ID_\d{32}$/;

/** The serial of a certificate as WeChat Pay writes it: upper-case hex, no separators. */
export function certificateSerial(certificatePem: string | Buffer): string {
  return new crypto.X509Certificate(certificatePem).serialNumber.toUpperCase();
}

export interface VerificationKeySources {
  /** Platform certificates (平台证书), certificate mode; several during a certificate change. */
  platformCertificates?: (string | Buffer)[];
  /** The WeChat Pay public key (微信支付公钥) and its `PUB_KEY_ID_…` id, public-key mode. */
  publicKey?: { id: string; pem: string | Buffer };
}

/**
 * Every key WeChat Pay may sign with, by the serial it puts in `Wechatpay-Serial`. Both modes can be
 * present at once: while a merchant moves from certificates to the public key, notifications and
 * responses arrive signed either way, and the serial says which.
 */
export class WeChatPayVerificationKeys {
  private readonly keys = new Map<string, KeyObject>();
  /** The id to send as `Wechatpay-Serial` on requests, in public-key mode. */
  readonly publicKeyId: string | undefined;

  constructor(sources: VerificationKeySources) {
    for (const pem of sources.platformCertificates ?? []) {
      const certificate = new crypto.X509Certificate(pem);
      this.keys.set(certificate.serialNumber.toUpperCase(), certificate.publicKey);
    }
    if (sources.publicKey) {
      if (!PUBLIC_KEY_ID_PATTERN.test(sources.publicKey.id)) throw new Error(`${sources.publicKey.id} is not a WeChat Pay public key id (PUB_KEY_ID_ + 32 digits)`);
      this.keys.set(sources.publicKey.id, crypto.createPublicKey(sources.publicKey.pem));
    }
    if (this.keys.size === 0) throw new Error('WeChat Pay verification needs a platform certificate or the WeChat Pay public key');
    this.publicKeyId = sources.publicKey?.id;
  }

  /** Public-key ids are matched exactly; certificate serials regardless of case. */
  find(serial: string): KeyObject | undefined {
    return this.keys.get(serial.startsWith('PUB_KEY_ID_') ? serial : serial.toUpperCase());
  }

  get serials(): string[] {
    return [...this.keys.keys()];
  }
}
