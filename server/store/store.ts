/**
 * The storage interface the services depend on: reads, and transactions that commit a group of
 * changes all or nothing. The embedded JSON store (json/) implements it, and so does the PostgreSQL
 * store (postgres/) for teams that outgrow one machine.
 *
 * Everything that guards a write (a revision matches, an id is free, a suggestion is not yet
 * handled, a copy is not yet carried) is read inside the transaction that writes, so two
 * concurrent requests cannot both pass the same check.
 */
import type { Annotation, AnnotationSet, Decision, HistoryEntry, Kind, Session, SourceRecord, SourceRevision, User } from '../../core/model';
import { userKey } from '../../core/model';

/** The kinds of record a store holds, by table name. */
export interface Tables {
  annotations: Annotation;
  sets: AnnotationSet;
  decisions: Decision;
  history: HistoryEntry;
  sources: SourceRecord;
  revisions: SourceRevision;
  /** Keyed by userKey(name). */
  users: User;
  /** Keyed by the session id (the hash of its secret). */
  sessions: Session;
}
export type TableName = keyof Tables;
export const TABLE_NAMES: readonly TableName[] = ['annotations', 'sets', 'decisions', 'history', 'users', 'sessions', 'sources', 'revisions'];

/** What a blob holds: an article text, or the raw HTML of the page it was extracted from. */
export type BlobKind = 'text' | 'html';

/** One change in a transaction: a record put under its key, or (value null) the key removed. */
export type Op = { [T in TableName]: { table: T; key: string; value: Tables[T] | null } }[TableName];

/** The narrowing a store can answer from an index; other filters are applied by the caller. */
export interface AnnotationQuery {
  /** Annotations with at least one target in this source. */
  source?: string;
  set?: string;
}

/** Reads, answered from committed data (or, inside a transaction, with its own writes applied). */
export interface StoreReads {
  annotation(id: string): Promise<Annotation | undefined>;
  /** The annotations among `ids` that exist, by id: one read for many (an import checks every id it brings). */
  annotationsById(ids: readonly string[]): Promise<Map<string, Annotation>>;
  /** In no particular order; the array must not be changed by the caller. */
  annotations(query?: AnnotationQuery): Promise<readonly Annotation[]>;
  /** The set of that name, compared without regard to case or Unicode normal form. */
  set(name: string): Promise<AnnotationSet | undefined>;
  sets(): Promise<readonly AnnotationSet[]>;
  decision(suggestion: string): Promise<Decision | undefined>;
  decisions(): Promise<readonly Decision[]>;
  source(id: string): Promise<SourceRecord | undefined>;
  sources(): Promise<readonly SourceRecord[]>;
  /** A source's revisions, oldest first. */
  revisions(source: string): Promise<readonly SourceRevision[]>;
  /** The user of that name, compared without regard to case or Unicode normal form. */
  user(name: string): Promise<User | undefined>;
  users(): Promise<readonly User[]>;
  session(id: string): Promise<Session | undefined>;
  /** Sessions of one user (by userKey), or all. */
  sessions(user?: string): Promise<readonly Session[]>;
}

export interface Transaction extends StoreReads {
  /** Adds a new annotation; IdTakenError when the id exists. */
  insertAnnotation(a: Annotation): void;
  /** Replaces an existing annotation (same id); its targets may now lie in other sources. */
  replaceAnnotation(a: Annotation): void;
  deleteAnnotation(id: string): void;
  /** Adds or replaces a set (the key is its name without case or normal form). */
  putSet(set: AnnotationSet): void;
  putDecision(decision: Decision): void;
  deleteDecision(suggestion: string): void;
  addHistory(entry: HistoryEntry): void;
  putSource(source: SourceRecord): void;
  /** Adds a revision; its number must be new for its source. */
  addRevision(revision: SourceRevision): void;
  /** Adds or replaces a user (the key is userKey of its name). */
  putUser(user: User): void;
  deleteUser(name: string): void;
  putSession(session: Session): void;
  deleteSession(id: string): void;
}

export interface Store extends StoreReads {
  /**
   * Runs `work` and commits what it wrote as one unit: after a crash at any instant all of it is
   * there or none. An exception thrown by `work` commits nothing. Transactions do not interleave
   * their checks and writes; a store may run them one at a time. A store may also run `work` more
   * than once (a database retries a transaction that lost a race with another process), so `work`
   * acts only through `tx` and leaves what it was given unchanged.
   */
  transact<T>(work: (tx: Transaction) => Promise<T> | T): Promise<T>;
  /** Annotations per source and kind (one linking several sources counts for each), optionally in one set. */
  countsBySource(set?: string): Promise<Map<string, Record<Kind, number>>>;
  /** Annotations per set name. */
  setSizes(): Promise<Map<string, number>>;
  /**
   * Every change to one annotation, oldest first (deletion included); without an id, every entry of
   * every annotation, each annotation's in order (a whole-store copy needs them all).
   */
  history(annotationId?: string): Promise<readonly HistoryEntry[]>;
  /**
   * Keeps a text or page durably under its sha-256 (hex), which it returns; storing the same
   * content again is a no-op. Done before the transaction that refers to it: a blob nothing refers
   * to is harmless, a record referring to a missing blob is not.
   */
  putBlob(kind: BlobKind, content: string): Promise<string>;
  blob(kind: BlobKind, hash: string): Promise<string | undefined>;
  /**
   * Calls `listener` with the changes of every committed transaction once they are durable: this
   * process's, and, where several servers share one database, the others'. Returns the way to stop.
   */
  onCommit(listener: CommitListener): () => void;
  /** Waits for background work (compaction) and releases files; the store is unusable after. */
  close(): Promise<void>;
}

export type CommitListener = (ops: readonly Op[]) => void;

/** Listeners of one store, each called in turn; one that throws does not stop the others. */
export class CommitListeners {
  private readonly listeners = new Set<CommitListener>();

  add(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(ops: readonly Op[]): void {
    for (const l of this.listeners) {
      try {
        l(ops);
      } catch (e) {
        console.error('collate: a commit listener failed:', e);
      }
    }
  }
}

/** The key a revision is stored under. */
export function revisionKey(source: string, revision: number): string {
  return `${source}@${revision}`;
}

/** The key a set is stored under: names that differ only in case or normal form are one set. */
export function setKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export { userKey };

/** An insert named an id that exists already (or twice); nothing was written. */
export class IdTakenError extends Error {
  constructor(readonly ids: string[]) {
    super(`annotation id(s) taken already: ${ids.join(', ')}`);
  }
}

/**
 * The storage itself failed: `full` (no space left; retry once space is freed) or `unavailable`
 * (read-only or not permitted). Nothing of the failed transaction was kept.
 */
export class StorageError extends Error {
  constructor(
    readonly reason: 'full' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

/** Maps a file-system error to a StorageError where it is one; other errors pass through. */
export function storageErrorOf(e: unknown, doing: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new StorageError('full', `no space left on the storage device while ${doing}; nothing was saved`);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new StorageError('unavailable', `the data folder cannot be written (${code}) while ${doing}; nothing was saved`);
  }
  return e;
}
