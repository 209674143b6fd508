import crypto from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type CallbackRejectionReason = 'bad_signature' | 'stale_timestamp' | 'bad_receiver' | 'undecryptable' | 'malformed';

/** A callback we refuse to act on. The route maps it to an HTTP answer; the reason is for logs, never for the caller. */
export class CallbackRejectedError extends Error {
  constructor(
    readonly reason: CallbackRejectionReason,
    message: string = reason,
  ) {
    super(message);
    this.name = 'CallbackRejectedError';
  }
}

type QueryValue = string | string[] | undefined;

/** The query WeCom adds to every event POST; values as Koa's `ctx.query` gives them. */
export interface CallbackQuery {
  msg_signature?: QueryValue;
  timestamp?: QueryValue;
  nonce?: QueryValue;
}

/** The query of the GET WeCom sends once to verify the callback URL. */
export interface UrlVerificationQuery extends CallbackQuery {
  echostr?: QueryValue;
}

export interface SignedCallbackQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

export interface WeComCallbackCryptoOptions {
  token: string;
  /** 43 characters, as shown in the WeCom admin console. */
  encodingAesKey: string;
  /** The corpid for a self-built app (the suite_id for a third-party one). */
  receiveId: string;
  /** Milliseconds since the epoch. */
  now?: () => number;
  maxAgeSeconds?: number;
}

export interface SealOptions {
  timestamp?: string;
  nonce?: string;
  agentId?: number;
}

const xmlParser = new XMLParser({
  // Every value stays a string (CDATA or not); callers convert what they need.
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: false,
});

/**
 * Parses a WeCom callback XML document (`<xml>…</xml>`) into its child elements, all values strings.
 * Anything else — invalid XML, another root, a DOCTYPE — is rejected as malformed.
 */
export function readCallbackXml(text: string): Record<string, unknown> {
  // WeCom never sends a DOCTYPE; refusing it rules out entity-expansion tricks altogether.
  if (/<!DOCTYPE/i.test(text) || XMLValidator.validate(text) !== true) {
    throw new CallbackRejectedError('malformed', 'callback body is not well-formed XML');
  }
  let document: unknown;
  try {
    document = xmlParser.parse(text);
  } catch {
    throw new CallbackRejectedError('malformed', 'callback body could not be parsed');
  }
  const root = isRecord(document) && Object.keys(document).length === 1 ? document.xml : undefined;
  if (!isRecord(root)) throw new CallbackRejectedError('malformed', 'callback XML has no <xml> root');
  return root;
}

/** One element whose text is CDATA; a `]]>` inside the value is split across two sections. */
export function cdataElement(name: string, value: string): string {
  return `<${name}><![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`;
}

/**
 * WXBizMsgCrypt for WeCom's callback server (§B10): verifies, checks freshness, decrypts and checks
 * the receiver of incoming callbacks, and seals outgoing ones for the sandbox.
 */
export class WeComCallbackCrypto {
  private readonly now: () => number;
  private readonly maxAgeSeconds: number;

  constructor(private readonly options: WeComCallbackCryptoOptions) {
    if (options.encodingAesKey.length !== 43 || Buffer.from(`${options.encodingAesKey}=`, 'base64').length !== 32) {
      throw new Error('WeCom EncodingAESKey must be 43 base64 characters');
    }
    if (!options.token || !options.receiveId) throw new Error('WeCom callback token and receiveId are required');
    this.now = options.now ?? Date.now;
    this.maxAgeSeconds = options.maxAgeSeconds ?? 300;
  }

  /** Answers URL verification: returns the plaintext to send back verbatim. */
  verifyUrl(query: UrlVerificationQuery): string {
    const signed = this.readQuery(query);
    return this.openCiphertext(signed, requireString(query.echostr, 'echostr'));
  }

