import crypto from 'node:crypto';

export interface JsApiSignatureInput {
  ticket: string;
  nonceStr: string;
  /** Seconds since the epoch. */
  timestamp: number;
  /** The page URL; anything from `#` on is not signed. */
  url: string;
}

/** WeCom JS-SDK signature: sha1 over the four fields in this exact order, nothing URL-encoded. */
export function signJsApi(input: JsApiSignatureInput): string {
  const url = input.url.split('#')[0];
  const plain = `jsapi_ticket=${input.ticket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${url}`;
  return crypto.createHash('sha1').update(plain).digest('hex');
}

export function newNonce(): string {
  return crypto.randomBytes(12).toString('base64url');
}
