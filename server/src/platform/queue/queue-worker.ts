import type { Logger } from '../logging/logger';
import type { QueueMessage, QueueRepository } from './queue.repository';

/** Thrown by a handler when retrying cannot help (the upstream refused for good): the message stops, with its reason kept. */
export class PermanentFailure extends Error {}

export interface QueueWorkerOptions {
  topic: string;
  handle(payload: unknown, message: QueueMessage): Promise<void>;
  log: Logger;
  leaseMs?: number;
  maxAttempts?: number;
  now?: () => Date;
}

/**
 * Drains one topic: each message is leased, handled, then marked processed. A failure is retried with
 * exponential backoff until maxAttempts, then marked failed; a PermanentFailure fails at once. drain()
 * runs right after a message is enqueued and on a timer, so messages left by a crash are picked up too.
 */
export class QueueWorker {
  private draining: Promise<number> | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly queue: QueueRepository,
    private readonly options: QueueWorkerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Handles every message available now; concurrent calls share one drain. Resolves to how many were handled. */
  drain(): Promise<number> {
    this.draining ??= this.drainAll().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  start(intervalMs: number): () => void {
    const timer = setInterval(() => void this.drain().catch((error) => this.options.log.error({ err: error }, 'queue drain failed')), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async drainAll(): Promise<number> {
    const { topic, leaseMs = 30_000, maxAttempts = 8 } = this.options;
    let handled = 0;
    for (;;) {
      const message = await this.queue.lease(topic, this.now(), leaseMs);
      if (!message) return handled;
      try {
        await this.options.handle(JSON.parse(message.payload), message);
        await this.queue.markProcessed(message.id, this.now());
        handled++;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentFailure || message.attempts >= maxAttempts) {
          this.options.log.error({ err: error, topic, key: message.key, attempts: message.attempts }, 'queue message failed permanently');
          await this.queue.markFailed(message.id, reason, this.now());
        } else {
          const retryInMs = Math.min(60 * 60_000, 2 ** message.attempts * 1_000);
          this.options.log.warn({ err: error, topic, key: message.key, attempts: message.attempts }, 'queue message failed; will retry');
          await this.queue.scheduleRetry(message.id, reason, new Date(this.now().getTime() + retryInMs));
        }
      }
    }
  }
}
