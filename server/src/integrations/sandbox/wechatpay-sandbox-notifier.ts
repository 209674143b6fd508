import crypto from 'node:crypto';
import { encryptResource } from '../wechatpay/aes-gcm';
import { rfc3339Beijing } from '../wechatpay/signature';
import type { SignatureDistortion } from './wechatpay-sandbox-signing';

export type SandboxNotificationEvent = 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS' | 'REFUND.ABNORMAL' | 'REFUND.CLOSED';

/**
 * WeChat Pay's retry schedule after a failed or timed-out notification (D5): 15 more attempts over 24h4m.
 * Scaled down in tests by the notifier's `scheduleScale`.
 */
export const WECHATPAY_NOTIFY_RETRY_DELAYS_MS = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10_800, 10_800, 10_800, 21_600, 21_600].map((s) => s * 1000);

const SUMMARY: Record<SandboxNotificationEvent, string> = {
  'TRANSACTION.SUCCESS': '支付成功',
  'REFUND.SUCCESS': '退款成功',
  'REFUND.ABNORMAL': '退款异常',
  'REFUND.CLOSED': '退款关闭',
};

export type DeliveryStatus = number | 'timeout' | 'unreachable';

/** How the sandbox reaches a notify_url: fetch by default; tests may route it into an app that does not listen. */
export type NotificationTransport = (url: string, request: { headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<DeliveryStatus>;

export const fetchTransport: NotificationTransport = async (url, { headers, body, timeoutMs }) => {
  try {
    const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  } catch (error) {
    return (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
  }
};

export interface NotificationDelivery {
  id: string;
  eventType: SandboxNotificationEvent;
  url: string;
  /** out_trade_no or out_refund_no. */
  subject: string;
  /** A WECHATPAY/SIGNTEST/ probe: sent once, expected to be refused. */
  probe: boolean;
  attempts: { at: number; status: DeliveryStatus }[];
  outcome: 'pending' | 'delivered' | 'gave-up' | 'stopped';
}

export interface NotifierOptions {
  apiV3Key: string;
  /** The Wechatpay-* headers over a body (signed anew for every attempt, as each is a new request). */
  sign: (body: string, distortion?: SignatureDistortion) => Record<string, string>;
  /** Milliseconds; create_time comes from it. */
  now: () => number;
  /** 1 in the demo; e.g. 0.001 in tests, turning 15 s into 15 ms. */
  scheduleScale: number;
  /** WeChat Pay waits 5 s for an answer. */
  timeoutMs: number;
}

/** Sends notifications the way WeChat Pay does: encrypted resource, signed, retried on its schedule until 200/204. */
export class WeChatPaySandboxNotifier {
  readonly deliveries: NotificationDelivery[] = [];
  transport: NotificationTransport = fetchTransport;
  private readonly waits = new Set<{ timer: NodeJS.Timeout; resolve: (go: boolean) => void }>();
  private stopped = false;

  constructor(private readonly options: NotifierOptions) {}

  /** Resolves when the notification was acknowledged, given up on, or the sandbox stopped. */
  send(input: { url: string; eventType: SandboxNotificationEvent; subject: string; resource: Record<string, unknown>; probe?: boolean }): Promise<NotificationDelivery> {
    const originalType = input.eventType === 'TRANSACTION.SUCCESS' ? 'transaction' : 'refund';
    const id = crypto.randomUUID();
    const body = JSON.stringify({
      id,
      create_time: rfc3339Beijing(new Date(this.options.now())),
      resource_type: 'encrypt-resource',
      event_type: input.eventType,
      summary: SUMMARY[input.eventType],
      resource: { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ...wire(encryptResource(JSON.stringify(input.resource), this.options.apiV3Key, originalType)) },
    });
    const delivery: NotificationDelivery = { id, eventType: input.eventType, url: input.url, subject: input.subject, probe: input.probe ?? false, attempts: [], outcome: 'pending' };
    this.deliveries.push(delivery);
    return this.run(delivery, body);
  }

  /** Cancels every pending retry (tests and shutdown). */
  stop(): void {
    this.stopped = true;
    for (const wait of this.waits) {
      clearTimeout(wait.timer);
      wait.resolve(false);
    }
    this.waits.clear();
  }

  private async run(delivery: NotificationDelivery, body: string): Promise<NotificationDelivery> {
    const delays = delivery.probe ? [] : WECHATPAY_NOTIFY_RETRY_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      const headers = { 'Content-Type': 'application/json', ...this.options.sign(body, delivery.probe ? { kind: 'probe' } : undefined) };
      const status = await this.transport(delivery.url, { headers, body, timeoutMs: this.options.timeoutMs });
      delivery.attempts.push({ at: Date.now(), status });
      if (status === 200 || status === 204) return Object.assign(delivery, { outcome: 'delivered' as const });
      const delay = delays[attempt];
      if (delay === undefined) return Object.assign(delivery, { outcome: 'gave-up' as const });
      if (this.stopped || !(await this.wait(delay * this.options.scheduleScale))) return Object.assign(delivery, { outcome: 'stopped' as const });
    }
  }

  private wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.waits.delete(entry);
          resolve(true);
        }, ms).unref(),
        resolve,
      };
      this.waits.add(entry);
    });
  }
}

function wire(resource: { ciphertext: string; nonce: string; associatedData: string }) {
  return { ciphertext: resource.ciphertext, associated_data: resource.associatedData, nonce: resource.nonce };
}
