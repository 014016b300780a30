/**
 * The store benchmark's baseline: the same Store interface on better-sqlite3, as a user who wanted
 * a database under Collate would write it. WAL journal with synchronous=FULL, so an acknowledged
 * write is as durable as the embedded store's. Records are kept as JSON text with the columns the
 * reads need indexed; a transaction is one SQLite transaction.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { KINDS, type Annotation, type AnnotationSet, type Decision, type HistoryEntry, type Kind, type Session, type SourceRecord, type SourceRevision, type User } from '../../core/model';
import { OverlayTransaction } from '../../server/store/overlay-transaction';
import { SerialQueue } from '../../server/store/serial-queue';
import { CommitListeners, IdTakenError, setKey, userKey, type AnnotationQuery, type BlobKind, type CommitListener, type Op, type Store, type Transaction } from '../../server/store/store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS annotations (id TEXT PRIMARY KEY, set_name TEXT NOT NULL, kind TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS annotations_set ON annotations(set_name);
CREATE TABLE IF NOT EXISTS targets (source TEXT NOT NULL, annotation TEXT NOT NULL, PRIMARY KEY (source, annotation)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS targets_annotation ON targets(annotation);
CREATE TABLE IF NOT EXISTS sets (key TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS decisions (suggestion TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (id TEXT PRIMARY KEY, annotation TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS history_annotation ON history(annotation);
CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS revisions (source TEXT NOT NULL, revision INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (source, revision));
CREATE TABLE IF NOT EXISTS blobs (kind TEXT NOT NULL, hash TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (kind, hash));
CREATE TABLE IF NOT EXISTS users (key TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user_key TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_key);
`;

const parse = <T>(rows: { json: string }[]): T[] => rows.map((r) => JSON.parse(r.json) as T);

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly queue = new SerialQueue();
  private readonly committed = new CommitListeners();
  private readonly q;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    const db = this.db;
    this.q = {
      annotation: db.prepare<[string], { json: string }>('SELECT json FROM annotations WHERE id = ?'),
      bySource: db.prepare<[string], { json: string }>('SELECT a.json FROM targets t JOIN annotations a ON a.id = t.annotation WHERE t.source = ?'),
      bySourceSet: db.prepare<[string, string], { json: string }>('SELECT a.json FROM targets t JOIN annotations a ON a.id = t.annotation WHERE t.source = ? AND a.set_name = ?'),
      bySet: db.prepare<[string], { json: string }>('SELECT json FROM annotations WHERE set_name = ?'),
      all: db.prepare<[], { json: string }>('SELECT json FROM annotations'),
      set: db.prepare<[string], { json: string }>('SELECT json FROM sets WHERE key = ?'),
      sets: db.prepare<[], { json: string }>('SELECT json FROM sets'),
      decision: db.prepare<[string], { json: string }>('SELECT json FROM decisions WHERE suggestion = ?'),
      decisions: db.prepare<[], { json: string }>('SELECT json FROM decisions'),
      history: db.prepare<[string], { json: string }>('SELECT json FROM history WHERE annotation = ? ORDER BY rowid'),
      counts: db.prepare<[string | null, string | null], { source: string; kind: Kind; n: number }>(
        'SELECT t.source AS source, a.kind AS kind, count(*) AS n FROM targets t JOIN annotations a ON a.id = t.annotation WHERE (? IS NULL OR a.set_name = ?) GROUP BY t.source, a.kind',
      ),
      sizes: db.prepare<[], { set_name: string; n: number }>('SELECT set_name, count(*) AS n FROM annotations GROUP BY set_name'),
      putAnnotation: db.prepare('INSERT OR REPLACE INTO annotations (id, set_name, kind, json) VALUES (?, ?, ?, ?)'),
      deleteAnnotation: db.prepare('DELETE FROM annotations WHERE id = ?'),
      deleteTargets: db.prepare('DELETE FROM targets WHERE annotation = ?'),
      addTarget: db.prepare('INSERT OR IGNORE INTO targets (source, annotation) VALUES (?, ?)'),
      putSet: db.prepare('INSERT OR REPLACE INTO sets (key, json) VALUES (?, ?)'),
      putDecision: db.prepare('INSERT OR REPLACE INTO decisions (suggestion, json) VALUES (?, ?)'),
      deleteDecision: db.prepare('DELETE FROM decisions WHERE suggestion = ?'),
      addHistory: db.prepare('INSERT INTO history (id, annotation, json) VALUES (?, ?, ?)'),
      exists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM annotations WHERE id = ?'),
      source: db.prepare<[string], { json: string }>('SELECT json FROM sources WHERE id = ?'),
      sources: db.prepare<[], { json: string }>('SELECT json FROM sources'),
      revisions: db.prepare<[string], { json: string }>('SELECT json FROM revisions WHERE source = ? ORDER BY revision'),
      putSource: db.prepare('INSERT OR REPLACE INTO sources (id, json) VALUES (?, ?)'),
      addRevision: db.prepare('INSERT INTO revisions (source, revision, json) VALUES (?, ?, ?)'),
      putBlob: db.prepare('INSERT OR IGNORE INTO blobs (kind, hash, content) VALUES (?, ?, ?)'),
      blob: db.prepare<[string, string], { content: string }>('SELECT content FROM blobs WHERE kind = ? AND hash = ?'),
      user: db.prepare<[string], { json: string }>('SELECT json FROM users WHERE key = ?'),
      users: db.prepare<[], { json: string }>('SELECT json FROM users'),
      putUser: db.prepare('INSERT OR REPLACE INTO users (key, json) VALUES (?, ?)'),
      deleteUser: db.prepare('DELETE FROM users WHERE key = ?'),
      session: db.prepare<[string], { json: string }>('SELECT json FROM sessions WHERE id = ?'),
      sessions: db.prepare<[], { json: string }>('SELECT json FROM sessions'),
      sessionsOf: db.prepare<[string], { json: string }>('SELECT json FROM sessions WHERE user_key = ?'),
      putSession: db.prepare('INSERT OR REPLACE INTO sessions (id, user_key, json) VALUES (?, ?, ?)'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    };
  }

  async annotation(id: string): Promise<Annotation | undefined> {
    const row = this.q.annotation.get(id);
    return row ? (JSON.parse(row.json) as Annotation) : undefined;
  }

  async annotationsById(ids: readonly string[]): Promise<Map<string, Annotation>> {
    const out = new Map<string, Annotation>();
    for (const id of ids) {
      const a = await this.annotation(id);
      if (a) out.set(id, a);
    }
    return out;
  }

  async annotations(query: AnnotationQuery = {}): Promise<readonly Annotation[]> {
    if (query.source !== undefined) {
      return parse(query.set !== undefined ? this.q.bySourceSet.all(query.source, query.set) : this.q.bySource.all(query.source));
    }
    return parse(query.set !== undefined ? this.q.bySet.all(query.set) : this.q.all.all());
  }

  async set(name: string): Promise<AnnotationSet | undefined> {
    const row = this.q.set.get(setKey(name));
    return row ? (JSON.parse(row.json) as AnnotationSet) : undefined;
  }

  async sets(): Promise<readonly AnnotationSet[]> {
    return parse(this.q.sets.all());
  }

  async decision(suggestion: string): Promise<Decision | undefined> {
    const row = this.q.decision.get(suggestion);
    return row ? (JSON.parse(row.json) as Decision) : undefined;
  }

  async decisions(): Promise<readonly Decision[]> {
    return parse(this.q.decisions.all());
  }

  async source(id: string): Promise<SourceRecord | undefined> {
    const row = this.q.source.get(id);
    return row ? (JSON.parse(row.json) as SourceRecord) : undefined;
  }

  async sources(): Promise<readonly SourceRecord[]> {
    return parse(this.q.sources.all());
  }

  async revisions(source: string): Promise<readonly SourceRevision[]> {
    return parse(this.q.revisions.all(source));
  }

  async putBlob(kind: BlobKind, content: string): Promise<string> {
    const hash = createHash('sha256').update(content).digest('hex');
    this.q.putBlob.run(kind, hash, content);
    return hash;
  }

  async blob(kind: BlobKind, hash: string): Promise<string | undefined> {
    return this.q.blob.get(kind, hash)?.content;
  }

  async user(name: string): Promise<User | undefined> {
    const row = this.q.user.get(userKey(name));
    return row ? (JSON.parse(row.json) as User) : undefined;
  }

  async users(): Promise<readonly User[]> {
    return parse(this.q.users.all());
  }

  async session(id: string): Promise<Session | undefined> {
    const row = this.q.session.get(id);
    return row ? (JSON.parse(row.json) as Session) : undefined;
  }

  async sessions(user?: string): Promise<readonly Session[]> {
    return parse(user === undefined ? this.q.sessions.all() : this.q.sessionsOf.all(user));
  }

  async countsBySource(set?: string): Promise<Map<string, Record<Kind, number>>> {
    const out = new Map<string, Record<Kind, number>>();
    for (const row of this.q.counts.all(set ?? null, set ?? null)) {
      let c = out.get(row.source);
      if (!c) out.set(row.source, (c = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>));
      c[row.kind] = row.n;
    }
    return out;
  }

  async setSizes(): Promise<Map<string, number>> {
    return new Map(this.q.sizes.all().map((r) => [r.set_name, r.n]));
  }

  async history(annotationId: string): Promise<readonly HistoryEntry[]> {
    return parse(this.q.history.all(annotationId));
  }

  transact<T>(work: (tx: Transaction) => Promise<T> | T): Promise<T> {
    return this.queue.run('tx', async () => {
      const tx = new OverlayTransaction(this);
      const result = await work(tx);
      const changes = tx.changes();
      if (!changes.length) return result;
      this.db.transaction(() => {
        const taken = changes.filter((c) => c.table === 'annotations' && c.expect === 'absent' && this.q.exists.get(c.key)).map((c) => c.key);
        if (taken.length) throw new IdTakenError(taken);
        for (const c of changes) {
          if (c.table === 'annotations') {
            this.q.deleteTargets.run(c.key);
            if (c.value === null) this.q.deleteAnnotation.run(c.key);
            else {
              this.q.putAnnotation.run(c.key, c.value.set, c.value.kind, JSON.stringify(c.value));
              for (const t of c.value.targets) this.q.addTarget.run(t.source, c.key);
            }
          } else if (c.table === 'sets') {
            if (c.value) this.q.putSet.run(c.key, JSON.stringify(c.value));
          } else if (c.table === 'decisions') {
            if (c.value) this.q.putDecision.run(c.key, JSON.stringify(c.value));
            else this.q.deleteDecision.run(c.key);
          } else if (c.table === 'sources') {
            if (c.value) this.q.putSource.run(c.key, JSON.stringify(c.value));
          } else if (c.table === 'revisions') {
            if (c.value) this.q.addRevision.run(c.value.source, c.value.revision, JSON.stringify(c.value));
          } else if (c.table === 'users') {
            if (c.value) this.q.putUser.run(c.key, JSON.stringify(c.value));
            else this.q.deleteUser.run(c.key);
          } else if (c.table === 'sessions') {
            if (c.value) this.q.putSession.run(c.key, c.value.user, JSON.stringify(c.value));
            else this.q.deleteSession.run(c.key);
          } else if (c.value) this.q.addHistory.run(c.key, c.value.annotation, JSON.stringify(c.value));
        }
      })();
      this.committed.emit(changes.map(({ table, key, value }) => ({ table, key, value }) as Op));
      return result;
    });
  }

  onCommit(listener: CommitListener): () => void {
    return this.committed.add(listener);
  }

  async close(): Promise<void> {
    await this.queue.idle();
    this.db.close();
  }
}
