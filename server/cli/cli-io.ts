/**
 * Where a CLI command reads and writes: its output streams, environment and working directory. The
 * `collate` bin passes the process's own; tests pass string sinks and run commands in process, so a
 * command never touches `process.stdout`, `process.env` or `process.cwd()` directly.
 */
import { resolve } from 'node:path';

/** An output stream: text written to it, and whether it is a terminal (progress bars redraw there). */
export interface CliOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths in arguments and in DATA_DIR / SOURCES_DIR resolve against this folder. */
  cwd: string;
}

/** `io` with the process's streams, environment and folder wherever it gives none. */
export function withProcessDefaults(io: Partial<CliIo> = {}): CliIo {
  return {
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    env: io.env ?? process.env,
    cwd: io.cwd ?? process.cwd(),
  };
}

/** An argument's path, resolved against the command's working folder. */
export function pathFrom(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}
