import { PassThrough } from 'node:stream';

/** Proxies drop idle connections after a minute or so; a comment line every 15 s keeps the stream open. */
export const HEARTBEAT_MS = 15_000;

/**
 * A text/event-stream body: `send` writes one event, a heartbeat comment keeps it alive, and `onClose` runs
 * once when the client goes away (Koa destroys the body stream when the response closes).
 */
export class EventStream {
  readonly body = new PassThrough();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private closed = false;
  private readonly closers: (() => void)[] = [];

  constructor(heartbeatMs = HEARTBEAT_MS) {
    // Tell EventSource to retry after 3 s when the connection drops; then open with a comment so
    // proxies and the browser see bytes at once.
    this.body.write('retry: 3000\n: connected\n\n');
    this.heartbeat = setInterval(() => this.body.write(': heartbeat\n\n'), heartbeatMs);
    this.heartbeat.unref?.();
    const close = () => this.close();
    this.body.once('close', close);
    this.body.once('error', close);
  }

  send(event: string, data: unknown): void {
    if (this.closed) return;
    this.body.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  onClose(closer: () => void): void {
    if (this.closed) closer();
    else this.closers.push(closer);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const closer of this.closers.splice(0)) closer();
    if (!this.body.destroyed) this.body.end();
  }
}
