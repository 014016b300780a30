/**
 * Running `collate` command lines in tests: `runCli` calls the CLI in process with its output
 * captured (the same code the program runs, without a process per call); `runBin` spawns the built
 * program dist/collate.js as `npx collate` would, for the few end-to-end checks.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { runCli as runInProcess } from '../../server/cli/main';

/** The project root: relative paths such as `sources` resolve against it, as in `npm run cli`. */
export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to the process's environment. */
  env?: Record<string, string>;
  /** The command's working folder (default: the project root). */
  cwd?: string;
}

export async function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runInProcess(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { ...process.env, ...opts.env },
    cwd: opts.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}

/** Spawns dist/collate.js (build it first: `ensureCliBuilt` in scripts/build-cli.mjs). */
export function runBin(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'dist/collate.js'), ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}