  /** Verifies and decrypts an event POST; returns the plaintext event XML. */
  open(query: CallbackQuery, rawBody: string): string {
    const signed = this.readQuery(query);
    const envelope = readCallbackXml(rawBody);
    const encrypted = envelope.Encrypt;
    if (typeof encrypted !== 'string' || encrypted === '') {
      throw new CallbackRejectedError('malformed', 'callback envelope has no Encrypt');
    }
    return this.openCiphertext(signed, encrypted);
  }

  /** Encrypts and signs an event as WeCom would POST it. */
  seal(plaintextXml: string, options: SealOptions = {}): { query: SignedCallbackQuery; body: string } {
    const encrypted = encrypt(this.options.encodingAesKey, plaintextXml, this.options.receiveId, crypto.randomBytes(16));
    const query = this.sign(encrypted, options.timestamp, options.nonce);
    const body =
      '<xml>' +
      cdataElement('ToUserName', this.options.receiveId) +
      cdataElement('Encrypt', encrypted) +
      cdataElement('AgentID', options.agentId === undefined ? '' : String(options.agentId)) +
      '</xml>';
    return { query, body };
  }

  /** The query of a URL-verification GET whose echostr decrypts to `plain`. */
  sealEchostr(plain: string, timestamp?: string, nonce?: string): SignedCallbackQuery & { echostr: string } {
    const echostr = encrypt(this.options.encodingAesKey, plain, this.options.receiveId, crypto.randomBytes(16));
    return { ...this.sign(echostr, timestamp, nonce), echostr };
  }

  private sign(encrypted: string, timestamp?: string, nonce?: string): SignedCallbackQuery {
    const ts = timestamp ?? String(Math.floor(this.now() / 1000));
    const n = nonce ?? String(crypto.randomInt(1_000_000_000, 10_000_000_000));
    return { msg_signature: getSignature(this.options.token, ts, n, encrypted), timestamp: ts, nonce: n };
  }

  private readQuery(query: CallbackQuery): SignedCallbackQuery {
    const signed = {
      msg_signature: requireString(query.msg_signature, 'msg_signature'),
      timestamp: requireString(query.timestamp, 'timestamp'),
      nonce: requireString(query.nonce, 'nonce'),
    };
    if (!/^\d{1,12}$/.test(signed.timestamp)) throw new CallbackRejectedError('malformed', 'timestamp is not a number');
    return signed;
  }

  private openCiphertext(query: SignedCallbackQuery, encrypted: string): string {
    const expected = getSignature(this.options.token, query.timestamp, query.nonce, encrypted);
    if (!safeEqual(expected, query.msg_signature)) {
      throw new CallbackRejectedError('bad_signature', 'msg_signature does not match');
    }
    const ageSeconds = Math.abs(this.now() / 1000 - Number(query.timestamp));
    if (ageSeconds > this.maxAgeSeconds) {
      throw new CallbackRejectedError('stale_timestamp', `timestamp is ${Math.round(ageSeconds)} s away from now`);
    }
    const opened = this.decryptStrictly(encrypted);
    if (opened.id !== this.options.receiveId) {
      throw new CallbackRejectedError('bad_receiver', 'decrypted receiveid is not ours');
    }
    return opened.message;
  }

  /**
   * @wecom/crypto's decrypt throws only on some garbage: a pad byte outside 1..32 is silently kept, a length
   * field past the end yields a truncated message and an empty id, invalid UTF-8 becomes U+FFFD. Sealing the
   * result again must reproduce the exact ciphertext; that proves padding, length and encoding were all sound.
   */
  private decryptStrictly(encrypted: string): { message: string; id: string } {
    try {
      const opened = decrypt(this.options.encodingAesKey, encrypted);
      if (encrypt(this.options.encodingAesKey, opened.message, opened.id, opened.random) === encrypted) {
        return { message: opened.message, id: opened.id };
      }
    } catch {
      // Falls through to the rejection below.
    }
    throw new CallbackRejectedError('undecryptable', 'Encrypt is not a well-formed WXBizMsgCrypt ciphertext');
  }
}

function requireString(value: QueryValue, name: string): string {
  if (typeof value !== 'string' || value === '') throw new CallbackRejectedError('malformed', `${name} is missing`);
  return value;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
