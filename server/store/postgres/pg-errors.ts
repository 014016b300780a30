/**
 * What an error from PostgreSQL (or from the way to it) means for the store: a transaction that lost
 * a race and may simply run again, a database that cannot be reached or used (the HTTP layer's 503),
 * a full disk (507), or something else that passes through unchanged.
 *
 * SQLSTATE codes are PostgreSQL's (Appendix A of its manual); connection failures arrive either as
 * Node's socket errors or as node-postgres's own plain errors, which carry no code.
 */
import pg from 'pg';
import { StorageError } from '../store';

/** serialization_failure and deadlock_detected: the transaction was rolled back and may be retried. */
const RETRYABLE = new Set(['40001', '40P01']);

/** States in which the database is there but cannot serve us: shut down, starting, gone, refusing us. */
const UNAVAILABLE = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '3D000', // invalid_catalog_name: the database was dropped or never created
  '28000', // invalid_authorization_specification
  '28P01', // invalid_password
  '53000', // insufficient_resources
  '53200', // out_of_memory
  '53300', // too_many_connections
  '25006', // read_only_sql_transaction: a standby, or default_transaction_read_only
  '42501', // insufficient_privilege
]);

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ENOENT']);

/** node-postgres reports a lost or refused connection with these messages and no code. */
const CONNECTION_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /not queryable/, /^Client was closed/, /Cannot use a pool after calling end/];

function sqlState(e: unknown): string | undefined {
  return e instanceof pg.DatabaseError ? e.code : undefined;
}

export function isRetryable(e: unknown): boolean {
  const code = sqlState(e);
  return code !== undefined && RETRYABLE.has(code);
}

/** A failure of the connection itself (refused, reset, timed out, closed), not of a statement. */
export function isConnectionFailure(e: unknown): boolean {
  if (e instanceof pg.DatabaseError) return e.code?.startsWith('08') ?? false;
  if (!(e instanceof Error)) return false;
  const codes = [(e as NodeJS.ErrnoException).code, ...((e as Partial<AggregateError>).errors ?? []).map((x: unknown) => (x as NodeJS.ErrnoException)?.code)];
  return codes.some((c) => c !== undefined && SOCKET_CODES.has(c)) || CONNECTION_MESSAGES.some((m) => m.test(e.message));
}

/**
 * The StorageError an error of the database stands for, or the error itself. `doing` says what was
 * under way; `outcomeUnknown` says a COMMIT was sent, so a lost connection may have kept the change.
 */
export function storageErrorOfPg(e: unknown, doing: string, outcomeUnknown = false): unknown {
  if (e instanceof StorageError) return e;
  const saved = outcomeUnknown ? 'the change may or may not have been saved' : 'nothing was saved';
  const code = sqlState(e);
  const why = e instanceof Error ? e.message : String(e);
  if (code === '53100') return new StorageError('full', `the database has no space left (${why}) while ${doing}; ${saved}`);
  if (code === '42P01') return new StorageError('unavailable', `the database has no Collate tables (${why}) while ${doing}: run "collate migrate"; ${saved}`);
  if ((code !== undefined && UNAVAILABLE.has(code)) || isConnectionFailure(e)) {
    return new StorageError('unavailable', `the database cannot be used (${why || 'connection failed'}) while ${doing}; ${saved}`);
  }
  return e;
}
