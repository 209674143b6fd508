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

/** Our one addition to FerretDB's sources (see the file): nested-path pushdown for the PostgreSQL handler. */
const NESTED_PUSHDOWN_SOURCE = path.join('overlay', 'registry_nested_pushdown.go.in');

/**
 * Our two edits of FerretDB's own code (SQLite backend), both about finding a document by `_id`:
 * - Its `_id` lookups name the column `_ferretdb_sjson->'$._id'`, but the unique `_id_` index every collection
 *   gets is built on `_ferretdb_sjson->"_id"`, and SQLite uses an expression index only for the same expression.
 *   So every lookup by `_id`, and the `UPDATE … WHERE` and `DELETE … WHERE` of every write, scanned the table.
 *   Naming it as the index does turns each into an index search.
 * - It narrows a query in SQLite only when the filter is `_id` alone; any other filter decodes the whole
 *   collection in Go, so a compare-and-set on `{ _id, version }` read every journey of its bucket. The edit narrows
 *   any filter naming a plain `_id` the same way. That is safe because the handler applies the whole filter again
 *   to what the backend returns (find, count, distinct, update, delete, findAndModify, $match): the backend only has
 *   to let through every match, which the document with that `_id` does.
 * `occurrences`: how many times `from` must be found (else the FerretDB version differs and the build stops).
 */
const FERRETDB_EDITS = [
  {
    file: path.join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go'),
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: 'IDColumn = DefaultColumn + `->"_id"`',
    occurrences: 1,
  },
  {
    file: path.join('internal', 'backends', 'sqlite', 'collection.go'),
    from: '\tif params.Filter.Len() == 1 {\n\t\tv, _ := params.Filter.Get("_id")',
    to: '\tif params.Filter.Len() >= 1 {\n\t\tv, _ := params.Filter.Get("_id")',
    occurrences: 2, // Query and Explain
  },
];

export function engineBinaryPath(repoRoot = findRepoRoot()): string {
  const toolsModule = path.join(repoRoot, 'server', 'tools', 'ferretdb');
  const hash = crypto.createHash('sha256');
  for (const file of ['go.mod', 'go.sum', 'main.go', 'postgresql.go', NESTED_PUSHDOWN_SOURCE]) hash.update(fs.readFileSync(path.join(toolsModule, file)));
  hash.update(JSON.stringify(FERRETDB_EDITS));
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
  const toolsModule = path.join(repoRoot, 'server', 'tools', 'ferretdb');
  const env = { ...process.env, GOFLAGS: '-mod=mod', CGO_ENABLED: '0' };
  const workDir = fs.mkdtempSync(path.join(path.dirname(binary), 'build-'));
  try {
    const modfile = patchedFerretDB(go, toolsModule, workDir, env);
    execFileSync(go, ['build', '-trimpath', `-modfile=${modfile}`, '-o', partial, '.'], { cwd: toolsModule, stdio: ['ignore', 'ignore', 'pipe'], env });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new EngineUnavailableError(`Building FerretDB failed:\n${stderr.trim()}\n${INSTALL_HINT}`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  // rename is atomic: a concurrent builder either sees no binary or a complete one.
  fs.renameSync(partial, binary);
  return binary;
}

/** Replaces `from` by `to` in a source file of the copy; refuses when the file does not read as expected (another FerretDB version). */
function editSource(copy: string, edit: (typeof FERRETDB_EDITS)[number]): void {
  const file = path.join(copy, edit.file);
  const source = fs.readFileSync(file, 'utf8');
  const found = source.split(edit.from).length - 1;
  if (found !== edit.occurrences) throw new Error(`${edit.file}: expected ${edit.occurrences} × ${JSON.stringify(edit.from)}, found ${found}`);
  fs.chmodSync(file, 0o644);
  fs.writeFileSync(file, source.replaceAll(edit.from, edit.to));
}

/**
 * Go refuses to overlay files of the module cache, so the build uses a copy of FerretDB's module (3.4 MB)
 * with our one file added and our edits made, through a go.mod copy that replaces the module by it. The
 * tools module's own go.mod and go.sum stay as they are.
 */
function patchedFerretDB(go: string, toolsModule: string, workDir: string, env: NodeJS.ProcessEnv): string {
  const opts = { cwd: toolsModule, encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], env };
  execFileSync(go, ['mod', 'download', 'github.com/FerretDB/FerretDB'], opts);
  const upstream = execFileSync(go, ['list', '-m', '-f', '{{.Dir}}', 'github.com/FerretDB/FerretDB'], opts).trim();
  const copy = path.join(workDir, 'FerretDB');
  fs.cpSync(upstream, copy, { recursive: true });
  // The module cache is read-only; its copy's folders must be writable to add our file and to be removed.
  for (const dir of [copy, ...fs.readdirSync(copy, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name))]) {
    fs.chmodSync(dir, 0o755);
  }
  for (const edit of FERRETDB_EDITS) editSource(copy, edit);
  const registryDir = path.join(copy, 'internal', 'handler', 'registry');
  // The name sorts after postgresql.go: Go runs a package's init functions in file-name order.
  fs.copyFileSync(path.join(toolsModule, NESTED_PUSHDOWN_SOURCE), path.join(registryDir, 'zz_zhike_nested_pushdown.go'));
  const modfile = path.join(workDir, 'build.mod');
  fs.writeFileSync(modfile, `${fs.readFileSync(path.join(toolsModule, 'go.mod'), 'utf8')}\nreplace github.com/FerretDB/FerretDB => ${copy}\n`);
  fs.copyFileSync(path.join(toolsModule, 'go.sum'), path.join(workDir, 'build.sum'));
  return modfile;
}
