import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '../repo-root';

/**
 * The embedded engine is FerretDB (SQLite backend) built from `server/tools/ferretdb` with the
 * machine's Go toolchain the first time it is needed. The binary's name carries a hash of the
 * tools module, so a version bump rebuilds and an unchanged module is reused.
 */
export class EngineUnavailableError extends Error {}

const INSTALL_HINT =
  'The embedded database needs Go >= 1.24 to build FerretDB once (Debian: apt-get install golang-go, ' +
  'or https://go.dev/dl/). Alternatively set MONGODB_URI to a MongoDB deployment, e.g. mongodb://127.0.0.1:27017/zhike.';

export function engineBinaryPath(repoRoot = findRepoRoot()): string {
  const toolsModule = path.join(repoRoot, 'server', 'tools', 'ferretdb');
  const hash = crypto.createHash('sha256');
  for (const file of ['go.mod', 'go.sum', 'main.go']) hash.update(fs.readFileSync(path.join(toolsModule, file)));
  return path.join(repoRoot, '.tools', 'bin', `zhike-ferretdb-${hash.digest('hex').slice(0, 12)}`);
}

function goToolchain(): string {
  const probe = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new EngineUnavailableError(`Go was not found on PATH. ${INSTALL_HINT}`);
  return 'go';
}

/** Returns the engine binary, building it when missing. Safe when several processes race. */
export function ensureEngineBinary(log: (line: string) => void = () => {}): string {
  const repoRoot = findRepoRoot();
  const binary = engineBinaryPath(repoRoot);
  if (fs.existsSync(binary)) return binary;

  const go = goToolchain();
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  log(`Building the embedded database engine (FerretDB) into ${path.relative(repoRoot, binary)} — first run only, about a minute`);
  try {
    execFileSync(go, ['build', '-trimpath', '-o', partial, '.'], {
      cwd: path.join(repoRoot, 'server', 'tools', 'ferretdb'),
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' },
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new EngineUnavailableError(`Building FerretDB failed:\n${stderr.trim()}\n${INSTALL_HINT}`);
  }
  // rename is atomic: a concurrent builder either sees no binary or a complete one.
  fs.renameSync(partial, binary);
  return binary;
}
