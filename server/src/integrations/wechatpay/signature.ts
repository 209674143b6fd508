import crypto, { type KeyLike } from 'node:crypto';

/** The only scheme WeChat Pay API v3 uses, in `Authorization` and `Wechatpay-Signature-Type`. */
export const WECHATPAY_SIGNATURE_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** Signatures WeChat Pay sends on purpose to see whether we verify (they must fail, and we must answer an error). */
export const SIGNATURE_PROBE_PREFIX = 'WECHATPAY/SIGNTEST/';

/** Requests (D3): five lines, each ending in \n; a GET has an empty body line, so it ends in \n\n. */
export function requestSignatureMessage(method: string, canonicalUrl: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${canonicalUrl}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** Responses and notifications (D4): three lines over the raw body, each ending in \n. */
export function responseSignatureMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** wx.requestPayment (D2): four lines, the last one ending in \n too; signType is not signed. */
export function paySignMessage(appId: string, timeStamp: string, nonceStr: string, prepayPackage: string): string {
  return `${appId}\n${timeStamp}\n${nonceStr}\n${prepayPackage}\n`;
}

/** SHA256withRSA, base64. */
export function signSha256WithRsa(message: string, privateKey: KeyLike): string {
  return crypto.sign('sha256', Buffer.from(message, 'utf8'), privateKey).toString('base64');
}

export function verifySha256WithRsa(message: string, signature: string, publicKey: KeyLike): boolean {
  try {
    return crypto.verify('sha256', Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false; // a key of the wrong type, or garbage where the signature should be
  }
}

/** A crypto-random nonce of 32 hex characters (wechatpay-node-v3 uses Math.random for its own). */
export function randomNonce(): string {
  return crypto.randomBytes(16).toString('hex').toUpperCase();
}

export interface AuthorizationFields {
  mchid: string;
  nonce_str: string;
  timestamp: string;
  serial_no: string;
  signature: string;
}

const AUTHORIZATION_FIELDS = ['mchid', 'nonce_str', 'timestamp', 'serial_no', 'signature'] as const;

export function formatAuthorization(fields: AuthorizationFields): string {
  return `${WECHATPAY_SIGNATURE_SCHEME} ${AUTHORIZATION_FIELDS.map((name) => `${name}="${fields[name]}"`).join(',')}`;
}

/** Reads `WECHATPAY2-SHA256-RSA2048 k="v",…` with the five fields in any order; undefined when malformed. */
export function parseAuthorization(header: string | undefined): AuthorizationFields | undefined {
  const prefix = `${WECHATPAY_SIGNATURE_SCHEME} `;
  if (!header?.startsWith(prefix)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(prefix.length).split(',')) {
    const match = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
    if (!match || fields.has(match[1]!)) return undefined;
    fields.set(match[1]!, match[2]!);
  }
  const values = AUTHORIZATION_FIELDS.map((name) => fields.get(name));
  if (fields.size !== AUTHORIZATION_FIELDS.length || values.some((value) => !value)) return undefined;
  const [mchid, nonce_str, timestamp, serial_no, signature] = values as string[];
  return { mchid: mchid!, nonce_str: nonce_str!, timestamp: timestamp!, serial_no: serial_no!, signature: signature! };
}

/** RFC 3339 in Beijing time, WeChat Pay's own format (`2026-11-25T12:34:56+08:00`). */
export function rfc3339Beijing(date: Date): string {
  const beijing = new Date(date.getTime() + 8 * 3600_000);
  return `${beijing.toISOString().slice(0, 19)}+08:00`;
}
