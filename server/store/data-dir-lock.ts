/**
 * A lock file that says which server process owns a data directory, so the CLI does not write
 * under a running server (whose in-memory state would then overwrite the CLI's change).
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK = '.server.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live server holding `dataDir`, if any (a stale lock from a crash is ignored). */
export function serverHolding(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, LOCK), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock for this process; released on exit, or earlier by calling what it returns. */
export function holdDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK);
  for (;;) {
    try {
      // 'wx' fails if the file exists, so two processes starting together cannot both take it.
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new Error(`cannot create the lock file ${path} (${code ?? String(e)}): the data folder must be writable`);
      const other = serverHolding(dataDir);
      if (other) throw new Error(`another Collate process (pid ${other}) is using ${dataDir}; stop it or pick another --data folder`);
      // A stale lock from a process that died: remove it and try again.
      try {
        unlinkSync(path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // Someone else removed it first: try again. Anything else would make this loop forever.
        if (code !== 'ENOENT') throw new Error(`cannot remove the stale lock file ${path} (${code ?? String(e)}): the data folder must be writable`);
      }
    }
  }
  const release = () => {
    process.off('exit', release);
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}
