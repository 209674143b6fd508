import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, DEMO_CREDENTIALS, DEMO_WECHATPAY_KEY_DIR, loadConfig } from './config';

/** A production environment that is complete, to vary one setting at a time. */
const PRODUCTION_ENV = {
  WECOM_CORP_ID: 'ww123',
  WECOM_AGENT_ID: '1000005',
  WECOM_AGENT_SECRET: 's3cret',
  WECOM_ADMIN_USERIDS: 'alice, bob',
  WECOM_CALLBACK_TOKEN: 'cbToken1',
  WECOM_CALLBACK_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  MP_APP_ID: 'wx123',
  MP_APP_SECRET: 'mp-secret',
  PUBLIC_URL: 'https://zhike.example.com/',
  WECHATPAY_MCH_ID: '1230000109',
  WECHATPAY_MCH_PRIVATE_KEY_PATH: '/etc/zhike/apiclient_key.pem',
  WECHATPAY_MCH_CERT_PATH: '/etc/zhike/apiclient_cert.pem',
  WECHATPAY_API_V3_KEY: 'a'.repeat(32),
  WECHATPAY_PUBLIC_KEY_PATH: '/etc/zhike/pub_key.pem',
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_01123000010920240604000000000001',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('starts in demo mode with the sandbox credentials when nothing is configured', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('demo');
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(config.wecom.corpId).toBe(DEMO_CREDENTIALS.corpId);
    expect(config.database.uri).toBeUndefined();
  });

  it('names a malformed setting', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(problemsOf({ MONGODB_URI: 'postgres://x' })).toEqual(['MONGODB_URI: must start with mongodb:// or mongodb+srv://']);
    expect(problemsOf({ PUBLIC_URL: 'ftp://example.com' })).toEqual([expect.stringMatching(/^PUBLIC_URL: /)]);
  });

  it('names every credential production mode is missing', () => {
    expect(problemsOf({ WECOM_CORP_ID: 'ww123', PUBLIC_URL: 'https://zhike.example.com' })).toEqual([
      'WECOM_AGENT_ID: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
      'WECOM_AGENT_SECRET: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
      'WECOM_CALLBACK_TOKEN: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
      'WECOM_CALLBACK_AES_KEY: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
      'MP_APP_ID: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
      'MP_APP_SECRET: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
      'WECHATPAY_MCH_ID: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
      'WECHATPAY_MCH_PRIVATE_KEY_PATH: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
      'WECHATPAY_MCH_CERT_PATH: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
      'WECHATPAY_API_V3_KEY: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)',
    ]);
  });

  it('uses the real credentials and hosts in production mode', () => {
    const config = loadConfig(PRODUCTION_ENV);
    expect(config.mode).toBe('production');
    expect(config.publicUrl).toBe('https://zhike.example.com');
    expect(config.wecom).toEqual({
      corpId: 'ww123',
      agentId: 1000005,
      agentSecret: 's3cret',
      adminUserIds: ['alice', 'bob'],
      apiBase: 'https://qyapi.weixin.qq.com',
      oauthBase: 'https://open.weixin.qq.com',
      callbackToken: 'cbToken1',
      callbackAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    });
    expect(config.miniProgram.apiBase).toBe('https://api.weixin.qq.com');
  });

  it('reads the WeChat Pay merchant and both verification modes in production', () => {
    const config = loadConfig({ ...PRODUCTION_ENV, WECHATPAY_PLATFORM_CERT_PATHS: '/etc/zhike/wechatpay_A.pem, /etc/zhike/wechatpay_B.pem' });
    expect(config.wechatPay).toEqual({
      mchId: '1230000109',
      merchantPrivateKeyPath: '/etc/zhike/apiclient_key.pem',
      merchantCertPath: '/etc/zhike/apiclient_cert.pem',
      apiV3Key: 'a'.repeat(32),
      platformCertPaths: ['/etc/zhike/wechatpay_A.pem', '/etc/zhike/wechatpay_B.pem'],
      publicKey: { path: '/etc/zhike/pub_key.pem', id: 'PUB_KEY_ID_01123000010920240604000000000001' },
      apiBase: 'https://api.mch.weixin.qq.com',
      notifyBase: 'https://zhike.example.com',
    });
  });

  it('needs a way to verify WeChat Pay signatures in production, and the public key with its id', () => {
    const { WECHATPAY_PUBLIC_KEY_PATH: _path, WECHATPAY_PUBLIC_KEY_ID: _id, ...withoutPublicKey } = PRODUCTION_ENV;
    expect(problemsOf(withoutPublicKey)).toEqual([
      'WECHATPAY_PLATFORM_CERT_PATHS or WECHATPAY_PUBLIC_KEY_PATH: required when ZHIKE_MODE=production (to verify WeChat Pay signatures)',
    ]);
    expect(loadConfig({ ...withoutPublicKey, WECHATPAY_PLATFORM_CERT_PATHS: '/etc/zhike/wechatpay_A.pem' }).wechatPay.publicKey).toBeUndefined();
    expect(problemsOf({ ...withoutPublicKey, WECHATPAY_PUBLIC_KEY_PATH: '/etc/zhike/pub_key.pem' })).toEqual([
      'WECHATPAY_PUBLIC_KEY_PATH / WECHATPAY_PUBLIC_KEY_ID: set both (the 微信支付公钥 file and its PUB_KEY_ID_… id) or neither',
    ]);
  });

  it('wants an https notify URL in production', () => {
    expect(problemsOf({ ...PRODUCTION_ENV, WECHATPAY_NOTIFY_BASE: 'http://pay.example.com' })).toEqual([
      'WECHATPAY_NOTIFY_BASE: WeChat Pay only notifies https URLs; set it (or PUBLIC_URL) to an https origin',
    ]);
    expect(loadConfig({ ...PRODUCTION_ENV, WECHATPAY_NOTIFY_BASE: 'https://pay.example.com/' }).wechatPay.notifyBase).toBe('https://pay.example.com');
  });

  it.each([
    ['WECHATPAY_API_V3_KEY', 'too-short', 'WECHATPAY_API_V3_KEY: must be the 32-character APIv3 key'],
    ['WECHATPAY_PUBLIC_KEY_ID', 'PUB_KEY_ID_123', 'WECHATPAY_PUBLIC_KEY_ID: must be PUB_KEY_ID_ followed by 32 digits'],
    ['WECHATPAY_MCH_ID', 'mch-1', 'WECHATPAY_MCH_ID: must be the merchant id (商户号), digits only'],
  ])('names a malformed %s', (name, value, problem) => {
    expect(problemsOf({ ...PRODUCTION_ENV, [name]: value })).toEqual([problem]);
  });

  it('uses the committed sandbox keys in demo mode, verifying both ways', () => {
    const { wechatPay } = loadConfig({});
    expect(wechatPay.mchId).toBe(DEMO_CREDENTIALS.wechatPayMchId);
    expect(wechatPay.apiV3Key).toHaveLength(32);
    expect(wechatPay.publicKey?.id).toMatch(/^PUB_KEY_ID_\d{32}$/);
    expect(wechatPay.notifyBase).toBe('http://127.0.0.1:3000');
    for (const file of [wechatPay.merchantPrivateKeyPath, wechatPay.merchantCertPath, wechatPay.publicKey!.path, ...wechatPay.platformCertPaths]) {
      expect(path.dirname(file)).toBe(DEMO_WECHATPAY_KEY_DIR);
      expect(fs.existsSync(file)).toBe(true);
    }
  });
});
