/**
 * The Store on PostgreSQL, for teams running several Collate servers on one database
 * (DATABASE_URL=postgres://…). Reads go to the pool; a transaction is one SQL transaction on one
 * connection: `work` runs with an OverlayTransaction whose reads go to that connection, then its
 * changes are written there and committed.
 *
 * Why SERIALIZABLE with retries, not row and advisory locks: the checks that guard writes read
 * rows that exist (an annotation's revision), rows that do not exist yet (no decision on this
 * suggestion, no set of this name, no carried copy among a source's annotations) and whole sets
 * of rows (every annotation on a source). Row locks cannot lock a row that is not there, and
 * advisory locks would need every reader to agree on a lock for each kind of question, taken in
 * one order to avoid deadlocks. PostgreSQL's serializable isolation tracks exactly what each
 * transaction read, including the gaps where a row could appear, and aborts one of two
 * transactions whose reads and writes cross (SQLSTATE 40001; 40P01 for a deadlock). The store then
 * runs `work` again on a fresh snapshot, where it sees the winner's commit and decides anew (a
 * stale revision becomes a 409, a second confirmation `handled`). This holds across processes,
 * since the database, not the process, arbitrates. Hence `work` may run more than once and must
 * act only through `tx` (store.ts says so).
 *
 * A transaction whose work refuses (throws) is committed all the same, having written nothing: in
 * serializable mode a snapshot's reads are only known to be consistent once the transaction
 * commits, so a refusal built on a snapshot that lost a race is retried like any other.
 *
 * Commit listeners hear this process's commits from the store once they are committed, and other
 * processes' through the change feed (change-feed.ts), which the same transactions notify.
 *
 * The list of users is asked for on every request (is anyone signed up, whose token is this), so
 * it is kept in memory while the change feed listens, and dropped on every commit that touches a
 * user, here or on another server, and whenever the feed stops hearing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { Annotation, AnnotationSet, Decision, HistoryEntry, Kind, Session, SourceRecord, SourceRevision, User } from '../../../core/model';
import { DEFAULT_SET } from '../../../core/model';
import { OverlayTransaction, type Change } from '../overlay-transaction';
import { CommitListeners, StorageError, type AnnotationQuery, type BlobKind, type CommitListener, type Op, type Store, type Transaction } from '../store';
import { countsBySource, setSizes } from './annotation-sql';
import { putBlob, readBlob } from './blob-sql';
import { ChangeFeed, notify, payloadsOf } from './change-feed';
import { loadMigrations, migrateSchema, migrationLabel, schemaStatus, SchemaError } from './migrations';
import { isConnectionFailure, isRetryable, storageErrorOfPg } from './pg-errors';
import { redactUrl } from './database-url';
import { createPool, type Queryable } from './pg-pool';
import { PgReads } from './pg-reads';
import { writeChanges } from './pg-writes';
import { readHistory } from './record-sql';

export interface PgStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Read only (an export beside live servers): no migration, no default set, transactions throw. */
  readOnly?: boolean;
  /** Apply pending migrations when opening (default true); false: refuse a database that is behind. */
  migrate?: boolean;
  /** Runs of one transaction before it gives up with 503 (default 20). */
  maxAttempts?: number;
  /** Hear other processes' commits (default true unless read-only); costs one connection. */
  listen?: boolean;
  log?: (line: string) => void;
}

type Outcome<T> = { ok: true; value: T; changes: Change[] } | { ok: false; error: unknown };

export class PgStore implements Store {
  private readonly reads: PgReads;
  private readonly committed = new CommitListeners();
  private readonly remote = new CommitListeners();
  private readonly feed: ChangeFeed;
  private closed = false;
  private usersKept: Promise<readonly User[]> | undefined;
  /** Transactions run again after losing a race, since opening (for tests and the benchmark). */
  retries = 0;

  private constructor(
    readonly url: string,
    private readonly pool: pg.Pool,
    private readonly opts: PgStoreOptions,
  ) {
    this.reads = new PgReads(pool);
    this.feed = new ChangeFeed(
      url,
      pool,
      (ops) => {
        this.forget(ops);
        this.remote.emit(ops);
        this.committed.emit(ops);
      },
      opts.log ?? console.error,
      () => (this.usersKept = undefined),
    );
  }

