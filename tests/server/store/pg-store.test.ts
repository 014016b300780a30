/**
 * What only the PostgreSQL store has: its selection (DATABASE_URL / --database), schema migrations
 * (once, in order, from two processes at once, refusing a database that is ahead or whose applied
 * migration changed), the `migrate` command, work run again after a lost race, and a database that
 * cannot be reached or is gone answering with StorageError('unavailable') (the API's 503) instead of
 * an unexplained failure.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { ConfigError, readConfig } from '../../../server/config';
import { JsonStore } from '../../../server/store/json/json-store';
import { loadMigrations, migrateSchema } from '../../../server/store/postgres/migrations';
import { createPool } from '../../../server/store/postgres/pg-pool';
import { PgStore, type PgStoreOptions } from '../../../server/store/postgres/pg-store';
import { StorageError } from '../../../server/store/store';
import { openWorkspace } from '../../../server/workspace';
import { runCli } from '../../helpers/run-cli';
import { noteOn } from '../../helpers/store-records';
import { SEED_SOURCES } from '../../helpers/test-server';
import { testDatabase, type TestDatabase } from '../../helpers/test-database';

const quiet = { log: () => {} };
const databases: TestDatabase[] = [];
async function database(): Promise<TestDatabase> {
  const db = await testDatabase('pgstore');
  databases.push(db);
  return db;
}
afterAll(async () => {
  for (const db of databases) await db.drop();
});

/** Two stores on one database, as two server processes have them, closed after `work`. */
async function twoProcesses(url: string, opts: PgStoreOptions, work: (first: PgStore, second: PgStore) => Promise<void>): Promise<void> {
  const [first, second] = [await PgStore.open(url, opts), await PgStore.open(url, opts)];
  try {
    await work(first, second);
  } finally {
    await first.close();
    await second.close();
  }
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const annotation = (id: string): Annotation => noteOn('alpha', { id });

describe('store selection', () => {
  it('takes the database from --database over DATABASE_URL, and refuses a URL that is not PostgreSQL', () => {
    expect(readConfig([], { DATABASE_URL: 'postgres://a/b' }).databaseUrl).toBe('postgres://a/b');
    expect(readConfig(['--database', 'postgresql://c/d'], { DATABASE_URL: 'postgres://a/b' }).databaseUrl).toBe('postgresql://c/d');
    expect(readConfig([], {}).databaseUrl).toBeUndefined();
    expect(() => readConfig(['--database', 'mysql://user:pw@host/db'], {})).toThrow(ConfigError);
    expect(() => readConfig(['--database', 'mysql://user:pw@host/db'], {})).toThrow(/PostgreSQL URL/);
  });

  it('opens the PostgreSQL store with a database, writing nothing into the data folder, and the embedded one without', async () => {
    const db = await database();
    const scratch = await mkdtemp(join(tmpdir(), 'collate-select-'));
    try {
      const absent = join(scratch, 'never-made');
      const onPg = await openWorkspace({ dataDir: absent, sourcesDir: SEED_SOURCES, databaseUrl: db.url });
      expect(onPg.store).toBeInstanceOf(PgStore);
      await onPg.store.transact((tx) => tx.insertAnnotation(annotation('a_selected')));
      await onPg.store.close();
      expect(await readdir(scratch)).toEqual([]);
      const embedded = await openWorkspace({ dataDir: absent, sourcesDir: SEED_SOURCES });
      expect(embedded.store).toBeInstanceOf(JsonStore);
      expect(await embedded.store.annotation('a_selected')).toBeUndefined();
      await embedded.store.close();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

describe('migrations', () => {
  it('apply each migration once when two processes migrate at once, and nothing on a second run', async () => {
    const db = await database();
    const known = await loadMigrations();
    const pools = [createPool(db.url), createPool(db.url)];
    try {
      const outcomes = await Promise.all(pools.map((p) => migrateSchema(p, known)));
      expect(outcomes.map((o) => o.applied.length).sort()).toEqual([0, known.length]);
      expect(outcomes.every((o) => o.version === known.length)).toBe(true);
      expect((await migrateSchema(pools[0], known)).applied).toEqual([]);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
    const rows = await sql<{ version: number }>(db.url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(known.map((m) => m.version));
  });

  it('refuses a database that is ahead of the code, or whose applied migration was changed, and one that is behind when told not to migrate', async () => {
    const db = await database();
    await expect(PgStore.open(db.url, { ...quiet, migrate: false })).rejects.toThrow(/schema is at version 0 .*run "collate migrate"/);
    await (await PgStore.open(db.url, quiet)).close();
    await sql(db.url, `UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`);
    await expect(PgStore.open(db.url, quiet)).rejects.toThrow(/migration 001-initial was changed after it was applied/);
    const known = await loadMigrations();
    await sql(db.url, `UPDATE schema_migrations SET checksum = $1 WHERE version = 1`, [known[0].checksum]);
    await sql(db.url, `INSERT INTO schema_migrations (version, name, checksum) VALUES (99, 'future', 'x')`);
    await expect(PgStore.open(db.url, quiet)).rejects.toThrow(/newer than this Collate knows/);
  });

  it('runs as `collate migrate`: applies, then reports the schema current, and --status changes nothing', async () => {
    const db = await database();
    const status = await runCli(['migrate', '--status'], { env: { DATABASE_URL: db.url } });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/schema version 0 of \d+; pending: 001-initial/);
    expect(await sql(db.url, `SELECT to_regclass('annotations') AS t`)).toEqual([{ t: null }]);
    const first = await runCli(['migrate', '--database', db.url]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('applied 001-initial');
    const again = await runCli(['migrate', '--database', db.url]);
    expect(again.stderr).toMatch(/schema is current \(version \d+\); nothing to do/);
    expect((await runCli(['migrate'], { env: { DATABASE_URL: '' } })).code).toBe(2);
    expect((await runCli(['migrate', '--database', 'mysql://x'])).stderr).toContain('must be a PostgreSQL URL');
  });
});

describe('PgStore transactions', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });

  it('runs the work of a transaction that lost a race again, on a snapshot that holds the winner', async () => {
    await twoProcesses(db.url, quiet, async (first, second) => {
      await first.transact((tx) => tx.insertAnnotation(annotation('a_retry')));
      let runs = 0;
      let arrived = 0;
      let open!: () => void;
      const bothRead = new Promise<void>((r) => (open = r));
      const seen: number[] = [];
      const bump = (store: PgStore) =>
        store.transact(async (tx) => {
          runs++;
          const a = (await tx.annotation('a_retry'))!;
          seen.push(a.revision);
          if (++arrived === 2) open();
          await bothRead;
          tx.replaceAnnotation({ ...a, revision: a.revision + 1 });
        });
      await Promise.all([bump(first), bump(second)]);
      expect(runs).toBe(3);
      expect(seen.sort()).toEqual([1, 1, 2]);
      expect(first.retries + second.retries).toBe(1);
      expect((await first.annotation('a_retry'))?.revision).toBe(3);
    });
  });

  it('gives up with StorageError once a transaction has lost as many races as it may run', async () => {
    await twoProcesses(db.url, { ...quiet, maxAttempts: 1 }, async (first, second) => {
      await first.transact((tx) => tx.insertAnnotation(annotation('a_giveup')));
      let arrived = 0;
      let open!: () => void;
      const bothRead = new Promise<void>((r) => (open = r));
      const bump = (store: PgStore) =>
        store.transact(async (tx) => {
          const a = (await tx.annotation('a_giveup'))!;
          if (++arrived === 2) open();
          await bothRead;
          tx.replaceAnnotation({ ...a, revision: a.revision + 1, note: 'bumped' });
        });
      const results = await Promise.allSettled([bump(first), bump(second)]);
      const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(StorageError);
      expect(lost.reason.reason).toBe('unavailable');
      expect(lost.reason.message).toMatch(/lost 1 races .*nothing was saved/);
      expect((await first.annotation('a_giveup'))?.revision).toBe(2);
    });
  });
});

describe('the change feed', () => {
  it('tells another process of a transaction too large for one notification, reading its records back', async () => {
    const db = await database();
    await twoProcesses(db.url, quiet, async (first, second) => {
      const many = Array.from({ length: 60 }, (_, i) => noteOn('alpha', { id: `a_many_${i}`, note: 'x'.repeat(200) }));
      const heard: string[] = [];
      const all = new Promise<void>((resolve) =>
        second.onCommit((ops) => {
          for (const op of ops) if (op.table === 'annotations' && op.value) heard.push(op.value.id);
          if (heard.length >= many.length) resolve();
        }),
      );
      await first.transact((tx) => many.forEach((a) => tx.insertAnnotation(a)));
      await all;
      expect(heard.sort()).toEqual(many.map((a) => a.id).sort());
    });
  });
});

describe('users kept in memory', () => {
  it('are read afresh once another process added or removed one', async () => {
    const db = await database();
    const user = (name: string) => ({ name, role: 'editor' as const, tokenHash: `h-${name}`, created: 'x', tokenIssued: 'x' });
    const heard = (store: PgStore) => new Promise<void>((resolve) => store.onCommit((ops) => ops.some((op) => op.table === 'users') && resolve()));
    await twoProcesses(db.url, quiet, async (first, second) => {
      expect(await second.users()).toEqual([]);
      let told = heard(second);
      await first.transact((tx) => tx.putUser(user('ana')));
      await told;
      expect((await second.users()).map((u) => u.name)).toEqual(['ana']);
      told = heard(second);
      await first.transact((tx) => tx.deleteUser('ana'));
      await told;
      expect(await second.users()).toEqual([]);
    });
  });
});

describe('an unreachable or vanished database', () => {
  it('stops opening with one message naming the database, its password hidden', async () => {
    // A port nothing listens on: bound, noted, released.
    const port = await new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => ok(p));
      });
    });
    const err = (await PgStore.open(`postgres://collate:s3cret@127.0.0.1:${port}/none`, quiet).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(new RegExp(`^cannot use the database at postgres://collate:\\*\\*\\*@127\\.0\\.0\\.1:${port}/none: the database cannot be used \\(.*ECONNREFUSED`));
    expect(err.message).not.toContain('s3cret');
  });

  it('answers reads and transactions with StorageError("unavailable") once its database is dropped', async () => {
    const db = await testDatabase('vanishing');
    const store = await PgStore.open(db.url, quiet);
    try {
      await store.transact((tx) => tx.insertAnnotation(annotation('a_gone')));
      await db.drop();
      const attempts: (() => Promise<unknown>)[] = [
        () => store.annotation('a_gone'),
        () => store.annotations({ source: 'alpha' }),
        () => store.transact((tx) => tx.insertAnnotation(annotation('a_new'))),
      ];
      for (const attempt of attempts) {
        const err = await attempt().catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StorageError);
        expect((err as StorageError).reason).toBe('unavailable');
      }
    } finally {
      await store.close();
    }
  });
});
