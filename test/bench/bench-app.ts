import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedEngine } from '../../server/src/platform/db/embedded-engine';
import type { TestApp } from '../../server/src/testing/test-app';

/**
 * The real app over the sandbox upstreams, on the embedded engine (or MONGODB_URI), for a benchmark.
 * BENCH_POSTGRESQL_URL (opt-in) runs the embedded engine on FerretDB's PostgreSQL backend instead of SQLite,
 * still with one connection (see database.ts: FerretDB's updates need it, whatever the backend).
 */
export async function startBenchApp(label: string): Promise<{ app: TestApp; engineLabel: string; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `zhike-bench-${label}-`));
  const postgresqlUrl = process.env.BENCH_POSTGRESQL_URL || undefined;
  const engine = process.env.MONGODB_URI ? undefined : await startEmbeddedEngine({ dataDir, ...(postgresqlUrl ? { postgresqlUrl } : {}) });
  process.env.ZHIKE_TEST_MONGODB_URI = process.env.MONGODB_URI ?? engine!.uri;
  // BENCH_DB_POOL=driver: the driver's default pool on the embedded engine too (test-database.ts pools when
  // MONGODB_URI is set). Only for read-path benchmarks: FerretDB's conditional updates are not atomic across
  // connections, so the app itself never runs it that way.
  const pooled = Boolean(engine) && process.env.BENCH_DB_POOL === 'driver';
  if (pooled) process.env.MONGODB_URI = engine!.uri;
  // Imported after the URI is set: the test app opens its database from it.
  const { createTestApp } = await import('../../server/src/testing/test-app');
  const app = await createTestApp(label, { LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const backend = postgresqlUrl ? 'PostgreSQL with GIN twins' : 'SQLite';
  return {
    app,
    engineLabel: engine ? `embedded FerretDB 1.24 (${backend}), ${pooled ? "the driver's pool (read path only)" : 'one connection'}` : 'MONGODB_URI',
    stop: async () => {
      await app.close();
      await engine?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function machineLine(engineLabel: string): string {
  return `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, database ${engineLabel}`;
}
