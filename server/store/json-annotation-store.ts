/**
 * AnnotationStore on lowdb JSON files under a data directory:
 *
 *   by-source/<source-id>.json   annotations whose targets all lie in that source
 *   collection.json              sets, dismissed suggestions, and annotations that span sources
 *
 * A change rewrites only the file(s) it touches. Every write is an atomic, fsynced replace
 * (durable-file.ts) and is acknowledged only once it is on disk; memory is updated after the disk,
 * so a failed write changes nothing. Writes are serialised per file; a change that moves an
 * annotation between files locks both, in a fixed order, so two moves cannot deadlock.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { Annotation as AnnotationSchema, AnnotationSet as SetSchema, DEFAULT_SET } from '../../core/model';
import type { Annotation, AnnotationSet } from '../../core/model';
import { IdTakenError, type AnnotationStore, type Guarded } from './annotation-store';

export { IdTakenError };
import { JsonFile } from './durable-file';
import { SerialQueue } from './serial-queue';

interface SourceFile {
  version: 1;
  annotations: Annotation[];
}
interface CollectionFile {
  version: 1;
  sets: AnnotationSet[];
  dismissed: string[];
  annotations: Annotation[];
}

const COLLECTION = 'collection';
/** Returned under a lock that turned out to be the wrong one (the annotation moved meanwhile). */
const RETRY = Symbol('retry');

const BY_SOURCE = 'by-source';

/** Which file an annotation lives in: its source's, or the collection file when it spans sources. */
function fileKeyOf(a: Annotation): string {
  const first = a.targets[0].source;
  return a.targets.every((t) => t.source === first) ? `source:${first}` : COLLECTION;
}

export class JsonAnnotationStore implements AnnotationStore {
  private files = new Map<string, Low<SourceFile | CollectionFile>>();
  private where = new Map<string, string>();
  private queue = new SerialQueue();
  private snapshot: Annotation[] | null = null;
  /** Ids of inserts under way. */
  private reserved = new Set<string>();

  private constructor(
    readonly dataDir: string,
    private readonly readOnly: boolean,
  ) {}

  /**
   * Opens (creating if needed) the store in `dataDir`. A damaged file stops the open: nothing is
   * overwritten. `readOnly` opens an existing store without writing anything (exports beside a
   * running server); its write methods then throw.
   */
  static async open(dataDir: string, opts: { readOnly?: boolean } = {}): Promise<JsonAnnotationStore> {
    const store = new JsonAnnotationStore(dataDir, opts.readOnly ?? false);
    await store.load();
    return store;
  }

  private async load(): Promise<void> {
    if (this.readOnly) {
      if (!existsSync(this.dataDir)) throw new Error(`there is no data folder at ${this.dataDir}`);
    } else {
      await mkdir(join(this.dataDir, BY_SOURCE), { recursive: true });
      for (const name of await readdir(this.dataDir)) {
        // A write of collection.json interrupted before its rename.
        if (name.startsWith('.collection.json.') && name.endsWith('.tmp')) await unlink(join(this.dataDir, name)).catch(() => {});
      }
    }
    const collection = new Low<CollectionFile>(new JsonFile(join(this.dataDir, 'collection.json')), {
      version: 1,
      sets: [],
      dismissed: [],
      annotations: [],
    });
    await collection.read();
    this.files.set(COLLECTION, collection as Low<SourceFile | CollectionFile>);
    const names = existsSync(join(this.dataDir, BY_SOURCE)) ? await readdir(join(this.dataDir, BY_SOURCE)) : [];
    for (const name of names) {
      if (name.endsWith('.tmp')) {
        if (this.readOnly) continue;
        // A write interrupted before its rename: the real file still holds the last acknowledged state.
        await unlink(join(this.dataDir, BY_SOURCE, name)).catch(() => {});
        continue;
      }
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      const db = this.sourceDb(id);
      await db.read();
    }
    const seen = new Map<string, Annotation>();
    for (const [key, db] of this.files) {
      const data = db.data;
      if (!data || !Array.isArray(data.annotations)) throw new Error(`store file for ${key} has no annotations list`);
      data.annotations = data.annotations.map((raw, i) => {
        const parsed = AnnotationSchema.safeParse(raw);
        if (!parsed.success) throw new Error(`store file for ${key}: annotation ${i} is malformed: ${parsed.error.message}`);
        return parsed.data;
      });
      for (const a of data.annotations) {
        // A crash while moving an annotation between files can leave two copies: the newer wins.
        const other = seen.get(a.id);
        if (other && other.revision >= a.revision) continue;
        seen.set(a.id, a);
        this.where.set(a.id, key);
      }
    }
    for (const [key, db] of this.files) {
      db.data!.annotations = db.data!.annotations.filter((a) => this.where.get(a.id) === key && seen.get(a.id) === a);
    }
    const c = this.collection();
    c.sets = c.sets.map((s) => SetSchema.parse(s));
    if (!c.sets.some((s) => s.name === DEFAULT_SET)) {
      const sets = [{ name: DEFAULT_SET, description: 'The default annotation set', created: new Date().toISOString() }, ...c.sets];
      // Written at once, so the default set keeps one creation time across restarts.
      if (this.readOnly) this.files.get(COLLECTION)!.data = { ...c, sets };
      else await this.writeCollection({ ...c, sets });
    }
  }

