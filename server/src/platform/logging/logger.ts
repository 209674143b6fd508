import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths that may carry secrets; pino replaces their values before anything is written. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.secret',
  '*.corpsecret',
  '*.appSecret',
  '*.agentSecret',
  '*.access_token',
  '*.accessToken',
  '*.session_key',
  '*.sessionKey',
  '*.token',
  '*.ticket',
  '*.code',
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    { level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'zhike' } },
    options.destination,
  );
}

/** Upstream URLs carry tokens and codes in the query string; log them with the values masked. */
export function maskUrlSecrets(url: string): string {
  return url.replace(/([?&](?:access_token|corpsecret|secret|js_code|code|ticket)=)[^&#]*/gi, '$1[redacted]');
}
