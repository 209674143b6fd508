import path from 'node:path';
import { z } from 'zod';

/** Raised at start-up when the environment is missing or malforms a setting; names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());
const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));
const port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  ZHIKE_MODE: z.enum(['demo', 'production']).optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: httpUrl.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGODB_URI: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional()),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,38}$/).default('zhike'),
  DATA_DIR: z.string().default('.data'),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(256),
  STAFF_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  CUSTOMER_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  TRUST_PROXY: z.stringbool().default(false),
  ORDER_PAYMENT_TIMEOUT_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(30),
  ORDER_MAX_DISCOUNT_PERCENT: z.coerce.number().int().min(0).max(90).default(10),
  ORDER_STAGE_ON_FIRST_PAID: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a stage key of the pipeline').default('won'),
  ORDER_STAGE_ON_REPEAT_PAID: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a stage key of the pipeline').default('repeat'),
  ORDER_PAID_TAG_NAME: z.string().trim().max(30).default('已购'),
  ORDER_UNPAID_TAG_NAME: z.string().trim().max(30).default('未购'),
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  WECOM_AGENT_SECRET: optionalText,
  WECOM_ADMIN_USERIDS: z.string().default(''),
  WECOM_CALLBACK_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'must be 1–32 letters or digits').optional()),
  WECOM_CALLBACK_AES_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').optional()),
  WECOM_API_BASE: httpUrl.default('https://qyapi.weixin.qq.com'),
  WECOM_OAUTH_BASE: httpUrl.default('https://open.weixin.qq.com'),
  MP_APP_ID: optionalText,
  MP_APP_SECRET: optionalText,
  MP_API_BASE: httpUrl.default('https://api.weixin.qq.com'),
  WECHATPAY_MCH_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{6,20}$/, 'must be the merchant id (商户号), digits only').optional()),
  WECHATPAY_MCH_PRIVATE_KEY_PATH: optionalText,
  WECHATPAY_MCH_CERT_PATH: optionalText,
  WECHATPAY_API_V3_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[\x21-\x7e]{32}$/, 'must be the 32-character APIv3 key').optional()),
  WECHATPAY_PLATFORM_CERT_PATHS: z.string().default(''),
  WECHATPAY_PUBLIC_KEY_PATH: optionalText,
  WECHATPAY_PUBLIC_KEY_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^PUB_KEY_ID_\d{32}$/, 'must be PUB_KEY_ID_ followed by 32 digits').optional()),
  WECHATPAY_API_BASE: httpUrl.default('https://api.mch.weixin.qq.com'),
  WECHATPAY_NOTIFY_BASE: httpUrl.optional(),
});

const PRODUCTION_REQUIRED = [
  'PUBLIC_URL',
  'WECOM_CORP_ID',
  'WECOM_AGENT_ID',
  'WECOM_AGENT_SECRET',
  'WECOM_CALLBACK_TOKEN',
  'WECOM_CALLBACK_AES_KEY',
  'MP_APP_ID',
  'MP_APP_SECRET',
  'WECHATPAY_MCH_ID',
  'WECHATPAY_MCH_PRIVATE_KEY_PATH',
  'WECHATPAY_MCH_CERT_PATH',
  'WECHATPAY_API_V3_KEY',
] as const;

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  /** demo: the server mounts its sandbox upstreams and talks to them; production: the real hosts. */
  mode: 'demo' | 'production';
  host: string;
  port: number;
  /** The origin browsers use; OAuth redirects and JS-SDK URLs must be on it. */
  publicUrl: string;
  logLevel: string;
  database: { uri?: string; dbName: string; dataDir: string };
  bodyLimitKb: number;
  staffSessionHours: number;
  customerSessionDays: number;
  upstreamTimeoutMs: number;
  trustProxy: boolean;
  wecom: {
    corpId: string;
    agentId: number;
    agentSecret: string;
    adminUserIds: string[];
    apiBase: string;
    oauthBase: string;
    /** 接收事件服务器 settings: callbacks are signed with the token and encrypted with the AES key. */
    callbackToken: string;
    callbackAesKey: string;
  };
  miniProgram: { appId: string; appSecret: string; apiBase: string };
  /** An unpaid order closes itself after paymentTimeoutMinutes; 代客下单 discounts stay within maxDiscountPercent. */
  orders: {
    paymentTimeoutMinutes: number;
    maxDiscountPercent: number;
    /** Rules on payment: where the customer moves (forward only) and which purchase tag replaces which; '' turns a tag rule off. */
    stageOnFirstPaid: string;
    stageOnRepeatPaid: string;
    paidTagName: string;
    unpaidTagName: string;
  };
  /** WeChat Pay API v3 (direct merchant); key files are read when the client is built. */
  wechatPay: {
    mchId: string;
    merchantPrivateKeyPath: string;
    merchantCertPath: string;
    apiV3Key: string;
    /** Platform certificates (certificate mode); several while WeChat Pay changes them. */
    platformCertPaths: string[];
    /** The WeChat Pay public key (public-key mode); with certificates too while a merchant switches. */
    publicKey?: { path: string; id: string };
    apiBase: string;
    /** The https origin WeChat Pay posts notifications to; PUBLIC_URL unless set. */
    notifyBase: string;
  };
}

