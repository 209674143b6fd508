import type { WeChatPayVerificationKeys } from './verification-keys';
import { responseSignatureMessage, SIGNATURE_PROBE_PREFIX, verifySha256WithRsa } from './signature';

/** Why a signed response or notification was not believed. */
export type SignedMessageRejection = 'malformed' | 'signature_probe' | 'unknown_serial' | 'stale_timestamp' | 'bad_signature';

export class SignedMessageRejected extends Error {
  constructor(
    readonly reason: SignedMessageRejection,
    message: string,
  ) {
    super(message);
    this.name = 'SignedMessageRejected';
  }
}

export type HeaderBag = Record<string, string | string[] | undefined>;

/** WeChat Pay's replay window, as the official SDKs enforce it (wechatpay-java RESPONSE_EXPIRED_MINUTES = 5). */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

function header(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
  }
  return undefined;
}

/**
 * Checks a WeChat Pay signature over the raw body (D4): `timestamp\nnonce\nbody\n`, SHA256withRSA, with
 * the key `Wechatpay-Serial` names; |now − timestamp| must stay under five minutes. Throws otherwise.
 * Returns the serial that signed, for logs.
 */
export function verifySignedMessage(keys: WeChatPayVerificationKeys, headers: HeaderBag, rawBody: string, nowMs: number): { serial: string } {
  const timestamp = header(headers, 'wechatpay-timestamp');
  const nonce = header(headers, 'wechatpay-nonce');
  const signature = header(headers, 'wechatpay-signature');
  const serial = header(headers, 'wechatpay-serial');
  if (!timestamp || !nonce || !signature || !serial) throw new SignedMessageRejected('malformed', 'Wechatpay-Timestamp, -Nonce, -Signature or -Serial missing');
  if (signature.startsWith(SIGNATURE_PROBE_PREFIX)) throw new SignedMessageRejected('signature_probe', 'a WECHATPAY/SIGNTEST/ probe, which must fail');
  const key = keys.find(serial);
  if (!key) throw new SignedMessageRejected('unknown_serial', `no verification key for serial ${serial}`);
  if (!/^\d{1,12}$/.test(timestamp)) throw new SignedMessageRejected('malformed', 'Wechatpay-Timestamp is not a number of seconds');
  if (Math.abs(nowMs - Number(timestamp) * 1000) >= SIGNATURE_WINDOW_MS) throw new SignedMessageRejected('stale_timestamp', `timestamp ${timestamp} is five minutes or more away`);
  if (!verifySha256WithRsa(responseSignatureMessage(timestamp, nonce, rawBody), signature, key)) {
    throw new SignedMessageRejected('bad_signature', `the signature does not verify with ${serial}`);
  }
  return { serial };
}