  /**
   * Connects, brings the schema up to date (or checks it, see the options) and makes sure the
   * default set exists. Fails with one message naming the database (password hidden) and the cause.
   */
  static async open(url: string, opts: PgStoreOptions = {}): Promise<PgStore> {
    const log = opts.log ?? ((line: string) => console.log(line));
    const pool = createPool(url, { size: opts.poolSize, log });
    try {
      const migrations = await loadMigrations();
      if (opts.readOnly || opts.migrate === false) {
        const status = await schemaStatus(pool, migrations);
        if (status.pending.length) throw new SchemaError(`its schema is at version ${status.version} and this Collate needs ${migrations.length}: run "collate migrate"`);
      } else {
        for (const m of (await migrateSchema(pool, migrations)).applied) log(`collate: applied migration ${migrationLabel(m)}`);
      }
      const store = new PgStore(url, pool, opts);
      try {
        if (!opts.readOnly) await store.ensureDefaultSet();
        if (opts.listen ?? !opts.readOnly) await store.feed.start();
      } catch (e) {
        await store.feed.stop();
        throw e;
      }
      return store;
    } catch (e) {
      await pool.end().catch(() => {});
      const cause = storageErrorOfPg(e, 'opening it');
      throw new Error(`cannot use the database at ${redactUrl(url)}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause: e });
    }
  }

  private async ensureDefaultSet(): Promise<void> {
    const set: AnnotationSet = { name: DEFAULT_SET, description: 'The default annotation set', created: new Date().toISOString() };
    // Two servers starting together: one writes it, the other's transaction is retried and sees it.
    await this.transact(async (tx) => {
      if (!(await tx.set(DEFAULT_SET))) tx.putSet(set);
    });
  }

  /** A statement outside any transaction (`doing` names it in errors), with database failures mapped to StorageError. */
  private async read<T>(doing: string, read: (db: Queryable) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('the store is closed');
    try {
      return await read(this.pool);
    } catch (e) {
      throw storageErrorOfPg(e, doing);
    }
  }

  annotation(id: string): Promise<Annotation | undefined> {
    return this.read('reading an annotation', () => this.reads.annotation(id));
  }

  annotationsById(ids: readonly string[]): Promise<Map<string, Annotation>> {
    return this.read('reading annotations', () => this.reads.annotationsById(ids));
  }

  annotations(query?: AnnotationQuery): Promise<readonly Annotation[]> {
    return this.read('reading annotations', () => this.reads.annotations(query));
  }

  set(name: string): Promise<AnnotationSet | undefined> {
    return this.read('reading a set', () => this.reads.set(name));
  }

  sets(): Promise<readonly AnnotationSet[]> {
    return this.read('reading sets', () => this.reads.sets());
  }

  decision(suggestion: string): Promise<Decision | undefined> {
    return this.read('reading a decision', () => this.reads.decision(suggestion));
  }

  decisions(): Promise<readonly Decision[]> {
    return this.read('reading decisions', () => this.reads.decisions());
  }

  countsBySource(set?: string): Promise<Map<string, Record<Kind, number>>> {
    return this.read('reading counts', (db) => countsBySource(db, set));
  }

  setSizes(): Promise<Map<string, number>> {
    return this.read('reading set sizes', (db) => setSizes(db));
  }

  history(annotationId?: string): Promise<readonly HistoryEntry[]> {
    return this.read('reading history', (db) => readHistory(db, annotationId));
  }

  source(id: string): Promise<SourceRecord | undefined> {
    return this.read('reading a source', () => this.reads.source(id));
  }

  sources(): Promise<readonly SourceRecord[]> {
    return this.read('reading sources', () => this.reads.sources());
  }

  revisions(source: string): Promise<readonly SourceRevision[]> {
    return this.read('reading revisions', () => this.reads.revisions(source));
  }

  user(name: string): Promise<User | undefined> {
    return this.read('reading a user', () => this.reads.user(name));
  }

  users(): Promise<readonly User[]> {
    if (!this.feed.listening) return this.read('reading users', () => this.reads.users());
    const kept = (this.usersKept ??= this.read('reading users', () => this.reads.users()));
    // A failed read is not kept.
    kept.catch(() => {
      if (this.usersKept === kept) this.usersKept = undefined;
    });
    return kept;
  }

  /** Drops what is kept in memory of the tables `ops` changed. */
  private forget(ops: readonly Op[]): void {
    if (ops.some((op) => op.table === 'users')) this.usersKept = undefined;
  }

  session(id: string): Promise<Session | undefined> {
    return this.read('reading a session', () => this.reads.session(id));
  }

  sessions(user?: string): Promise<readonly Session[]> {
    return this.read('reading sessions', () => this.reads.sessions(user));
  }

  async putBlob(kind: BlobKind, content: string): Promise<string> {
    if (this.opts.readOnly) throw new Error(`the database at ${redactUrl(this.url)} was opened read-only`);
    return this.read('keeping a text', (db) => putBlob(db, kind, content));
  }

  blob(kind: BlobKind, hash: string): Promise<string | undefined> {
    return this.read('reading a text', (db) => readBlob(db, kind, hash));
  }

  /** This process's commits once committed, and other processes' as the change feed hears of them. */
  onCommit(listener: CommitListener): () => void {
    return this.committed.add(listener);
  }

  /** Other processes' commits only: what this process must catch up with (a source another server added). */
  onRemoteCommit(listener: CommitListener): () => void {
    return this.remote.add(listener);
  }

  /** Runs `work` in a serializable transaction, again (after a short random pause) each time it loses a race. */
  async transact<T>(work: (tx: Transaction) => Promise<T> | T): Promise<T> {
    if (this.opts.readOnly) throw new Error(`the database at ${redactUrl(this.url)} was opened read-only`);
    if (this.closed) throw new Error('the store is closed');
    const attempts = this.opts.maxAttempts ?? 20;
    for (let attempt = 1; ; attempt++) {
      let outcome: Outcome<T>;
      try {
        outcome = await this.attempt(work);
      } catch (e) {
        if (!isRetryable(e)) throw e;
        if (attempt >= attempts) {
          throw new StorageError('unavailable', `the transaction lost ${attempts} races in a row with concurrent changes; nothing was saved, try again`);
        }
        this.retries++;
        // Random, growing pauses, so the transactions that collided do not collide again in step.
        await sleep(Math.random() * Math.min(100, 2 ** attempt));
        continue;
      }
      if (!outcome.ok) throw outcome.error;
      if (outcome.changes.length) {
        const ops = outcome.changes.map(({ table, key, value }) => ({ table, key, value }) as Op);
        this.forget(ops);
        this.committed.emit(ops);
      }
      return outcome.value;
    }
  }

  /** One run of `work` in one SQL transaction. Database errors throw; the work's own refusal is the outcome. */
  private async attempt<T>(work: (tx: Transaction) => Promise<T> | T): Promise<Outcome<T>> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw storageErrorOfPg(e, 'connecting to the database');
    }
    let broken: Error | undefined;
    let committing = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const reads = new PgReads(client, true);
      const tx = new OverlayTransaction(reads);
      let outcome: Outcome<T>;
      try {
        const value = await work(tx);
        outcome = { ok: true, value, changes: tx.changes() };
      } catch (error) {
        outcome = { ok: false, error };
      }
      // The work may have caught a failed read: the transaction is aborted all the same.
      if (reads.failure !== undefined) throw reads.failure;
      if (outcome.ok && outcome.changes.length) {
        await writeChanges(client, outcome.changes);
        await notify(client, payloadsOf(this.feed.origin, outcome.changes));
      }
      committing = true;
      await client.query('COMMIT');
      return outcome;
    } catch (e) {
      if (isConnectionFailure(e)) broken = e instanceof Error ? e : new Error(String(e));
      else await client.query('ROLLBACK').catch(() => {});
      throw isRetryable(e) ? e : storageErrorOfPg(e, 'writing to the database', committing && broken !== undefined);
    } finally {
      // A broken connection is closed, not handed to the next transaction.
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.feed.stop();
    await this.pool.end();
  }
}