/** The credentials the sandbox upstreams are seeded with; only ever used in demo mode. */
export const DEMO_CREDENTIALS = {
  corpId: 'wwzhikedemo000001',
  agentId: 1000002,
  agentSecret: 'demo-agent-secret-not-for-production-0001',
  adminUserIds: ['chenjing'],
  callbackToken: 'zhikeDemoCallbackToken',
  callbackAesKey: 'ZhikeDemoEncodingAesKey0123456789abcdefghij',
  miniProgramAppId: 'wxzhikedemo00001',
  miniProgramSecret: 'demo-miniprogram-secret-0000000001',
  wechatPayMchId: '1900000109',
  wechatPayApiV3Key: 'ZhikeDemoApiV3Key000000000000001',
  wechatPayPublicKeyId: 'PUB_KEY_ID_01190000010920261125000000000001',
} as const;

/** The sandbox-only WeChat Pay merchant, platform and public keys committed with the sandbox. */
export const DEMO_WECHATPAY_KEY_DIR = path.resolve(__dirname, '../../integrations/sandbox/wechatpay-demo-keys');

const splitList = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const mode = e.ZHIKE_MODE ?? (e.WECOM_CORP_ID ? 'production' : 'demo');
  if (mode === 'production') {
    const missing = PRODUCTION_REQUIRED.filter((key) => e[key] === undefined);
    if (missing.length) throw new ConfigError(missing.map((key) => `${key}: required when ZHIKE_MODE=production (real WeCom/WeChat credentials)`));
    const problems = wechatPayProductionProblems(e);
    if (problems.length) throw new ConfigError(problems);
  }
  const publicUrl = e.PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`;
  const demo = mode === 'demo';
  return {
    env: e.NODE_ENV,
    mode,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    database: { uri: e.MONGODB_URI, dbName: e.MONGODB_DB, dataDir: e.DATA_DIR },
    bodyLimitKb: e.BODY_LIMIT_KB,
    staffSessionHours: e.STAFF_SESSION_HOURS,
    customerSessionDays: e.CUSTOMER_SESSION_DAYS,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    trustProxy: e.TRUST_PROXY,
    wecom: {
      corpId: demo ? DEMO_CREDENTIALS.corpId : e.WECOM_CORP_ID!,
      agentId: demo ? DEMO_CREDENTIALS.agentId : e.WECOM_AGENT_ID!,
      agentSecret: demo ? DEMO_CREDENTIALS.agentSecret : e.WECOM_AGENT_SECRET!,
      adminUserIds: demo ? [...DEMO_CREDENTIALS.adminUserIds] : e.WECOM_ADMIN_USERIDS.split(',').map((s) => s.trim()).filter(Boolean),
      // In demo mode the composition root points these at the in-process sandbox once it listens.
      apiBase: e.WECOM_API_BASE,
      oauthBase: e.WECOM_OAUTH_BASE,
      callbackToken: demo ? DEMO_CREDENTIALS.callbackToken : e.WECOM_CALLBACK_TOKEN!,
      callbackAesKey: demo ? DEMO_CREDENTIALS.callbackAesKey : e.WECOM_CALLBACK_AES_KEY!,
    },
    miniProgram: {
      appId: demo ? DEMO_CREDENTIALS.miniProgramAppId : e.MP_APP_ID!,
      appSecret: demo ? DEMO_CREDENTIALS.miniProgramSecret : e.MP_APP_SECRET!,
      apiBase: e.MP_API_BASE,
    },
    orders: {
      paymentTimeoutMinutes: e.ORDER_PAYMENT_TIMEOUT_MINUTES,
      maxDiscountPercent: e.ORDER_MAX_DISCOUNT_PERCENT,
      stageOnFirstPaid: e.ORDER_STAGE_ON_FIRST_PAID,
      stageOnRepeatPaid: e.ORDER_STAGE_ON_REPEAT_PAID,
      paidTagName: e.ORDER_PAID_TAG_NAME,
      unpaidTagName: e.ORDER_UNPAID_TAG_NAME,
    },
    wechatPay: demo ? demoWeChatPay(e.WECHATPAY_API_BASE, e.WECHATPAY_NOTIFY_BASE ?? publicUrl) : productionWeChatPay(e, publicUrl),
  };
}

/** Answers must be verifiable one way or the other, and WeChat Pay only notifies https URLs. */
function wechatPayProductionProblems(e: z.infer<typeof EnvSchema>): string[] {
  const problems: string[] = [];
  if (Boolean(e.WECHATPAY_PUBLIC_KEY_PATH) !== Boolean(e.WECHATPAY_PUBLIC_KEY_ID)) {
    problems.push('WECHATPAY_PUBLIC_KEY_PATH / WECHATPAY_PUBLIC_KEY_ID: set both (the 微信支付公钥 file and its PUB_KEY_ID_… id) or neither');
  } else if (!e.WECHATPAY_PUBLIC_KEY_PATH && splitList(e.WECHATPAY_PLATFORM_CERT_PATHS).length === 0) {
    problems.push('WECHATPAY_PLATFORM_CERT_PATHS or WECHATPAY_PUBLIC_KEY_PATH: required when ZHIKE_MODE=production (to verify WeChat Pay signatures)');
  }
  const notifyBase = e.WECHATPAY_NOTIFY_BASE ?? e.PUBLIC_URL;
  if (notifyBase && !notifyBase.startsWith('https://')) problems.push('WECHATPAY_NOTIFY_BASE: WeChat Pay only notifies https URLs; set it (or PUBLIC_URL) to an https origin');
  return problems;
}

function productionWeChatPay(e: z.infer<typeof EnvSchema>, publicUrl: string): AppConfig['wechatPay'] {
  return {
    mchId: e.WECHATPAY_MCH_ID!,
    merchantPrivateKeyPath: e.WECHATPAY_MCH_PRIVATE_KEY_PATH!,
    merchantCertPath: e.WECHATPAY_MCH_CERT_PATH!,
    apiV3Key: e.WECHATPAY_API_V3_KEY!,
    platformCertPaths: splitList(e.WECHATPAY_PLATFORM_CERT_PATHS),
    ...(e.WECHATPAY_PUBLIC_KEY_PATH && e.WECHATPAY_PUBLIC_KEY_ID ? { publicKey: { path: e.WECHATPAY_PUBLIC_KEY_PATH, id: e.WECHATPAY_PUBLIC_KEY_ID } } : {}),
    apiBase: e.WECHATPAY_API_BASE,
    notifyBase: e.WECHATPAY_NOTIFY_BASE ?? publicUrl,
  };
}

/** Demo mode verifies both ways at once, so the sandbox can switch between certificate and public-key signing. */
function demoWeChatPay(apiBase: string, notifyBase: string): AppConfig['wechatPay'] {
  const key = (file: string) => path.join(DEMO_WECHATPAY_KEY_DIR, file);
  return {
    mchId: DEMO_CREDENTIALS.wechatPayMchId,
    merchantPrivateKeyPath: key('merchant-key.pem'),
    merchantCertPath: key('merchant-cert.pem'),
    apiV3Key: DEMO_CREDENTIALS.wechatPayApiV3Key,
    platformCertPaths: [key('platform-cert.pem')],
    publicKey: { path: key('wechatpay-public-key.pem'), id: DEMO_CREDENTIALS.wechatPayPublicKeyId },
    apiBase,
    notifyBase,
  };
}