  private sourceDb(sourceId: string): Low<SourceFile | CollectionFile> {
    const key = `source:${sourceId}`;
    let db = this.files.get(key);
    if (!db) {
      db = new Low<SourceFile | CollectionFile>(new JsonFile(join(this.dataDir, BY_SOURCE, `${sourceId}.json`)), {
        version: 1,
        annotations: [],
      });
      this.files.set(key, db);
    }
    return db;
  }

  private db(key: string): Low<SourceFile | CollectionFile> {
    return key === COLLECTION ? this.files.get(COLLECTION)! : this.sourceDb(key.slice('source:'.length));
  }

  private collection(): CollectionFile {
    return this.files.get(COLLECTION)!.data as CollectionFile;
  }

  /** Runs `task` holding the queues of all `keys`, taken in sorted order. */
  private withFiles<T>(keys: string[], task: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const nest = (i: number): Promise<T> => (i === sorted.length ? task() : this.queue.run(sorted[i], () => nest(i + 1)));
    return nest(0);
  }

  /**
   * Writes new contents for several files; if one write fails, the files already written are put
   * back, so a multi-file change is all or nothing as far as the process can make it.
   */
  private async commit(changes: Map<string, Annotation[]>): Promise<void> {
    this.assertWritable();
    const done: [string, SourceFile | CollectionFile][] = [];
    try {
      for (const [key, annotations] of changes) {
        const db = this.db(key);
        const before = db.data!;
        const next = { ...before, annotations };
        await db.adapter.write(next);
        done.push([key, before]);
        db.data = next;
      }
    } catch (e) {
      for (const [key, before] of done.reverse()) {
        const db = this.db(key);
        await db.adapter.write(before).catch(() => {});
        db.data = before;
      }
      throw e;
    }
    this.snapshot = null;
  }

  annotations(): readonly Annotation[] {
    if (!this.snapshot) this.snapshot = [...this.files.values()].flatMap((db) => db.data!.annotations);
    return this.snapshot;
  }

  get(id: string): Annotation | undefined {
    const key = this.where.get(id);
    return key ? this.db(key).data!.annotations.find((a) => a.id === id) : undefined;
  }

  async insert(annotations: Annotation[]): Promise<void> {
    // Ids are claimed synchronously, before any await, so two inserts cannot both take one id.
    const taken = annotations.filter((a, i) => this.where.has(a.id) || this.reserved.has(a.id) || annotations.findIndex((b) => b.id === a.id) !== i);
    if (taken.length) throw new IdTakenError(taken.map((a) => a.id));
    for (const a of annotations) this.reserved.add(a.id);
    const byKey = new Map<string, Annotation[]>();
    for (const a of annotations) {
      const key = fileKeyOf(a);
      byKey.set(key, [...(byKey.get(key) ?? []), a]);
    }
    try {
      await this.withFiles([...byKey.keys()], async () => {
        const changes = new Map<string, Annotation[]>();
        for (const [key, added] of byKey) changes.set(key, [...this.db(key).data!.annotations, ...added]);
        await this.commit(changes);
        for (const [key, added] of byKey) for (const a of added) this.where.set(a.id, key);
      });
    } finally {
      for (const a of annotations) this.reserved.delete(a.id);
    }
  }

