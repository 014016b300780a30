/**
 * The embedded store: lowdb-format JSON snapshot files under the data folder (snapshot-layout.ts)
 * plus a write-ahead journal (journal.ts). A transaction is one journal line, appended and
 * fdatasynced before it is acknowledged and before memory changes, so readers never see what a
 * crash could take back, and a commit costs the size of the change. Compaction rewrites the
 * snapshot files the journal touched, off the request path, and then drops the old journal.
 *
 * Transactions run one at a time: every check a transaction makes is still true when it commits.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SET, type Annotation, type AnnotationSet, type Decision, type HistoryEntry, type Kind, type Session, type SourceRecord, type SourceRevision, type User } from '../../../core/model';
import { OverlayTransaction, type Change } from '../overlay-transaction';
import { SerialQueue } from '../serial-queue';
import { CommitListeners, IdTakenError, setKey, storageErrorOf, userKey, type AnnotationQuery, type BlobKind, type CommitListener, type Op, type Store, type Transaction } from '../store';
import { BlobFiles } from './blob-files';
import type { Journal, JournalEntry } from './journal';
import { loadState } from './load-state';
import type { Member, MemoryTables } from './memory-tables';
import { SNAPSHOT_FOLDERS } from './snapshot-layout';
import { checkRecord, writeSnapshot } from './snapshot-files';
import { TimeSlicer } from '../../runtime/time-slices';

export interface JsonStoreOptions {
  /** Open an existing store to read only (an export beside a running server): writes throw. */
  readOnly?: boolean;
  /** Journal bytes after which compaction runs (default 8 MiB). */
  compactBytes?: number;
  /** Where compaction reports a failure (it retries later); default console.error. */
  log?: (line: string) => void;
}

const DEFAULT_COMPACT_BYTES = 8 * 1024 * 1024;

async function blobFolders(dataDir: string): Promise<string[]> {
  try {
    return (await readdir(join(dataDir, 'blobs'))).map((d) => join('blobs', d));
  } catch {
    return [];
  }
}

/** Removes temporary files that writes interrupted by a crash or a full disk left behind. */
async function removeLeftovers(dataDir: string): Promise<void> {
  for (const folder of ['', ...SNAPSHOT_FOLDERS, 'sources', ...(await blobFolders(dataDir))]) {
    let names: string[];
    try {
      names = await readdir(join(dataDir, folder));
    } catch {
      continue;
    }
    for (const name of names) if (name.startsWith('.') && name.endsWith('.tmp')) await unlink(join(dataDir, folder, name)).catch(() => {});
  }
}

