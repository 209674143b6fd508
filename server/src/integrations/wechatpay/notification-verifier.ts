import { z } from 'zod';
import { decryptResource, ResourceDecryptionError } from './aes-gcm';
import { SignedMessageRejected, verifySignedMessage, type HeaderBag, type SignedMessageRejection } from './signed-message';
import type { WeChatPayVerificationKeys } from './verification-keys';
import { RefundResource, TransactionResource } from './wechatpay-resources';
import type { WeChatPayNotification } from './wechatpay-types';

export type WeChatPayNotificationRejection = SignedMessageRejection | 'undecryptable' | 'unsupported_event';

/** A notification we must not act on. Answer it with an error status so that WeChat Pay sends it again. */
export class WeChatPayNotificationRejected extends Error {
  constructor(
    readonly reason: WeChatPayNotificationRejection,
    message: string = reason,
  ) {
    super(message);
    this.name = 'WeChatPayNotificationRejected';
  }
}

const REFUND_EVENTS = ['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED'] as const;

const Envelope = z.object({
  id: z.string().min(1),
  event_type: z.string().min(1),
  resource_type: z.literal('encrypt-resource'),
  resource: z.object({
    algorithm: z.literal('AEAD_AES_256_GCM'),
    original_type: z.string().optional(),
    ciphertext: z.string().min(1),
    nonce: z.string(),
    associated_data: z.string().optional(),
  }),
});

export interface WeChatPayNotificationVerifierOptions {
  keys: WeChatPayVerificationKeys;
  /** The 32-character APIv3 key (APIv3密钥). */
  apiV3Key: string;
  /** Milliseconds since the epoch; the default clock when `verify` is given no `now`. */
  now?: () => number;
}

/**
 * Verifies a payment or refund notification POSTed to our notify_url (D4/D5), with our own code rather than
 * wechatpay-node-v3's (which has no public-key mode, no timestamp window and a GCM decrypt that never checks
 * the tag): the signature over the raw body with the key its serial names, the five-minute window, signature
 * probes, then the authenticated decryption of the resource.
 */
export class WeChatPayNotificationVerifier {
  private readonly now: () => number;

  constructor(private readonly options: WeChatPayNotificationVerifierOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Throws WeChatPayNotificationRejected; `rawBody` must be the bytes as received, never re-serialized JSON. */
  verify(headers: HeaderBag, rawBody: string, now?: Date): WeChatPayNotification {
    try {
      verifySignedMessage(this.options.keys, headers, rawBody, now?.getTime() ?? this.now());
    } catch (error) {
      if (error instanceof SignedMessageRejected) throw new WeChatPayNotificationRejected(error.reason, error.message);
      throw error;
    }
    const envelope = Envelope.safeParse(parseJson(rawBody));
    if (!envelope.success) throw new WeChatPayNotificationRejected('malformed', `not a notification envelope: ${envelope.error.issues[0]?.path.join('.')}`);
    const { id, event_type: eventType, resource } = envelope.data;
    let plaintext: string;
    try {
      plaintext = decryptResource({ ciphertext: resource.ciphertext, nonce: resource.nonce, associatedData: resource.associated_data ?? '' }, this.options.apiV3Key);
    } catch (error) {
      if (error instanceof ResourceDecryptionError) throw new WeChatPayNotificationRejected('undecryptable', error.message);
      throw error;
    }
    if (eventType === 'TRANSACTION.SUCCESS') return { id, eventType, transaction: parseResource(TransactionResource, plaintext) };
    const refundEvent = REFUND_EVENTS.find((event) => event === eventType);
    if (refundEvent) return { id, eventType: refundEvent, refund: parseResource(RefundResource, plaintext) };
    throw new WeChatPayNotificationRejected('unsupported_event', `event_type ${eventType} is not handled`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseResource<T>(schema: z.ZodType<T>, plaintext: string): T {
  const parsed = schema.safeParse(parseJson(plaintext));
  if (parsed.success) return parsed.data;
  throw new WeChatPayNotificationRejected('malformed', `decrypted resource lacks ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
}
