// Shared steps of `npm start`, `npm test` and `npm run build`: everything a fresh clone on a fresh
// machine needs, installed by the project itself. Node built-ins only: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
  console.log(`[zhike] ${message}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const error = new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

const newest = (dir, skip = /node_modules|dist|\.swc|\.cache/) => {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full, skip) : fs.statSync(full).mtimeMs);
  }
  return latest;
};

/** npm ci when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  log('Installing npm dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Builds the embedded database engine (FerretDB) once, unless a real MongoDB is configured. */
export function ensureDatabaseEngine() {
  if (process.env.MONGODB_URI) return;
  run(path.join(root, 'node_modules', '.bin', 'tsx'), ['server/src/platform/db/ensure-engine-binary.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const installed = (pkg) => spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed');

/** Debian Chromium and CJK fonts for the browser tests (without the fonts Chinese renders as boxes). */
export function ensureBrowser() {
  const missing = ['chromium', 'fonts-noto-cjk'].filter((pkg) => !installed(pkg));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Browser tests need Debian packages ${missing.join(', ')}: run \`sudo apt-get install -y ${missing.join(' ')}\``);
  }
  log(`Installing ${missing.join(', ')} from Debian…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const FRONT_ENDS = [
  { name: 'sidebar', sources: ['sidebar/src', 'sidebar/html', 'sidebar/vite.config.mts', 'shared/src'], output: 'sidebar/dist', scripts: ['build'] },
  { name: 'miniprogram', sources: ['miniprogram/src', 'miniprogram/config', 'miniprogram/babel.config.js', 'shared/src'], output: 'miniprogram/dist/h5', scripts: ['build:h5', 'build:weapp'] },
];

/** Builds a front end when its sources changed since its last build (or `force`). */
export function buildFrontEnds({ force = false } = {}) {
  for (const app of FRONT_ENDS) {
    const stamp = path.join(root, app.output, '.built-at');
    const builtAt = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
    const changedAt = Math.max(...app.sources.map((source) => {
      const full = path.join(root, source);
      if (!fs.existsSync(full)) return 0;
      return fs.statSync(full).isDirectory() ? newest(full) : fs.statSync(full).mtimeMs;
    }));
    if (!force && builtAt > changedAt) continue;
    for (const script of app.scripts) {
      log(`Building ${app.name} (${script})…`);
      run('npm', ['run', script, '--workspace', app.name], { env: { ...process.env, NODE_ENV: 'production' } });
    }
    fs.writeFileSync(stamp, new Date().toISOString());
  }
}

