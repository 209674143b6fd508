// `npm run bench:sync -w test`: a full WeCom contact sync against the sandbox — time and upstream calls.
// SYNC_CONTACTS sets the number of synthetic contacts (default 2,000; the target is 10,000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addSyntheticContacts } from '../../server/src/integrations/sandbox/world';
import { startEmbeddedEngine } from '../../server/src/platform/db/embedded-engine';

const CONTACTS = Number(process.env.SYNC_CONTACTS ?? 2_000);

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-bench-sync-'));
  const engine = process.env.MONGODB_URI ? undefined : await startEmbeddedEngine({ dataDir });
  process.env.ZHIKE_TEST_MONGODB_URI = process.env.MONGODB_URI ?? engine!.uri;
  const { createTestApp } = await import('../../server/src/testing/test-app');
  const app = await createTestApp('benchsync', { LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  await app.services.staff.syncDirectory();
  addSyntheticContacts(app.sandbox.world, CONTACTS, 42);
  const pairs = app.sandbox.world.contacts.reduce((sum, contact) => sum + contact.follows.length, 0);
  const callsBefore = app.sandbox.wecom.calls.length;

  const report = await app.services.contactSync.fullSync();
  const upstreamCalls = app.sandbox.wecom.calls.length - callsBefore;
  console.log(`contacts ${app.sandbox.world.contacts.length}, (customer, member) pairs ${pairs}`);
  console.log(`full sync: ${report.seconds.toFixed(1)} s, ${report.pages} pages, ${upstreamCalls} upstream calls, ${(report.pairs / report.seconds).toFixed(0)} pairs/s`);
  const again = await app.services.contactSync.fullSync();
  console.log(`second run (nothing changed): ${again.seconds.toFixed(1)} s`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, database ${engine ? 'embedded FerretDB (SQLite)' : 'MONGODB_URI'}`);

  await app.close();
  await engine?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
