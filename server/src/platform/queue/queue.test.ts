import pino from 'pino';
import { ensureIndexes } from '../db/database';
import { openTestDatabase } from '../../testing/test-database';
import { PermanentFailure, QueueWorker } from './queue-worker';
import { QueueRepository } from './queue.repository';

describe('durable queue (outbox/inbox) on the real engine', () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let queue: QueueRepository;
  let clock: Date;
  const log = pino({ level: 'silent' });
  const worker = (handle: (payload: unknown) => Promise<void>, topic = 'test') =>
    new QueueWorker(queue, { topic, handle, log, leaseMs: 30_000, maxAttempts: 3, now: () => clock });

  beforeAll(async () => {
    db = await openTestDatabase('queue');
    queue = new QueueRepository(db.connection, 'outbox');
    await ensureIndexes(db.connection);
  });
  afterAll(() => db.drop());
  beforeEach(() => {
    clock = new Date('2026-11-25T00:00:00Z');
  });

  it('stores a message once per key, and handles it once', async () => {
    expect(await queue.enqueue('once', 'k1', { n: 1 }, clock)).toBe(true);
    expect(await queue.enqueue('once', 'k1', { n: 1 }, clock)).toBe(false);
    const seen: unknown[] = [];
    const drainer = worker(async (payload) => void seen.push(payload), 'once');
    expect(await drainer.drain()).toBe(1);
    expect(await drainer.drain()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    expect((await queue.findByKey('once', 'k1'))?.processedAt).toEqual(clock);
  });

  it('retries a failing handler after its backoff, then succeeds', async () => {
    await queue.enqueue('retry', 'k2', { n: 2 }, clock);
    let calls = 0;
    const drainer = worker(async () => {
      calls++;
      if (calls === 1) throw new Error('WeCom busy');
    }, 'retry');
    expect(await drainer.drain()).toBe(0);
    expect(await drainer.drain()).toBe(0); // still waiting out its backoff (2 s)
    clock = new Date(clock.getTime() + 2_500);
    expect(await drainer.drain()).toBe(1);
    expect(calls).toBe(2);
  });

  it('stops at a permanent failure and keeps the reason', async () => {
    await queue.enqueue('permanent', 'k3', {}, clock);
    await worker(async () => {
      throw new PermanentFailure('errcode 40068 invalid tagid');
    }, 'permanent').drain();
    const message = await queue.findByKey('permanent', 'k3');
    expect(message?.failedAt).toEqual(clock);
    expect(message?.lastError).toBe('errcode 40068 invalid tagid');
    expect(await queue.countPending('permanent')).toBe(0);
  });

  it('survives a crash mid-handling: another worker takes the message once the lease lapses', async () => {
    await queue.enqueue('crash', 'k4', { n: 4 }, clock);
    const leased = await queue.lease('crash', clock, 30_000); // a worker took it, then the process died
    expect(leased?.key).toBe('k4');
    const seen: unknown[] = [];
    const survivor = worker(async (payload) => void seen.push(payload), 'crash');
    expect(await survivor.drain()).toBe(0);
    clock = new Date(clock.getTime() + 31_000);
    expect(await survivor.drain()).toBe(1);
    expect(seen).toEqual([{ n: 4 }]);
  });

  it('gives up after maxAttempts', async () => {
    await queue.enqueue('giveup', 'k5', {}, clock);
    const drainer = worker(async () => {
      throw new Error('still down');
    }, 'giveup');
    for (let i = 0; i < 3; i++) {
      await drainer.drain();
      clock = new Date(clock.getTime() + 60 * 60_000);
    }
    expect((await queue.findByKey('giveup', 'k5'))?.failedAt).toBeDefined();
  });
});
