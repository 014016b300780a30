/**
 * A throwaway PostgreSQL server for tests and the store benchmark: Debian's PostgreSQL 15 binaries
 * (initdb, pg_ctl), a fresh cluster in a temporary folder, listening on a free loopback port only,
 * stopped and removed by stop(). PostgreSQL refuses to run as root, so as root the cluster belongs
 * to the `postgres` user and its commands run through runuser.
 *
 * `durable: false` (the tests) turns off fsync, synchronous_commit and full_page_writes: the tests
 * check Collate's transactions and races, not PostgreSQL's own crash safety, and a commit then costs
 * no disk flush. `durable: true` (the benchmark) keeps PostgreSQL's defaults, which flush every
 * commit to disk, as durable as the embedded store's fdatasync per commit.
 *
 * pg_ctl runs the server in the background, so a test run that is killed (a timeout) would leave
 * it running: a small watchdog process stops it and removes its folder once this process is gone.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresServer {
  /** The `postgres` database of the cluster, as the superuser `postgres` (trust authentication). */
  url: string;
  dir: string;
  port: number;
  stop(): Promise<void>;
}

const DEBIAN_BIN = '/usr/lib/postgresql/15/bin';

/** The folder holding initdb and pg_ctl; throws a message saying how to install them. */
export function postgresBinDir(): string {
  if (existsSync(join(DEBIAN_BIN, 'pg_ctl'))) return DEBIAN_BIN;
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = join(dir, 'pg_ctl');
    if (dir && existsSync(candidate) && existsSync(join(dir, 'initdb'))) return dirname(realpathSync(candidate));
  }
  throw new Error(
    `PostgreSQL's server programs (initdb, pg_ctl) are not installed: neither ${DEBIAN_BIN} nor PATH has them. ` +
      'Install Debian\'s package with "apt-get install -y postgresql" (.ci/run does this); the PostgreSQL store tests need them.',
  );
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

/** As root, the `postgres` user's ids (the server will not run as root); otherwise none is needed. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
  } catch {
    throw new Error('running as root, PostgreSQL needs a "postgres" user to run as (Debian\'s postgresql package creates it)');
  }
}

export async function startPostgres(opts: { durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const owner = runAs();
  const dir = await mkdtemp(join(tmpdir(), 'collate-pg-'));
  // From the cluster's own folder, which the postgres user can enter (it may not enter ours).
  const command = (program: string, args: string[]) =>
    owner ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { cwd: dir }) : run(join(bin, program), args, { cwd: dir });
  if (owner) await chown(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  try {
    await command('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', ...(opts.durable ? [] : ['--no-sync'])]);
    const settings = opts.durable ? ['fsync=on', 'synchronous_commit=on', 'full_page_writes=on'] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
    // A port found free may be taken before the server binds it: try another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const options = ['listen_addresses=127.0.0.1', `port=${port}`, `unix_socket_directories=${dir}`, 'max_connections=200', ...settings].map((s) => `-c ${s}`).join(' ');
      try {
        await command('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', log, '-o', options]);
      } catch (e) {
        if (attempt < 3) continue;
        throw new Error(`PostgreSQL did not start: ${(e as Error).message}\n${await readFile(log, 'utf8').catch(() => '')}`);
      }
      watch(dir, data, bin, owner !== undefined);
      let stopped: Promise<void> | undefined;
      const stop = () =>
        (stopped ??= (async () => {
          await command('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-t', '60']).catch(() => {});
          await rm(dir, { recursive: true, force: true });
        })());
      return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, port, stop };
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Stops the server and removes its folder once this process has ended, however it ended. */
function watch(dir: string, data: string, bin: string, asPostgres: boolean): void {
  const pgCtl = `${asPostgres ? 'runuser -u postgres -- ' : ''}'${join(bin, 'pg_ctl')}'`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${pgCtl} stop -D '${data}' -m immediate >/dev/null 2>&1; rm -rf '${dir}'`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

/** Creates an empty database on the server at `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database, closing whatever connections are still open on it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
