/**
 * A transaction as any store can run it: reads go to the store's committed data with this
 * transaction's own writes laid over them, and writes are collected as changes for the store to
 * commit at the end. What a write expects of the committed data (an insert: the id is free; a
 * replace or delete: it exists) travels with the change, for the store to check at commit.
 */
import type { Annotation, AnnotationSet, Decision, HistoryEntry, Session, SourceRecord, SourceRevision, User } from '../../core/model';
import { IdTakenError, revisionKey, setKey, userKey, type AnnotationQuery, type Op, type StoreReads, type TableName, type Tables, type Transaction } from './store';

/** A change with what it expects of the committed record under its key. */
export type Change = Op & { expect: 'absent' | 'present' | 'any' };

const composite = (table: TableName, key: string) => `${table}\u0000${key}`;

function matches(a: Annotation, q: AnnotationQuery): boolean {
  return (q.source === undefined || a.targets.some((t) => t.source === q.source)) && (q.set === undefined || a.set === q.set);
}

export class OverlayTransaction implements Transaction {
  private readonly writes = new Map<string, Change>();

  constructor(private base: StoreReads) {}

  /** The changes to commit, one per key, in the order keys were first written. */
  changes(): Change[] {
    return [...this.writes.values()];
  }

  /** This overlay's own value under a key, if it wrote one (null: it deleted the key). */
  written(table: TableName, key: string): { value: Tables[TableName] | null } | undefined {
    const w = this.writes.get(composite(table, key));
    return w ? { value: w.value } : undefined;
  }

  /** Takes another transaction's changes as its own (a store layering commits that are not yet durable). */
  absorb(changes: readonly Change[]): void {
    for (const c of changes) this.write(c.table, c.key, c.value, c.expect);
  }

  /** Reads from `base` from now on (the layer below became durable and joined the committed data). */
  rebase(base: StoreReads): void {
    this.base = base;
  }

  private own<T extends TableName>(table: T, key: string): { value: Tables[T] | null } | undefined {
    const w = this.writes.get(composite(table, key));
    return w ? { value: w.value as Tables[T] | null } : undefined;
  }

  private write(table: TableName, key: string, value: Tables[TableName] | null, expect: Change['expect']): void {
    const ck = composite(table, key);
    const earlier = this.writes.get(ck);
    // The first write of a key says what the committed data must hold; later ones only replace the value.
    this.writes.set(ck, { table, key, value, expect: earlier ? earlier.expect : expect } as Change);
  }

  private overlaid<T extends TableName>(table: T, base: readonly Tables[T][], keyOf: (v: Tables[T]) => string, keep: (v: Tables[T]) => boolean = () => true): Tables[T][] {
    let touched = false;
    for (const w of this.writes.values()) if (w.table === table) touched = true;
    if (!touched) return base.filter(keep);
    const out = base.filter((v) => !this.writes.has(composite(table, keyOf(v))) && keep(v));
    for (const w of this.writes.values()) if (w.table === table && w.value !== null && keep(w.value as Tables[T])) out.push(w.value as Tables[T]);
    return out;
  }

  async annotation(id: string): Promise<Annotation | undefined> {
    const own = this.own('annotations', id);
    return own ? (own.value ?? undefined) : this.base.annotation(id);
  }

  async annotationsById(ids: readonly string[]): Promise<Map<string, Annotation>> {
    const out = new Map<string, Annotation>();
    const rest: string[] = [];
    for (const id of ids) {
      const own = this.own('annotations', id);
      if (!own) rest.push(id);
      else if (own.value) out.set(id, own.value);
    }
    if (rest.length) for (const [id, a] of await this.base.annotationsById(rest)) out.set(id, a);
    return out;
  }

  async annotations(query: AnnotationQuery = {}): Promise<readonly Annotation[]> {
    return this.overlaid('annotations', await this.base.annotations(query), (a) => a.id, (a) => matches(a, query));
  }

  async set(name: string): Promise<AnnotationSet | undefined> {
    const own = this.own('sets', setKey(name));
    return own ? (own.value ?? undefined) : this.base.set(name);
  }

  async sets(): Promise<readonly AnnotationSet[]> {
    return this.overlaid('sets', await this.base.sets(), (s) => setKey(s.name));
  }

  async decision(suggestion: string): Promise<Decision | undefined> {
    const own = this.own('decisions', suggestion);
    return own ? (own.value ?? undefined) : this.base.decision(suggestion);
  }

  async decisions(): Promise<readonly Decision[]> {
    return this.overlaid('decisions', await this.base.decisions(), (d) => d.suggestion);
  }

  async source(id: string): Promise<SourceRecord | undefined> {
    const own = this.own('sources', id);
    return own ? (own.value ?? undefined) : this.base.source(id);
  }

  async sources(): Promise<readonly SourceRecord[]> {
    return this.overlaid('sources', await this.base.sources(), (s) => s.id);
  }

  async revisions(source: string): Promise<readonly SourceRevision[]> {
    const list = this.overlaid('revisions', await this.base.revisions(source), (r) => revisionKey(r.source, r.revision), (r) => r.source === source);
    return list.sort((a, b) => a.revision - b.revision);
  }

  async user(name: string): Promise<User | undefined> {
    const own = this.own('users', userKey(name));
    return own ? (own.value ?? undefined) : this.base.user(name);
  }

  async users(): Promise<readonly User[]> {
    return this.overlaid('users', await this.base.users(), (u) => userKey(u.name));
  }

  async session(id: string): Promise<Session | undefined> {
    const own = this.own('sessions', id);
    return own ? (own.value ?? undefined) : this.base.session(id);
  }

  async sessions(user?: string): Promise<readonly Session[]> {
    return this.overlaid('sessions', await this.base.sessions(user), (s) => s.id, (s) => user === undefined || s.user === user);
  }

  insertAnnotation(a: Annotation): void {
    const own = this.own('annotations', a.id);
    if (own && own.value !== null) throw new IdTakenError([a.id]);
    this.write('annotations', a.id, a, 'absent');
  }

  replaceAnnotation(a: Annotation): void {
    this.write('annotations', a.id, a, 'present');
  }

  deleteAnnotation(id: string): void {
    this.write('annotations', id, null, 'present');
  }

  putSet(set: AnnotationSet): void {
    this.write('sets', setKey(set.name), set, 'any');
  }

  putDecision(decision: Decision): void {
    this.write('decisions', decision.suggestion, decision, 'any');
  }

  deleteDecision(suggestion: string): void {
    this.write('decisions', suggestion, null, 'any');
  }

  addHistory(entry: HistoryEntry): void {
    this.write('history', entry.id, entry, 'absent');
  }

  putSource(source: SourceRecord): void {
    this.write('sources', source.id, source, 'any');
  }

  addRevision(revision: SourceRevision): void {
    this.write('revisions', revisionKey(revision.source, revision.revision), revision, 'absent');
  }

  putUser(user: User): void {
    this.write('users', userKey(user.name), user, 'any');
  }

  deleteUser(name: string): void {
    this.write('users', userKey(name), null, 'any');
  }

  putSession(session: Session): void {
    this.write('sessions', session.id, session, 'any');
  }

  deleteSession(id: string): void {
    this.write('sessions', id, null, 'any');
  }
}
