// `npm test`: every test of every package, on a fresh clone of a fresh machine. It installs what it
// needs (npm packages, the embedded database engine, Debian Chromium + CJK fonts), type-checks, builds
// the front ends the browser tests load, then runs one jest over all workspaces.
import fs from 'node:fs';
import path from 'node:path';
import { buildFrontEnds, ensureBrowser, ensureDatabaseEngine, ensureDependencies, log, root, run } from './bootstrap.mjs';

const results = path.join(root, '.cache', 'jest-results.json');

try {
  ensureDependencies();
  ensureDatabaseEngine();
  ensureBrowser();
  log('Type-checking (tsc -b)…');
  run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-b']);
  buildFrontEnds();
  fs.mkdirSync(path.dirname(results), { recursive: true });
  fs.rmSync(results, { force: true });
  log('Running jest across shared, server, sidebar, miniprogram and test…');
  let failure;
  try {
    run(path.join(root, 'node_modules', '.bin', 'jest'), ['--json', `--outputFile=${results}`, ...process.argv.slice(2)]);
  } catch (error) {
    failure = error;
  }
  if (fs.existsSync(results)) {
    const summary = JSON.parse(fs.readFileSync(results, 'utf8'));
    console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
  }
  if (failure) throw failure;
} catch (error) {
  console.error(`[zhike] ${error.message}`);
  process.exit(error.exitCode ?? 1);
}
