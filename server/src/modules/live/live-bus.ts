/** A timeline entry as it travels on the bus: plain JSON, so a Redis or pub/sub bus can carry it unchanged. */
export interface LiveTimelineRecord {
  id: string;
  corpId: string;
  kind: string;
  at: string;
  actorUserid?: string;
  data: Record<string, unknown>;
  text?: string;
}

/** What is said about one customer, to whoever watches them right now. */
export type LiveMessage =
  | { type: 'viewing'; customerId: string; title: string; page: string; at: string }
  | { type: 'timeline'; customerId: string; record: LiveTimelineRecord };

export type LiveListener = (message: LiveMessage) => void;

/**
 * Publish/subscribe by customer. The in-process bus below serves one instance; a second instance needs a
 * bus over Redis (PUBLISH on `live:<customerId>`) or a cloud pub/sub with this same interface — publishers
 * and the SSE route do not change.
 */
export interface LiveBus {
  publish(message: LiveMessage): void;
  /** Returns the unsubscribe function; call it when the stream closes. */
  subscribe(customerId: string, listener: LiveListener): () => void;
}

export class InProcessLiveBus implements LiveBus {
  private readonly listeners = new Map<string, Set<LiveListener>>();

  publish(message: LiveMessage): void {
    for (const listener of this.listeners.get(message.customerId) ?? []) {
      // One broken stream must not keep the message from the others, nor fail the ingestion that published it.
      try {
        listener(message);
      } catch {
        // the stream's own close handling cleans it up
      }
    }
  }

  subscribe(customerId: string, listener: LiveListener): () => void {
    const set = this.listeners.get(customerId) ?? new Set<LiveListener>();
    set.add(listener);
    this.listeners.set(customerId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(customerId) === set) this.listeners.delete(customerId);
    };
  }

  /** For tests and metrics: how many streams watch this customer. */
  subscriberCount(customerId: string): number {
    return this.listeners.get(customerId)?.size ?? 0;
  }
}
