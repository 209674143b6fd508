import fs from 'node:fs';
import type { EmbeddedEngine } from './src/platform/db/embedded-engine';

export default async function globalTeardown(): Promise<void> {
  const engine = (globalThis as { __zhikeEngine?: EmbeddedEngine }).__zhikeEngine;
  if (!engine) return;
  await engine.stop();
  fs.rmSync(engine.dataDir, { recursive: true, force: true });
}
