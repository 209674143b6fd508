import { ConfigError, DEMO_CREDENTIALS, loadConfig } from './config';

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
    ]);
  });

  it('uses the real credentials and hosts in production mode', () => {
    const config = loadConfig({
      WECOM_CORP_ID: 'ww123',
      WECOM_AGENT_ID: '1000005',
      WECOM_AGENT_SECRET: 's3cret',
      WECOM_ADMIN_USERIDS: 'alice, bob',
      WECOM_CALLBACK_TOKEN: 'cbToken1',
      WECOM_CALLBACK_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      MP_APP_ID: 'wx123',
      MP_APP_SECRET: 'mp-secret',
      PUBLIC_URL: 'https://zhike.example.com/',
    });
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
});
