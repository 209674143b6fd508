import { Writable } from 'node:stream';
import { createLogger, maskUrlSecrets } from './logger';

describe('logger', () => {
  it('never writes secrets, tokens or session keys', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger({ level: 'info', destination: sink });
    logger.info({ upstream: { access_token: 'AT-123', session_key: 'SK-456', secret: 'S-789' }, req: { headers: { authorization: 'Bearer abc', cookie: 'zhike_staff_session=xyz' } } }, 'call');
    const written = lines.join('');
    for (const secret of ['AT-123', 'SK-456', 'S-789', 'Bearer abc', 'xyz']) expect(written).not.toContain(secret);
    expect(written).toContain('[redacted]');
  });

  it('masks tokens and codes in upstream URLs', () => {
    expect(maskUrlSecrets('https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=abc')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=[redacted]',
    );
    expect(maskUrlSecrets('/sns/jscode2session?appid=wx1&secret=s&js_code=c&grant_type=authorization_code')).toBe(
      '/sns/jscode2session?appid=wx1&secret=[redacted]&js_code=[redacted]&grant_type=authorization_code',
    );
  });
});
