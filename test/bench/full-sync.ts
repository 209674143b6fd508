// `npm run bench:sync -w test`: a full WeCom contact sync against the sandbox — time and upstream calls.
// SYNC_CONTACTS sets the number of synthetic contacts (default 2,000; the target is 10,000).
import { addSyntheticContacts } from '../../server/src/integrations/sandbox/world';
import { machineLine, startBenchApp } from './bench-app';

const CONTACTS = Number(process.env.SYNC_CONTACTS ?? 2_000);

async function main(): Promise<void> {
  const { app, engineLabel, stop } = await startBenchApp('sync');
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
  console.log(machineLine(engineLabel));
  await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
