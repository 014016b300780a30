// @ts-check
/**
 * Builds the `collate` program ahead of time, so it starts without compiling TypeScript: esbuild bundles
 * server/cli/bin.ts and what it imports from server/ and core/ into dist/collate.js, and each command's
 * code into a chunk beside it that loads only when that command runs (`collate --help` loads no npm
 * package: not express, zod nor the store). npm packages are not bundled; they load from node_modules
 * at run time.
 *
 * `node scripts/build-cli.mjs` builds (npm install runs it as `prepare`); with `--if-stale` it builds only
 * when the build is missing or a file it was made from changed since (esbuild's metafile lists them), as
 * `npm start`, `npm run cli` and the tests ask. The files stay flat in dist/: server/config.ts takes the
 * parent of the folder its code runs from as the project root.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** The program npm links as `collate` (package.json `bin`). */
export const CLI_BIN = join(DIST, 'collate.js');
/** esbuild's record of the inputs, read by the staleness check. */
const METAFILE = join(DIST, 'collate.meta.json');
/** Chunks are named `collate-<module>-<hash>.js`, so stale ones can be told apart and removed. */
const CHUNK_PREFIX = 'collate-';
/** Changes to these rebuild too: the build's own settings and the dependency list. */
const BUILD_FILES = ['scripts/build-cli.mjs', 'package.json'];

/** Whether dist/collate.js is missing or older than a file it was built from. */
export function cliIsStale() {
  let built;
  /** @type {{ inputs?: Record<string, unknown> }} */
  let meta;
  try {
    built = statSync(CLI_BIN).mtimeMs;
    meta = JSON.parse(readFileSync(METAFILE, 'utf8'));
  } catch {
    return true;
  }
  return [...Object.keys(meta.inputs ?? {}), ...BUILD_FILES].some((file) => {
    try {
      return statSync(join(ROOT, file)).mtimeMs > built;
    } catch {
      return true; // a source was moved or deleted
    }
  });
}

/**
 * Writes `contents` to `path` through a temporary file, so a concurrent run never loads half a file.
 * @param {string} path
 * @param {string | Uint8Array} contents
 */
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Bundles the CLI into dist/ and removes chunks of earlier builds. */
export async function buildCli() {
  // Loaded here, not at the top: `--if-stale` with nothing to do should not pay for loading esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { collate: 'server/cli/bin.ts' },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: `${CHUNK_PREFIX}[name]-[hash]`,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(DIST, { recursive: true });
  // Chunks first and the entry last: a program started meanwhile finds every chunk its entry names.
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path === CLI_BIN) - Number(b.path === CLI_BIN));
  for (const file of outputs) {
    writeAtomically(file.path, file.path === CLI_BIN ? `#!/usr/bin/env node\n${file.text}` : file.contents);
  }
  chmodSync(CLI_BIN, 0o755);
  writeAtomically(METAFILE, JSON.stringify(result.metafile));
  const current = new Set(outputs.map((f) => basename(f.path)));
  for (const name of readdirSync(DIST)) {
    if (name.startsWith(CHUNK_PREFIX) && name.endsWith('.js') && !current.has(name)) rmSync(join(DIST, name), { force: true });
  }
}

/** Builds when stale; resolves to whether it built. */
export async function ensureCliBuilt() {
  if (!cliIsStale()) return false;
  await buildCli();
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = process.argv.includes('--if-stale') ? await ensureCliBuilt() : (await buildCli(), true);
  if (built) process.stderr.write(`Built dist/collate.js (the collate command) in ${Date.now() - started} ms\n`);
}
