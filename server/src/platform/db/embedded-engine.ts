import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureEngineBinary } from './engine-binary';

export interface EmbeddedEngine {
  /** mongodb:// URI without a database name. */
  uri: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function waitForReady(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Embedded database did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.once('exit', (code) => fail(new Error(`Embedded database exited with code ${code}:\n${output}`)));
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('msg=ready')) return;
      const probe = net.connect(port, '127.0.0.1', () => {
        probe.end();
        clearTimeout(timer);
        child.stderr?.removeAllListeners('data');
        child.removeAllListeners('exit');
        resolve();
      });
      probe.once('error', fail);
    });
  });
}

/**
 * Starts FerretDB on a free loopback port, persisting under `dataDir`. The child is stopped when this
 * process exits, so a crashed test run never leaves an engine behind.
 */
export async function startEmbeddedEngine(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /**
   * Opt-in (benchmarks at scale): store in this PostgreSQL database through FerretDB's PostgreSQL backend
   * instead of SQLite files under dataDir. The role must be a superuser (see server/tools/ferretdb/postgresql.go).
   */
  postgresqlUrl?: string;
}): Promise<EmbeddedEngine> {
  const binary = ensureEngineBinary(options.log);
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  // WAL (FerretDB's default) with synchronous=NORMAL: commits survive a crash of the process, and no longer
  // wait for an fsync each, which made every write cost several milliseconds. Power loss may drop the last commits.
  const sqliteUrl = `file:${dataDir}/?_pragma=synchronous(normal)`;
  const storage = options.postgresqlUrl ? `--postgresql-url=${options.postgresqlUrl}` : `--sqlite-url=${sqliteUrl}`;
  const child = spawn(binary, [`--listen-addr=127.0.0.1:${port}`, storage, '--log-level=warn'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  await waitForReady(child, port, 30_000);
  child.stderr?.resume();

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
