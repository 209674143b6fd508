import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedEngine } from '../../server/src/platform/db/embedded-engine';
import type { TestApp } from '../../server/src/testing/test-app';

/** The real app over the sandbox upstreams, on the embedded engine (or MONGODB_URI), for a benchmark. */
export async function startBenchApp(label: string): Promise<{ app: TestApp; engineLabel: string; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `zhike-bench-${label}-`));
  const engine = process.env.MONGODB_URI ? undefined : await startEmbeddedEngine({ dataDir });
  process.env.ZHIKE_TEST_MONGODB_URI = process.env.MONGODB_URI ?? engine!.uri;
  // Imported after the URI is set: the test app opens its database from it.
  const { createTestApp } = await import('../../server/src/testing/test-app');
  const app = await createTestApp(label, { LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  return {
    app,
    engineLabel: engine ? 'embedded FerretDB (SQLite), one connection' : 'MONGODB_URI',
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
