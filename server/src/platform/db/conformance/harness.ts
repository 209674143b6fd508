import { spawn } from 'node:child_process';
import net from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import { openTestDatabase, testEngineUri } from '../../../testing/test-database';
import { ensureEngineBinary } from '../engine-binary';
import { isDuplicateKeyError } from '../records';

/**
 * Shared plumbing of the database conformance suite (`../conformance.*.test.ts`).
 *
 * The suite runs against whichever engine jest was given: the embedded FerretDB 1.24.2 (SQLite backend)
 * or the MongoDB in `MONGODB_URI`. Where the two differ, tests pin both behaviours with `byEngine`, so a
 * FerretDB upgrade that fixes (or breaks) something makes the suite fail and the README list gets updated.
 */
export type EngineKind = 'ferretdb' | 'mongodb';

export interface ConformanceDb {
  engine: EngineKind;
  /**
   * The connection configured the way the app must use the engine. FerretDB 1.24 applies every update as
   * "read the document, compute the change in Go, write the whole document back" without re-checking the
   * filter, so two connections updating the same document race (lost `$inc`s, two winners of a
   * conditional update). One connection (`maxPoolSize: 1`) makes the engine see one command at a time,
   * which restores single-document atomicity. On MongoDB this is the driver's default pool.
   */
  app: Connection;
  /** The driver's default pool (up to 100 connections): what `connectMongoose` opens for a real MongoDB. */
  pooled: Connection;
  drop(): Promise<void>;
}

export async function detectEngine(connection: Connection): Promise<EngineKind> {
  const info = await connection.db!.command({ buildInfo: 1 });
  return 'ferretdbVersion' in info ? 'ferretdb' : 'mongodb';
}

/** A fresh database on the configured engine, reached through both connection shapes. */
export async function openConformanceDb(label: string): Promise<ConformanceDb> {
  const test = await openTestDatabase(`conf${label}`);
  const engine = await detectEngine(test.connection);
  // openTestDatabase connects the way the app does (one connection on the embedded engine); open the
  // driver's default pool beside it to show what that setting protects against.
  const pooled = await mongoose
    .createConnection(testEngineUri(), { dbName: test.connection.name, serverSelectionTimeoutMS: 5_000, autoIndex: false, autoCreate: true })
    .asPromise();
  return {
    engine,
    app: test.connection,
    pooled,
    drop: async () => {
      await pooled.close();
      await test.drop();
    },
  };
}

/** Picks the hand-written expectation for the engine under test. */
export function byEngine<T>(engine: EngineKind, expected: Record<EngineKind, T>): T {
  return expected[engine];
}

/** Starts `n` operations at once (all before the first one can finish) and waits for every outcome. */
export function race<T>(n: number, op: (i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  return Promise.allSettled(Array.from({ length: n }, (_, i) => op(i)));
}

export function fulfilled<T>(results: PromiseSettledResult<T>[]): T[] {
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

export function rejected<T>(results: PromiseSettledResult<T>[]): unknown[] {
  return results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
}

/** What the app does around an upsert on a unique key: a concurrent insert of the same key wins, so retry (now as an update). */
export async function retryOnDuplicateKey<T>(op: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= attempts) throw error;
    }
  }
}

/** Awaits a write that a unique index must refuse and returns the error for further checks. */
export async function duplicateKeyError(write: Promise<unknown>): Promise<{ code: number; message: string; keyPattern?: unknown; keyValue?: unknown }> {
  const error = await write.then(
    () => {
      throw new Error('expected an E11000 duplicate key error, but the write succeeded');
    },
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: 11000 });
  const e = error as { code: number; message: string; keyPattern?: unknown; keyValue?: unknown };
  expect(e.message).toMatch(/^E11000 duplicate key error collection: /);
  return e;
}

/**
 * Starts the embedded engine's binary directly (same flags as `startEmbeddedEngine`, which does not expose its
 * child process) so that a test can kill it with SIGKILL, as an OOM killer would, instead of stopping it gracefully.
 * (A power cut is not simulated: with synchronous=NORMAL it may drop the last commits.)
 */
export async function spawnEngineToCrash(dataDir: string): Promise<{ uri: string; crash(): Promise<void> }> {
  const binary = ensureEngineBinary();
  const port = await new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as net.AddressInfo;
      server.close(() => resolve(free));
    });
  });
  // Same SQLite settings as startEmbeddedEngine (WAL, synchronous=NORMAL): keep the two in step.
  const sqliteUrl = `file:${dataDir}/?_pragma=synchronous(normal)`;
  const child = spawn(binary, [`--listen-addr=127.0.0.1:${port}`, `--sqlite-url=${sqliteUrl}`, '--log-level=warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`engine did not start:\n${output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`engine exited with ${code}:\n${output}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('msg=ready')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    crash: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
