/**
 * The Store's reads on PostgreSQL, over a pool (committed data, each read on any free connection)
 * or over the one client of a transaction (its snapshot, so a transaction's checks read what it
 * commits against). A failed query is remembered: the transaction it belonged to is aborted
 * whatever the work made of the error, and the store must not try to commit it.
 *
 * In a transaction, records read by key are kept for its length: its snapshot does not change, so
 * reading a key again (an import checks each id twice) needs no second round trip.
 */
import type { Annotation, AnnotationSet, Decision, Session, SourceRecord, SourceRevision, User } from '../../../core/model';
import { setKey, userKey, type AnnotationQuery, type StoreReads } from '../store';
import { ANNOTATIONS, readAnnotation, readAnnotations } from './annotation-sql';
import { readMany } from './keyed-table';
import type { Queryable } from './pg-pool';
import { readDecision, readDecisions, readRevisions, readSession, readSessions, readSet, readSets, readSource, readSources, readUser, readUsers } from './record-sql';

export class PgReads implements StoreReads {
  /** The first query that failed, if any. */
  failure: unknown;

  private readonly byKey: Map<string, Promise<unknown>> | undefined;

  /** `snapshot`: `db` is one transaction's client, whose reads by key may be kept. */
  constructor(
    private readonly db: Queryable,
    snapshot = false,
  ) {
    this.byKey = snapshot ? new Map() : undefined;
  }

  private keyed<T>(key: string, read: (db: Queryable) => Promise<T>): Promise<T> {
    if (!this.byKey) return this.run(read);
    let kept = this.byKey.get(key) as Promise<T> | undefined;
    if (!kept) this.byKey.set(key, (kept = this.run(read)));
    return kept;
  }

  private async run<T>(read: (db: Queryable) => Promise<T>): Promise<T> {
    try {
      return await read(this.db);
    } catch (e) {
      this.failure ??= e;
      throw e;
    }
  }

  annotation(id: string): Promise<Annotation | undefined> {
    return this.keyed(`annotation\u0000${id}`, (db) => readAnnotation(db, id));
  }

  /** One query for all of `ids`; in a transaction, each answer is kept as `annotation(id)` would keep it. */
  async annotationsById(ids: readonly string[]): Promise<Map<string, Annotation>> {
    const wanted = this.byKey ? ids.filter((id) => !this.byKey!.has(`annotation\u0000${id}`)) : ids;
    const found = wanted.length ? ((await this.run((db) => readMany(db, ANNOTATIONS, wanted))) as Map<string, Annotation>) : new Map<string, Annotation>();
    if (this.byKey) for (const id of wanted) this.byKey.set(`annotation\u0000${id}`, Promise.resolve(found.get(id)));
    const out = new Map<string, Annotation>();
    for (const id of ids) {
      const a = this.byKey ? ((await this.byKey.get(`annotation\u0000${id}`)) as Annotation | undefined) : found.get(id);
      if (a) out.set(id, a);
    }
    return out;
  }

  annotations(query?: AnnotationQuery): Promise<readonly Annotation[]> {
    return this.run((db) => readAnnotations(db, query));
  }

  set(name: string): Promise<AnnotationSet | undefined> {
    return this.keyed(`set\u0000${setKey(name)}`, (db) => readSet(db, name));
  }

  sets(): Promise<readonly AnnotationSet[]> {
    return this.run(readSets);
  }

  decision(suggestion: string): Promise<Decision | undefined> {
    return this.keyed(`decision\u0000${suggestion}`, (db) => readDecision(db, suggestion));
  }

  decisions(): Promise<readonly Decision[]> {
    return this.run(readDecisions);
  }

  source(id: string): Promise<SourceRecord | undefined> {
    return this.keyed(`source\u0000${id}`, (db) => readSource(db, id));
  }

  sources(): Promise<readonly SourceRecord[]> {
    return this.run(readSources);
  }

  revisions(source: string): Promise<readonly SourceRevision[]> {
    return this.run((db) => readRevisions(db, source));
  }

  user(name: string): Promise<User | undefined> {
    return this.keyed(`user\u0000${userKey(name)}`, (db) => readUser(db, name));
  }

  users(): Promise<readonly User[]> {
    return this.run(readUsers);
  }

  session(id: string): Promise<Session | undefined> {
    return this.keyed(`session\u0000${id}`, (db) => readSession(db, id));
  }

  sessions(user?: string): Promise<readonly Session[]> {
    return this.run((db) => readSessions(db, user));
  }
}
