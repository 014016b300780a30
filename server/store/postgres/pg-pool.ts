/**
 * The connection to PostgreSQL: a node-postgres Pool for a `postgres://` URL, and the one type the
 * SQL modules take (a pool or one checked-out client answer queries alike).
 */
import pg from 'pg';

/** What the SQL modules need: a pool (each query on any free connection) or one client in a transaction. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

export interface PoolOptions {
  /** Connections kept at most (default 10): transactions hold one each until they commit. */
  size?: number;
  /** Where errors of idle connections are reported (default console.error). */
  log?: (line: string) => void;
}

export function createPool(url: string, opts: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.size ?? 10,
    // A database that does not answer fails requests within seconds (503), instead of holding them.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'collate',
  });
  // An idle connection that breaks (the server restarted) is dropped by the pool; without a
  // listener the 'error' event would end the process.
  pool.on('error', (e) => (opts.log ?? console.error)(`collate: an idle database connection failed (${e.message}); it will be replaced`));
  return pool;
}
