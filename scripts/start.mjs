// `npm start`: install what is missing, build the front ends if they changed, then run the server.
// With no configuration this is demo mode: embedded database, sandbox upstreams, demo console.
import path from 'node:path';
import { buildFrontEnds, ensureDatabaseEngine, ensureDependencies, log, root, run } from './bootstrap.mjs';

try {
  ensureDependencies();
  ensureDatabaseEngine();
  buildFrontEnds();
  log('Starting the server…');
  run(path.join(root, 'node_modules', '.bin', 'tsx'), ['server/src/main.ts'], { env: { NODE_ENV: 'production', ...process.env } });
} catch (error) {
  console.error(`[zhike] ${error.message}`);
  process.exit(error.exitCode ?? 1);
}
