import fs from 'node:fs';
import type { AppConfig } from '../../platform/config/config';
import { WeChatPayVerificationKeys } from './verification-keys';

export interface WeChatPayCredentials {
  mchId: string;
  apiV3Key: string;
  merchantPrivateKeyPem: string;
  merchantCertificatePem: string;
  keys: WeChatPayVerificationKeys;
}

function readPem(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`WeChat Pay ${what} could not be read from ${file}: ${(error as Error).message}`);
  }
}

/** Reads the key files the configuration names; at start-up, so a missing file stops the server with its name. */
export function loadWeChatPayCredentials(settings: AppConfig['wechatPay']): WeChatPayCredentials {
  return {
    mchId: settings.mchId,
    apiV3Key: settings.apiV3Key,
    merchantPrivateKeyPem: readPem(settings.merchantPrivateKeyPath, 'merchant private key (WECHATPAY_MCH_PRIVATE_KEY_PATH)'),
    merchantCertificatePem: readPem(settings.merchantCertPath, 'merchant certificate (WECHATPAY_MCH_CERT_PATH)'),
    keys: new WeChatPayVerificationKeys({
      platformCertificates: settings.platformCertPaths.map((file) => readPem(file, 'platform certificate (WECHATPAY_PLATFORM_CERT_PATHS)')),
      ...(settings.publicKey ? { publicKey: { id: settings.publicKey.id, pem: readPem(settings.publicKey.path, 'public key (WECHATPAY_PUBLIC_KEY_PATH)') } } : {}),
    }),
  };
}
