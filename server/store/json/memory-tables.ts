/**
 * The embedded store's committed state in memory: every table as a map, the indexes reads use
 * (annotations by source and by set, counts, history by annotation), and which snapshot file each
 * record belongs to, so compaction knows what to rewrite. Records are never mutated in place: a
 * change replaces the object, which lets readers and compaction hold plain references.
 */
import { KINDS, type Annotation, type Kind } from '../../../core/model';
import type { Op, TableName, Tables } from '../store';
import { fileOf } from './snapshot-layout';

export interface Member {
  table: TableName;
  key: string;
  value: Tables[TableName];
}

/** A snapshot file: its members now, the journal sequence its copy on disk reflects, and whether memory moved on since. */
export interface FileState {
  seq: number;
  dirty: boolean;
  members: Map<string, Member>;
}

const composite = (table: TableName, key: string) => `${table}\u0000${key}`;

/** Stored records are shared with readers (and their cached JSON), so none may change them. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function zero(): Record<Kind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
}

export class MemoryTables {
  private readonly tables: { [T in TableName]: Map<string, Tables[T]> } = {
    annotations: new Map(),
    sets: new Map(),
    decisions: new Map(),
    history: new Map(),
    sources: new Map(),
    revisions: new Map(),
    users: new Map(),
    sessions: new Map(),
  };
  readonly files = new Map<string, FileState>();
  private readonly fileOfMember = new Map<string, string>();

  private readonly bySource = new Map<string, Map<string, Annotation>>();
  private readonly bySet = new Map<string, Map<string, Annotation>>();
  private readonly historyOf = new Map<string, Tables['history'][]>();
  /** source -> its revisions, oldest first */
  private readonly revisionsOf = new Map<string, Tables['revisions'][]>();
  /** source -> set -> kind -> count */
  private readonly counts = new Map<string, Map<string, Record<Kind, number>>>();
  /** Arrays handed to readers, rebuilt on the first read after a change to what they hold. */
  private readonly lists = new Map<string, readonly Annotation[]>();

  get<T extends TableName>(table: T, key: string): Tables[T] | undefined {
    return this.tables[table].get(key);
  }

  has(table: TableName, key: string): boolean {
    return this.tables[table].has(key);
  }

  values<T extends TableName>(table: T): IterableIterator<Tables[T]> {
    return this.tables[table].values();
  }

  size(table: TableName): number {
    return this.tables[table].size;
  }

  /** Annotations touching a source, in one set, or all; a cached array, not to be changed. */
  annotations(query: { source?: string; set?: string } = {}): readonly Annotation[] {
    const listKey = query.source !== undefined ? `source\u0000${query.source}` : query.set !== undefined ? `set\u0000${query.set}` : 'all';
    let list = this.lists.get(listKey);
    if (!list) {
      const from =
        query.source !== undefined ? this.bySource.get(query.source)?.values() : query.set !== undefined ? this.bySet.get(query.set)?.values() : this.tables.annotations.values();
      list = from ? [...from] : [];
      this.lists.set(listKey, list);
    }
    if (query.source !== undefined && query.set !== undefined) return list.filter((a) => a.set === query.set);
    return list;
  }

  historyFor(annotationId: string): readonly Tables['history'][] {
    return this.historyOf.get(annotationId) ?? [];
  }

  revisionsFor(source: string): readonly Tables['revisions'][] {
    return this.revisionsOf.get(source) ?? [];
  }

  countsBySource(set?: string): Map<string, Record<Kind, number>> {
    const out = new Map<string, Record<Kind, number>>();
    for (const [source, bySet] of this.counts) {
      const total = zero();
      for (const [name, c] of bySet) {
        if (set !== undefined && name !== set) continue;
        for (const k of KINDS) total[k] += c[k];
      }
      if (KINDS.some((k) => total[k] > 0)) out.set(source, total);
    }
    return out;
  }

  setSizes(): Map<string, number> {
    return new Map([...this.bySet].map(([name, members]) => [name, members.size]));
  }

  /** Applies one committed change; `dirty` false while loading what the files already hold. */
  apply(op: Op, dirty = true): void {
    const table = this.tables[op.table] as Map<string, Tables[TableName]>;
    const ck = composite(op.table, op.key);
    const previous = table.get(op.key);
    if (previous !== undefined) {
      this.unindex(op.table, op.key, previous);
      const file = this.fileOfMember.get(ck)!;
      const state = this.files.get(file)!;
      state.members.delete(ck);
      if (dirty) state.dirty = true;
      this.fileOfMember.delete(ck);
      table.delete(op.key);
    }
    if (op.value === null) return;
    deepFreeze(op.value);
    table.set(op.key, op.value);
    this.index(op.table, op.key, op.value);
    const file = fileOf(op.table, op.value);
    const state = this.file(file);
    state.members.set(ck, { table: op.table, key: op.key, value: op.value });
    if (dirty) state.dirty = true;
    this.fileOfMember.set(ck, file);
  }

  /** The state of a snapshot file, created (empty, never written) when first named. */
  file(name: string): FileState {
    let state = this.files.get(name);
    if (!state) this.files.set(name, (state = { seq: -1, dirty: false, members: new Map() }));
    return state;
  }

  private index(table: TableName, key: string, value: Tables[TableName]): void {
    if (table === 'annotations') {
      const a = value as Annotation;
      for (const source of new Set(a.targets.map((t) => t.source))) {
        this.member(this.bySource, source).set(key, a);
        this.lists.delete(`source\u0000${source}`);
        this.count(source, a, 1);
      }
      this.member(this.bySet, a.set).set(key, a);
      this.lists.delete(`set\u0000${a.set}`);
      this.lists.delete('all');
    } else if (table === 'history') {
      const h = value as Tables['history'];
      const list = this.historyOf.get(h.annotation);
      if (list) list.push(h);
      else this.historyOf.set(h.annotation, [h]);
    } else if (table === 'revisions') {
      const r = value as Tables['revisions'];
      const list = [...(this.revisionsOf.get(r.source) ?? []), r].sort((x, y) => x.revision - y.revision);
      this.revisionsOf.set(r.source, list);
    }
  }

  private unindex(table: TableName, key: string, value: Tables[TableName]): void {
    if (table === 'annotations') {
      const a = value as Annotation;
      for (const source of new Set(a.targets.map((t) => t.source))) {
        const members = this.bySource.get(source)!;
        members.delete(key);
        if (!members.size) this.bySource.delete(source);
        this.lists.delete(`source\u0000${source}`);
        this.count(source, a, -1);
      }
      const inSet = this.bySet.get(a.set)!;
      inSet.delete(key);
      if (!inSet.size) this.bySet.delete(a.set);
      this.lists.delete(`set\u0000${a.set}`);
      this.lists.delete('all');
    } else if (table === 'history') {
      const h = value as Tables['history'];
      const list = this.historyOf.get(h.annotation)?.filter((x) => x.id !== key) ?? [];
      if (list.length) this.historyOf.set(h.annotation, list);
      else this.historyOf.delete(h.annotation);
    } else if (table === 'revisions') {
      const r = value as Tables['revisions'];
      const list = this.revisionsOf.get(r.source)?.filter((x) => x.revision !== r.revision) ?? [];
      if (list.length) this.revisionsOf.set(r.source, list);
      else this.revisionsOf.delete(r.source);
    }
  }

  private member(index: Map<string, Map<string, Annotation>>, key: string): Map<string, Annotation> {
    let m = index.get(key);
    if (!m) index.set(key, (m = new Map()));
    return m;
  }

  private count(source: string, a: Annotation, delta: number): void {
    let bySet = this.counts.get(source);
    if (!bySet) this.counts.set(source, (bySet = new Map()));
    let c = bySet.get(a.set);
    if (!c) bySet.set(a.set, (c = zero()));
    c[a.kind] += delta;
    if (KINDS.every((k) => c![k] === 0)) {
      bySet.delete(a.set);
      if (!bySet.size) this.counts.delete(source);
    }
  }
}
