/**
 * Opening the embedded store: the snapshot files, then the journal replayed over them. Each
 * snapshot says up to which journal entry it is current, so an entry is applied to a file only if
 * the file is older than it. An entry removes its key from every older file (a move, or a copy a
 * crash left behind) and puts the record in the file it belongs to.
 *
 * Whatever disagrees with the journal-free picture (a replayed change, a duplicate, a record in the
 * wrong file) marks the files involved dirty, so compaction rewrites them and no stale copy can
 * come back after a later change.
 */
import type { Annotation } from '../../../core/model';
import type { TableName } from '../store';
import { Journal } from './journal';
import { MemoryTables, type Member } from './memory-tables';
import { fileOf } from './snapshot-layout';
import { listSnapshots, readSnapshot } from './snapshot-files';

interface LoadedFile {
  seq: number;
  records: Map<string, Member>;
}

export interface LoadedState {
  tables: MemoryTables;
  journal: Journal;
  /** The last committed journal sequence number. */
  seq: number;
  /** How many journal entries were replayed, and how many files need rewriting. */
  replayed: number;
  dirtyFiles: number;
}

const composite = (table: TableName, key: string) => `${table}\u0000${key}`;

/** Of two copies of one record, the one to keep: the higher revision, else the newer file. */
function wins(a: { m: Member; seq: number }, b: { m: Member; seq: number }): boolean {
  if (a.m.table === 'annotations') {
    const ra = (a.m.value as Annotation).revision;
    const rb = (b.m.value as Annotation).revision;
    if (ra !== rb) return ra > rb;
  }
  return a.seq > b.seq;
}

export async function loadState(dataDir: string, opts: { writable: boolean }): Promise<LoadedState> {
  const files = new Map<string, LoadedFile>();
  const locations = new Map<string, Set<string>>();
  const touched = new Set<string>();
  const locate = (ck: string) => {
    let s = locations.get(ck);
    if (!s) locations.set(ck, (s = new Set()));
    return s;
  };

  for (const name of await listSnapshots(dataDir)) {
    const snap = await readSnapshot(dataDir, name);
    const records = new Map<string, Member>();
    for (const m of snap.members) {
      const ck = composite(m.table, m.key);
      const earlier = records.get(ck);
      if (earlier) {
        touched.add(name);
        if (!wins({ m, seq: 0 }, { m: earlier, seq: 0 })) continue;
      }
      records.set(ck, m);
      locate(ck).add(name);
    }
    files.set(name, { seq: snap.seq, records });
  }

  const { journal, entries, nextSeq } = await Journal.open(dataDir, opts);
  for (const entry of entries) {
    for (const op of entry.ops) {
      const ck = composite(op.table, op.key);
      const at = locate(ck);
      for (const name of [...at]) {
        const f = files.get(name)!;
        if (f.seq >= entry.seq) continue;
        f.records.delete(ck);
        at.delete(name);
        touched.add(name);
      }
      if (op.value === null) continue;
      const home = fileOf(op.table, op.value);
      let f = files.get(home);
      if (!f) files.set(home, (f = { seq: -1, records: new Map() }));
      if (f.seq >= entry.seq) continue;
      f.records.set(ck, { table: op.table, key: op.key, value: op.value });
      at.add(home);
      touched.add(home);
    }
  }

  const chosen = new Map<string, { m: Member; seq: number; file: string }>();
  for (const [name, f] of files) {
    for (const [ck, m] of f.records) {
      const home = fileOf(m.table, m.value);
      if (home !== name) {
        touched.add(name);
        touched.add(home);
      }
      const other = chosen.get(ck);
      const candidate = { m, seq: f.seq, file: name };
      if (!other) chosen.set(ck, candidate);
      else if (wins(candidate, other)) {
        touched.add(other.file);
        chosen.set(ck, candidate);
      } else touched.add(name);
    }
  }

  const tables = new MemoryTables();
  let seq = nextSeq - 1;
  for (const [name, f] of files) {
    tables.file(name).seq = f.seq;
    seq = Math.max(seq, f.seq);
  }
  for (const { m } of chosen.values()) tables.apply({ table: m.table, key: m.key, value: m.value } as never, false);
  for (const name of touched) tables.file(name).dirty = true;
  journal.startAt(seq + 1);
  return { tables, journal, seq, replayed: entries.length, dirtyFiles: touched.size };
}