  async update(
    id: string,
    expectedRevision: number,
    next: (current: Annotation) => Annotation,
  ): Promise<Guarded<Annotation>> {
    // Lock the file it is in and the file it would move to. If another change moved it before the
    // locks were held, the locks are the wrong ones: let go and try again.
    for (;;) {
      const before = this.get(id);
      if (!before) return { ok: false, reason: 'not_found' };
      const keys = [this.where.get(id)!, fileKeyOf(next(before))];
      const result = await this.withFiles(keys, async (): Promise<Guarded<Annotation> | typeof RETRY> => {
        const from = this.where.get(id);
        if (from === undefined) return { ok: false, reason: 'not_found' };
        if (!keys.includes(from)) return RETRY;
        const current = this.get(id)!;
        if (current.revision !== expectedRevision) return { ok: false, reason: 'conflict', current };
        const updated = next(current);
        if (updated.id !== id) throw new RangeError('an update may not change the id');
        const to = fileKeyOf(updated);
        if (!keys.includes(to)) return RETRY;
        const changes = new Map<string, Annotation[]>();
        // Write the new home first: a crash in between leaves two copies, and load keeps the newer.
        if (to !== from) changes.set(to, [...this.db(to).data!.annotations, updated]);
        changes.set(
          from,
          to === from
            ? this.db(from).data!.annotations.map((a) => (a.id === id ? updated : a))
            : this.db(from).data!.annotations.filter((a) => a.id !== id),
        );
        await this.commit(changes);
        this.where.set(id, to);
        return { ok: true, value: updated };
      });
      if (result !== RETRY) return result;
    }
  }

  async remove(id: string, expectedRevision: number): Promise<Guarded<Annotation>> {
    for (;;) {
      const key = this.where.get(id);
      if (!key) return { ok: false, reason: 'not_found' };
      const result = await this.withFiles([key], async (): Promise<Guarded<Annotation> | typeof RETRY> => {
        const at = this.where.get(id);
        if (at === undefined) return { ok: false, reason: 'not_found' };
        if (at !== key) return RETRY;
        const current = this.get(id)!;
        if (current.revision !== expectedRevision) return { ok: false, reason: 'conflict', current };
        await this.commit(new Map([[key, this.db(key).data!.annotations.filter((a) => a.id !== id)]]));
        this.where.delete(id);
        return { ok: true, value: current };
      });
      if (result !== RETRY) return result;
    }
  }

  sets(): readonly AnnotationSet[] {
    return this.collection().sets;
  }

  addSet(set: AnnotationSet): Promise<boolean> {
    return this.queue.run(COLLECTION, async () => {
      const data = this.collection();
      if (data.sets.some((s) => s.name.toLowerCase() === set.name.toLowerCase())) return false;
      await this.writeCollection({ ...data, sets: [...data.sets, set] });
      return true;
    });
  }

  dismissed(): ReadonlySet<string> {
    return new Set(this.collection().dismissed);
  }

  dismiss(id: string): Promise<void> {
    return this.queue.run(COLLECTION, async () => {
      const data = this.collection();
      if (data.dismissed.includes(id)) return;
      await this.writeCollection({ ...data, dismissed: [...data.dismissed, id] });
    });
  }

  private assertWritable(): void {
    if (this.readOnly) throw new Error(`the store in ${this.dataDir} was opened read-only`);
  }

  private async writeCollection(next: CollectionFile): Promise<void> {
    this.assertWritable();
    const db = this.files.get(COLLECTION)!;
    await db.adapter.write(next);
    db.data = next;
  }

  flush(): Promise<void> {
    return this.queue.idle();
  }
}
