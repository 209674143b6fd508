// `npm run build`: type-check everything and build every front end.
import path from 'node:path';
import { buildFrontEnds, ensureDependencies, root, run } from './bootstrap.mjs';

try {
  ensureDependencies();
  run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-b']);
  buildFrontEnds({ force: true });
} catch (error) {
  console.error(`[zhike] ${error.message}`);
  process.exit(error.exitCode ?? 1);
}
