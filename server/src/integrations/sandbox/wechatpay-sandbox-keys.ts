import crypto, { type KeyObject, type X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_CREDENTIALS, DEMO_WECHATPAY_KEY_DIR } from '../../platform/config/config';

/** What WeChat Pay knows about the merchant, and the keys it signs with. */
export interface WeChatPaySandboxKeys {
  mchId: string;
  /** The merchant's APIv3 key: notification resources are encrypted with it. */
  apiV3Key: string;
  /** The merchant API certificate (apiclient_cert.pem) uploaded to WeChat Pay: request signatures and paySign verify with it. */
  merchantCertificate: X509Certificate;
  /** Certificate mode: the platform key and its certificate's serial. */
  platform: { serial: string; privateKey: KeyObject };
  /** Public-key mode: the private half of the WeChat Pay public key, and its id. */
  publicKey: { id: string; privateKey: KeyObject };
}

/** The committed sandbox-only keys, with the demo merchant id and APIv3 key the demo configuration uses. */
export function demoWeChatPaySandboxKeys(keyDir = DEMO_WECHATPAY_KEY_DIR): WeChatPaySandboxKeys {
  const read = (file: string) => fs.readFileSync(path.join(keyDir, file), 'utf8');
  return {
    mchId: DEMO_CREDENTIALS.wechatPayMchId,
    apiV3Key: DEMO_CREDENTIALS.wechatPayApiV3Key,
    merchantCertificate: new crypto.X509Certificate(read('merchant-cert.pem')),
    platform: {
      serial: new crypto.X509Certificate(read('platform-cert.pem')).serialNumber.toUpperCase(),
      privateKey: crypto.createPrivateKey(read('platform-key.pem')),
    },
    publicKey: { id: DEMO_CREDENTIALS.wechatPayPublicKeyId, privateKey: crypto.createPrivateKey(read('wechatpay-public-key-private.pem')) },
  };
}
