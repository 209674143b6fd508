import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startEmbeddedEngine } from './src/platform/db/embedded-engine';

// One engine for the whole run; each test file opens its own database on it.
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.ZHIKE_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-test-db-'));
  const engine = await startEmbeddedEngine({ dataDir, log: (line) => console.log(line) });
  process.env.ZHIKE_TEST_MONGODB_URI = engine.uri;
  (globalThis as { __zhikeEngine?: typeof engine }).__zhikeEngine = engine;
}
