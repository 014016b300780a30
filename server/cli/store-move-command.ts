/**
 * `migrate --from A --to B`: moves a desk's whole record between stores — a data folder and a
 * PostgreSQL database, either way, or two of a kind — through store-copy.ts. Each side is a
 * `postgres://` URL or a folder. The target must be empty; a folder in use by a running server is
 * refused on either side, since a change made during the copy would be left behind.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { holdDataDir, serverHolding } from '../store/data-dir-lock';
import { isPostgresUrl, redactUrl } from '../store/postgres/database-url';
import { copyStore, describeCounts } from '../store/store-copy';
import type { Store } from '../store/store';
import { openStore } from '../workspace';
import { UsageError } from './args';
import { type CliIo, pathFrom } from './cli-io';

interface Side {
  /** What the user is shown: the folder, or the URL without its password. */
  shown: string;
  folder?: string;
  url?: string;
}

function sideOf(value: string, io: CliIo): Side {
  if (isPostgresUrl(value)) return { shown: redactUrl(value), url: value };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new UsageError(`"${redactUrl(value)}" is neither a data folder nor a postgres:// URL`);
  const folder = resolve(pathFrom(io, value));
  return { shown: folder, folder };
}

function refuseRunningServer(side: Side): void {
  const owner = side.folder && serverHolding(side.folder);
  if (owner) throw new Error(`a Collate server (pid ${owner}) is running on ${side.folder}: stop it first, so no change is made while the record moves`);
}

export async function storeMoveCommand(fromValue: string, toValue: string, io: CliIo): Promise<number> {
  const from = sideOf(fromValue, io);
  const to = sideOf(toValue, io);
  if ((from.folder && from.folder === to.folder) || (from.url && from.url === to.url)) throw new UsageError('--from and --to name the same store');
  if (from.folder && (!existsSync(from.folder) || !readdirSync(from.folder).length)) throw new Error(`no data folder at ${from.folder}: nothing to copy`);
  refuseRunningServer(from);
  refuseRunningServer(to);

  const log = (line: string) => io.stderr.write(line + '\n');
  let release = () => {};
  let source: Store | undefined;
  let target: Store | undefined;
  try {
    source = await openStore({ dataDir: from.folder ?? '', databaseUrl: from.url, readOnly: true });
    if (to.folder) {
      await mkdir(to.folder, { recursive: true });
      release = holdDataDir(to.folder);
    }
    target = await openStore({ dataDir: to.folder ?? '', databaseUrl: to.url });
    log(`copying ${from.shown} to ${to.shown}`);
    const counts = await copyStore(source, target, log);
    log(`copied ${describeCounts(counts)} from ${from.shown} to ${to.shown}`);
    return 0;
  } finally {
    await target?.close().catch(() => {});
    await source?.close().catch(() => {});
    release();
  }
}
