/**
 * Versioned schema migrations: `migrations/NNN-name.sql`, applied in order, each recorded in
 * `schema_migrations` with a checksum of its text. `collate migrate` runs them, and so does a server
 * starting on a database that is behind (see migrateSchema).
 *
 * A run is one transaction under a transaction-scoped advisory lock, so two processes migrating at
 * once (two servers starting together) apply each migration once: the second waits, then finds
 * nothing left to do. A failed migration rolls back the whole run. A database that is already
 * current is only read, so servers may run with a role that cannot change the schema.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { PROJECT_ROOT } from '../../config';
import type { Queryable } from './pg-pool';

/** How a migration is named to people: `001-initial`. */
export function migrationLabel(m: { version: number; name: string }): string {
  return `${String(m.version).padStart(3, '0')}-${m.name}`;
}

/** Read at run time from the checkout, so `dist/collate.js` and the sources use the same files. */
const MIGRATIONS_DIR = join(PROJECT_ROOT, 'server/store/postgres/migrations');

/** Any fixed number, the same in every Collate process: "collate" in ASCII. */
const MIGRATION_LOCK = 0x636f6c6c617465;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationOutcome {
  /** The migrations this run applied, in order (none: the schema was current). */
  applied: Migration[];
  /** The schema's version now. */
  version: number;
}

/** A database this Collate cannot use as it is: newer than the code, or an applied migration changed. */
export class SchemaError extends Error {}

/** Every migration file, in order; versions must run 1, 2, 3… without gaps or repeats. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const out: Migration[] = [];
  for (const file of (await readdir(dir)).sort()) {
    if (!file.endsWith('.sql')) continue;
    const m = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!m) throw new SchemaError(`migration file ${file} is not named NNN-name.sql`);
    const sql = await readFile(join(dir, file), 'utf8');
    out.push({ version: Number(m[1]), name: m[2], sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  out.forEach((m, i) => {
    if (m.version !== i + 1) throw new SchemaError(`migrations must be numbered 001, 002, … without gaps; found ${migrationLabel(m)} in place ${i + 1}`);
  });
  return out;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

async function applied(db: Queryable): Promise<AppliedRow[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!exists.rows[0].t) return [];
  return (await db.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version')).rows;
}

/** The migrations not yet applied; SchemaError when the database is ahead of `known` or disagrees with it. */
function pending(known: Migration[], done: AppliedRow[]): Migration[] {
  const latest = known.length;
  for (const row of done) {
    const mine = known[row.version - 1];
    if (!mine) {
      throw new SchemaError(`the database schema is at version ${done.at(-1)!.version}, newer than this Collate knows (${latest}); upgrade Collate`);
    }
    if (mine.checksum !== row.checksum) {
      throw new SchemaError(`migration ${migrationLabel(row)} was changed after it was applied to this database; restore the file as it was`);
    }
  }
  return known.slice(done.length);
}

/** The schema's version and what is still to apply, without changing anything. */
export async function schemaStatus(db: Queryable, known?: Migration[]): Promise<{ version: number; pending: Migration[] }> {
  const all = known ?? (await loadMigrations());
  const done = await applied(db);
  return { version: done.length, pending: pending(all, done) };
}

/** Applies every pending migration in one transaction; see the module comment. */
export async function migrateSchema(pool: pg.Pool, known?: Migration[]): Promise<MigrationOutcome> {
  const all = known ?? (await loadMigrations());
  // Current already: read only, take no lock.
  const before = await schemaStatus(pool, all);
  if (!before.pending.length) return { applied: [], version: before.version };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Read again under the lock: another process may have migrated while this one waited.
    const todo = pending(all, await applied(client));
    for (const m of todo) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
    }
    await client.query('COMMIT');
    return { applied: todo, version: all.length };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