interface Queued {
  entry: JournalEntry;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class JsonStore implements Store {
  private readonly queue = new SerialQueue();
  private compaction: Promise<void> | null = null;
  private closed = false;
  /** Changes of transactions waiting for the next group commit, over those being written now. */
  private accumulating: OverlayTransaction = new OverlayTransaction(this);
  private flushing: OverlayTransaction | null = null;
  private batch: Queued[] = [];
  private nextSeq: number;
  /** Bumped by a failed group commit, so transactions that read its changes fail too. */
  private epoch = 0;
  private lastFailure: unknown;
  private readonly blobs: BlobFiles;
  private readonly committed = new CommitListeners();

  private constructor(
    readonly dataDir: string,
    private readonly tables: MemoryTables,
    private readonly journal: Journal | null,
    private seq: number,
    private readonly opts: JsonStoreOptions,
  ) {
    this.nextSeq = seq + 1;
    this.blobs = new BlobFiles(dataDir);
  }

  /**
   * Opens (creating if needed) the store in `dataDir`. A damaged or wrongly shaped file stops the
   * open with a StoreFileError naming it; nothing is overwritten.
   */
  static async open(dataDir: string, opts: JsonStoreOptions = {}): Promise<JsonStore> {
    const writable = !opts.readOnly;
    if (writable) {
      await mkdir(dataDir, { recursive: true });
      await removeLeftovers(dataDir);
    } else if (!existsSync(dataDir)) {
      throw new Error(`there is no data folder at ${dataDir}`);
    }
    const state = await loadState(dataDir, { writable });
    const store = new JsonStore(dataDir, state.tables, writable ? state.journal : null, state.seq, opts);
    if (!writable) await state.journal.close();
    const defaultSet: AnnotationSet = { name: DEFAULT_SET, description: 'The default annotation set', created: new Date().toISOString() };
    if (!state.tables.has('sets', setKey(DEFAULT_SET))) {
      // Written at once, so the default set keeps one creation time across restarts.
      if (writable) await store.transact((tx) => tx.putSet(defaultSet));
      else state.tables.apply({ table: 'sets', key: setKey(DEFAULT_SET), value: defaultSet }, false);
    }
    // Replayed changes and repaired copies go back into the snapshots soon, off the request path.
    if (writable && state.dirtyFiles > 0) store.compactSoon();
    return store;
  }

  // Reads: committed data only.

  async annotation(id: string): Promise<Annotation | undefined> {
    return this.tables.get('annotations', id);
  }

  async annotationsById(ids: readonly string[]): Promise<Map<string, Annotation>> {
    const out = new Map<string, Annotation>();
    for (const id of ids) {
      const a = this.tables.get('annotations', id);
      if (a) out.set(id, a);
    }
    return out;
  }

  async annotations(query: AnnotationQuery = {}): Promise<readonly Annotation[]> {
    return this.tables.annotations(query);
  }

  async set(name: string): Promise<AnnotationSet | undefined> {
    return this.tables.get('sets', setKey(name));
  }

  async sets(): Promise<readonly AnnotationSet[]> {
    return [...this.tables.values('sets')];
  }

  async decision(suggestion: string): Promise<Decision | undefined> {
    return this.tables.get('decisions', suggestion);
  }

  async decisions(): Promise<readonly Decision[]> {
    return [...this.tables.values('decisions')];
  }

  async user(name: string): Promise<User | undefined> {
    return this.tables.get('users', userKey(name));
  }

  async users(): Promise<readonly User[]> {
    return [...this.tables.values('users')];
  }

  async session(id: string): Promise<Session | undefined> {
    return this.tables.get('sessions', id);
  }

  async sessions(user?: string): Promise<readonly Session[]> {
    const all = [...this.tables.values('sessions')];
    return user === undefined ? all : all.filter((s) => s.user === user);
  }

  async countsBySource(set?: string): Promise<Map<string, Record<Kind, number>>> {
    return this.tables.countsBySource(set);
  }

  async setSizes(): Promise<Map<string, number>> {
    return this.tables.setSizes();
  }

  async history(annotationId?: string): Promise<readonly HistoryEntry[]> {
    return annotationId === undefined ? [...this.tables.values('history')] : this.tables.historyFor(annotationId);
  }

  async source(id: string): Promise<SourceRecord | undefined> {
    return this.tables.get('sources', id);
  }

  async sources(): Promise<readonly SourceRecord[]> {
    return [...this.tables.values('sources')];
  }

  async revisions(source: string): Promise<readonly SourceRevision[]> {
    return this.tables.revisionsFor(source);
  }

  putBlob(kind: BlobKind, content: string): Promise<string> {
    if (!this.journal) return Promise.reject(new Error(`the store in ${this.dataDir} was opened read-only`));
    return this.blobs.put(kind, content);
  }

  blob(kind: BlobKind, hash: string): Promise<string | undefined> {
    return this.blobs.get(kind, hash);
  }

  onCommit(listener: CommitListener): () => void {
    return this.committed.add(listener);
  }

  /**
   * Runs `work` after the transactions before it, on top of their changes even while those are
   * still being written; then queues its changes for the next group commit and resolves once they
   * are on disk. Outside readers see a change only once it is durable.
   */
  async transact<T>(work: (tx: Transaction) => Promise<T> | T): Promise<T> {
    if (!this.journal) throw new Error(`the store in ${this.dataDir} was opened read-only`);
    if (this.closed) throw new Error('the store is closed');
    const queued = await this.queue.run('tx', async () => {
      const epoch = this.epoch;
      const tx = new OverlayTransaction(this.accumulating);
      const result = await work(tx);
      const changes = tx.changes();
      if (!changes.length) return { result };
      // A group commit failed while this one ran: what it read may never have been saved.
      if (epoch !== this.epoch) throw this.lastFailure;
      const ops = await this.checked(changes);
      const seq = this.nextSeq++;
      this.accumulating.absorb(changes);
      const durable = new Promise<void>((resolve, reject) => this.batch.push({ entry: { seq, at: new Date().toISOString(), ops }, resolve, reject }));
      void this.queue.run('journal', () => this.flush());
      return { result, durable };
    });
    await queued.durable;
    return queued.result;
  }

  /** Checks changes against the data they expect (committed and queued) and the schemas loading uses. */
  private async checked(changes: Change[]): Promise<Op[]> {
    const holds = (c: Change) => {
      for (const layer of [this.accumulating, this.flushing]) {
        const w = layer?.written(c.table, c.key);
        if (w) return w.value !== null;
      }
      return this.tables.has(c.table, c.key);
    };
    const taken = changes.filter((c) => c.expect === 'absent' && holds(c)).map((c) => c.key);
    if (taken.length) throw new IdTakenError(taken);
    const gone = changes.find((c) => c.expect === 'present' && !holds(c));
    if (gone) throw new RangeError(`cannot change ${gone.table} "${gone.key}": it does not exist`);
    // Every record must be one the store can load again.
    const slicer = new TimeSlicer();
    const ops: Op[] = [];
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i];
      const value = c.value === null ? null : checkRecord(c.table, c.value, `${c.table} "${c.key}"`, 'a new record');
      ops.push({ table: c.table, key: c.key, value } as Op);
      if (i % 256 === 255) await slicer.pause();
    }
    return ops;
  }

  /**
   * Writes every queued transaction in one append and one fdatasync, then applies them to memory in
   * order and acknowledges them. If the write fails, none of them is kept, nor any transaction built
   * on top of them.
   */
  private async flush(): Promise<void> {
    if (!this.batch.length) return;
    const batch = this.batch;
    this.batch = [];
    this.flushing = this.accumulating;
    this.accumulating = new OverlayTransaction(this.flushing);
    try {
      await this.journal!.append(batch.map((b) => b.entry));
    } catch (e) {
      const failed = [...batch, ...this.batch];
      this.batch = [];
      this.flushing = null;
      this.accumulating = new OverlayTransaction(this);
      this.nextSeq = this.seq + 1;
      this.epoch++;
      this.lastFailure = e;
      for (const b of failed) b.reject(e);
      return;
    }
    for (const b of batch) {
      for (const op of b.entry.ops) this.tables.apply(op);
      this.seq = b.entry.seq;
    }
    this.accumulating.rebase(this);
    this.flushing = null;
    for (const b of batch) b.resolve();
    for (const b of batch) this.committed.emit(b.entry.ops);
    if (!this.batch.length) await this.journal!.release();
    if (this.journal!.bytesInSegment >= (this.opts.compactBytes ?? DEFAULT_COMPACT_BYTES)) this.compactSoon();
  }

  /** Starts a compaction unless one is running. */
  private compactSoon(): void {
    if (this.compaction || this.closed) return;
    this.compaction = this.compact()
      .catch((e: unknown) => {
        const err = storageErrorOf(e, 'compacting the store');
        (this.opts.log ?? console.error)(`collate: compaction failed, will retry: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        this.compaction = null;
      });
  }

  /**
   * Rewrites every snapshot file changed since it was written, as of one journal position, then
   * drops the journal segments before it. Commits go on meanwhile, into a new segment. Compactions
   * run one at a time: an older one finishing after a newer one would write older contents over
   * newer ones whose journal is already gone.
   */
  compact(): Promise<void> {
    if (!this.journal) return Promise.reject(new Error(`the store in ${this.dataDir} was opened read-only`));
    return this.queue.run('compact', () => this.compactOnce());
  }

  private async compactOnce(): Promise<void> {
    // Between group commits, so memory holds exactly what the journal holds up to `seq`.
    const captured = await this.queue.run('journal', async () => {
      const seq = this.seq;
      await this.journal!.rotate(seq + 1);
      const files: { name: string; members: Member[] }[] = [];
      for (const [name, state] of this.tables.files) {
        if (!state.dirty) continue;
        files.push({ name, members: [...state.members.values()] });
        state.dirty = false;
      }
      return { seq, files };
    });
    let written = 0;
    try {
      await mkdir(join(this.dataDir, 'by-source'), { recursive: true });
      await mkdir(join(this.dataDir, 'history'), { recursive: true });
      for (const f of captured.files) {
        await writeSnapshot(this.dataDir, f.name, captured.seq, f.members);
        this.tables.file(f.name).seq = captured.seq;
        written++;
      }
      await this.journal!.dropOldSegments();
    } catch (e) {
      // What was not written stays dirty; the old segments stay until a compaction completes.
      for (const f of captured.files.slice(written)) this.tables.file(f.name).dirty = true;
      throw e;
    }
  }

  /** Waits for a running compaction. */
  async settled(): Promise<void> {
    while (this.compaction) await this.compaction;
    await this.queue.idle();
  }

  async close(): Promise<void> {
    await this.settled();
    this.closed = true;
    await this.journal?.close();
  }
}
