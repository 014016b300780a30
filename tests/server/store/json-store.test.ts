/**
 * The embedded store on real temp folders: transactions all or nothing, the journal and its
 * compaction, moves between files, repairs at open, and the errors a damaged folder gives.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { JsonStore } from '../../../server/store/json/json-store';
import { StoreFileError } from '../../../server/store/json/snapshot-files';
import { IdTakenError } from '../../../server/store/store';
import { noteOn as note } from '../../helpers/store-records';

let dir: string;
const open: JsonStore[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collate-store-'));
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function openStore(opts: Parameters<typeof JsonStore.open>[1] = {}, at = dir): Promise<JsonStore> {
  const s = await JsonStore.open(at, opts);
  open.push(s);
  return s;
}

const read = (p: string) => readFile(join(dir, p), 'utf8');
const ids = async (s: JsonStore, q = {}) => (await s.annotations(q)).map((a) => a.id).sort();

async function contents(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(root.length)] = await readFile(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

describe('JsonStore transactions', () => {
  it('commits a group of changes together and finds them again after reopening', async () => {
    const store = await openStore();
    const a = note('alpha');
    const b = note(['alpha', 'beta']);
    await store.transact((tx) => {
      tx.insertAnnotation(a);
      tx.insertAnnotation(b);
      tx.putSet({ name: 'Review', description: '', created: 'x' });
      tx.putDecision({ suggestion: 's_1', action: 'dismissed', at: 'x', by: 'tester' });
      tx.addHistory({ id: 'h_1', annotation: a.id, revision: 1, action: 'created', at: 'x', by: 'tester', changes: [] });
    });
    await store.close();
    const again = await openStore();
    expect(await ids(again)).toEqual([a.id, b.id].sort());
    expect(await ids(again, { source: 'beta' })).toEqual([b.id]);
    expect((await again.set('review'))?.name).toBe('Review');
    expect((await again.decision('s_1'))?.action).toBe('dismissed');
    expect((await again.history(a.id)).map((h) => h.id)).toEqual(['h_1']);
  });

  it('commits nothing when the work throws, and sees its own writes while it runs', async () => {
    const store = await openStore();
    const a = note('alpha');
    await expect(
      store.transact(async (tx) => {
        tx.insertAnnotation(a);
        expect((await tx.annotation(a.id))?.id).toBe(a.id);
        expect((await tx.annotations({ source: 'alpha' })).map((x) => x.id)).toEqual([a.id]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.annotation(a.id)).toBeUndefined();
    await store.close();
    expect(await ids(await openStore())).toEqual([]);
  });

  it('refuses an insert under a taken id and writes nothing of that transaction', async () => {
    const store = await openStore();
    const a = note('alpha');
    await store.transact((tx) => tx.insertAnnotation(a));
    const other = note('gamma');
    await expect(store.transact((tx) => (tx.insertAnnotation(other), tx.insertAnnotation({ ...a, note: 'again' })))).rejects.toBeInstanceOf(IdTakenError);
    expect(await store.annotation(other.id)).toBeUndefined();
    expect((await store.annotation(a.id))?.note).toBe('');
  });

  it('refuses to commit a record it could not load again', async () => {
    const store = await openStore();
    const a = note('alpha', { revision: Number.MAX_SAFE_INTEGER + 1 });
    await expect(store.transact((tx) => tx.insertAnnotation(a))).rejects.toThrow(/revision/);
    await store.close();
    await expect(openStore()).resolves.toBeDefined();
  });

  it('runs transactions one at a time: a second one reads what the first committed', async () => {
    const store = await openStore();
    const a = note('alpha');
    await store.transact((tx) => tx.insertAnnotation(a));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const first = store.transact(async (tx) => {
      const cur = (await tx.annotation(a.id))!;
      order.push('first read');
      await gate;
      tx.replaceAnnotation({ ...cur, revision: cur.revision + 1, note: 'first' });
    });
    const second = store.transact(async (tx) => {
      const cur = (await tx.annotation(a.id))!;
      order.push(`second read revision ${cur.revision}`);
      tx.replaceAnnotation({ ...cur, revision: cur.revision + 1, note: `${cur.note}+second` });
    });
    // The second transaction is queued behind the first, which is still waiting at the gate.
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual(['first read']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first read', 'second read revision 2']);
    expect((await store.annotation(a.id))?.note).toBe('first+second');
  });

  it('hands out read-only records', async () => {
    const store = await openStore();
    await store.transact((tx) => tx.insertAnnotation(note('alpha')));
    const [a] = await store.annotations();
    expect(Object.isFrozen(a) && Object.isFrozen(a.targets[0])).toBe(true);
  });
});

describe('JsonStore journal and compaction', () => {
  it('commits an edit as one journal line without rewriting the source file, however many annotations it holds', async () => {
    const store = await openStore();
    const many = Array.from({ length: 2000 }, () => note('big', { note: 'x'.repeat(100) }));
    await store.transact((tx) => many.forEach((a) => tx.insertAnnotation(a)));
    await store.compact();
    const fileBefore = await stat(join(dir, 'by-source/big.json'));
    const journalBefore = await contents(join(dir, 'journal'));
    const target = many[1234];
    await store.transact((tx) => tx.replaceAnnotation({ ...target, revision: 2, note: 'edited' }));
    expect((await stat(join(dir, 'by-source/big.json'))).mtimeMs).toBe(fileBefore.mtimeMs);
    const journalAfter = await contents(join(dir, 'journal'));
    const added = Object.values(journalAfter).join('').length - Object.values(journalBefore).join('').length;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThan(2000);
    await store.close();
    expect((await (await openStore()).annotation(target.id))?.note).toBe('edited');
  });

  it('compacts into readable snapshot files and drops the old journal', async () => {
    const store = await openStore();
    const a = note('alpha');
    const b = note(['alpha', 'beta']);
    await store.transact((tx) => (tx.insertAnnotation(a), tx.insertAnnotation(b)));
    await store.compact();
    const alpha = JSON.parse(await read('by-source/alpha.json'));
    expect(alpha.version).toBe(2);
    expect(alpha.annotations.map((x: Annotation) => x.id)).toEqual([a.id]);
    expect(JSON.parse(await read('collection.json')).annotations.map((x: Annotation) => x.id)).toEqual([b.id]);
    // One record per line, so a person can read the file.
    expect((await read('by-source/alpha.json')).split('\n').some((line) => line.startsWith(`{"id":"${a.id}"`))).toBe(true);
    const segments = await readdir(join(dir, 'journal'));
    expect(segments).toHaveLength(1);
    expect(await read(`journal/${segments[0]}`)).toBe('');
  });

  it('compacts on its own once the journal passes the threshold, while commits go on', async () => {
    const store = await openStore({ compactBytes: 20_000 });
    for (let i = 0; i < 60; i++) await store.transact((tx) => tx.insertAnnotation(note('alpha', { note: 'y'.repeat(400) })));
    await store.settled();
    const onDisk = JSON.parse(await read('by-source/alpha.json'));
    expect(onDisk.annotations.length).toBeGreaterThan(30);
    await store.close();
    expect(await ids(await openStore())).toHaveLength(60);
  });

  it('loses no commit when a compaction is asked for while a slower one runs', async () => {
    const store = await openStore();
    const big = Array.from({ length: 8000 }, () => note('big'));
    const small = [note('small')];
    await store.transact((tx) => [...big, ...small].forEach((a) => tx.insertAnnotation(a)));
    // The first compaction writes the big file first, giving way as it goes; meanwhile a commit
    // changes the small file and a second compaction writes it.
    const first = store.compact();
    const later = note('small');
    const commit = store.transact((tx) => tx.insertAnnotation(later));
    const second = store.compact();
    await Promise.all([first, commit, second]);
    await store.close();
    expect(await ids(await openStore(), { source: 'small' })).toEqual([small[0].id, later.id].sort());
  });

  it('moves an annotation between files in one commit, and a later delete does not bring the old copy back', async () => {
    const store = await openStore();
    const a = note('alpha');
    await store.transact((tx) => tx.insertAnnotation(a));
    await store.compact();
    await store.transact((tx) => tx.replaceAnnotation({ ...a, revision: 2, kind: 'inconsistency', targets: [...a.targets, { ...a.targets[0], source: 'beta' }] }));
    await store.close();
    let again = await openStore();
    expect((await again.annotation(a.id))?.revision).toBe(2);
    await again.transact((tx) => tx.deleteAnnotation(a.id));
    await again.close();
    again = await openStore();
    expect(await again.annotation(a.id)).toBeUndefined();
    await again.compact();
    await again.close();
    expect(await (await openStore()).annotation(a.id)).toBeUndefined();
  });

  it('keeps the newer of two copies a crash left in two files, and rewrites the stale one so a delete stays deleted', async () => {
    // The copy an interrupted move of the old store left behind: X at revision 1 in its source's
    // file, X at revision 2 (spanning two sources) in the collection file.
    const x = note('alpha');
    await mkdir(join(dir, 'by-source'), { recursive: true });
    await writeFile(join(dir, 'by-source/alpha.json'), JSON.stringify({ version: 1, annotations: [x] }));
    const moved = { ...x, revision: 2, kind: 'inconsistency' as const, targets: [...x.targets, { ...x.targets[0], source: 'beta' }] };
    await writeFile(join(dir, 'collection.json'), JSON.stringify({ version: 1, sets: [], dismissed: ['s_old'], annotations: [moved] }));
    let store = await openStore();
    expect((await store.annotation(x.id))?.revision).toBe(2);
    expect((await store.decision('s_old'))?.action).toBe('dismissed');
    await store.transact((tx) => tx.deleteAnnotation(x.id));
    await store.close();
    store = await openStore();
    expect(await store.annotation(x.id)).toBeUndefined();
    await store.close();
    expect(JSON.parse(await read('by-source/alpha.json')).annotations).toEqual([]);
  });

  it('recovers from a compaction cut short: some files rewritten, the old journal still there', async () => {
    const store = await openStore();
    const a = note('alpha');
    const b = note('beta');
    await store.transact((tx) => (tx.insertAnnotation(a), tx.insertAnnotation(b)));
    await store.compact();
    const staleBeta = await read('by-source/beta.json');
    await store.transact((tx) => {
      tx.replaceAnnotation({ ...a, revision: 2, note: 'a2' });
      tx.replaceAnnotation({ ...b, revision: 2, note: 'b2' });
    });
    await store.transact((tx) => tx.deleteAnnotation(b.id));
    const journal = await contents(join(dir, 'journal'));
    await store.compact();
    await store.close();
    // As if the compaction died after writing alpha's file but before beta's and before the
    // journal was dropped.
    await writeFile(join(dir, 'by-source/beta.json'), staleBeta);
    for (const [name, text] of Object.entries(journal)) await writeFile(join(dir, 'journal', name), text);
    const again = await openStore();
    expect((await again.annotation(a.id))?.note).toBe('a2');
    expect(await again.annotation(b.id)).toBeUndefined();
  });

  it('cuts off a torn last journal line, which was never acknowledged', async () => {
    const store = await openStore();
    const a = note('alpha');
    await store.transact((tx) => tx.insertAnnotation(a));
    await store.close();
    const [segment] = await readdir(join(dir, 'journal'));
    const path = join(dir, 'journal', segment);
    const whole = await readFile(path, 'utf8');
    await writeFile(path, whole + '{"seq":99,"at":"x","ops":[{"table":"annot');
    const again = await openStore();
    expect(await ids(again)).toEqual([a.id]);
    expect(await readFile(path, 'utf8')).toBe(whole);
    await again.transact((tx) => tx.insertAnnotation(note('alpha')));
    await again.close();
    expect(await ids(await openStore())).toHaveLength(2);
  });

  it('stops at a damaged journal line followed by whole ones, naming the file, and leaves it alone', async () => {
    const store = await openStore();
    await store.transact((tx) => tx.insertAnnotation(note('alpha')));
    await store.transact((tx) => tx.insertAnnotation(note('alpha')));
    await store.close();
    const [segment] = await readdir(join(dir, 'journal'));
    const path = join(dir, 'journal', segment);
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[0] = '#' + lines[0].slice(1);
    await writeFile(path, lines.join('\n'));
    const before = await readFile(path, 'utf8');
    const err = await openStore().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreFileError);
    expect((err as Error).message).toContain(segment);
    expect((err as Error).message).toContain('line 1');
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});

describe('JsonStore opening', () => {
  it('names the file and what is wrong with its shape, and changes nothing', async () => {
    await writeFile(join(dir, 'collection.json'), '{"version":1,"sets":"x","annotations":[]}');
    const err = await JsonStore.open(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreFileError);
    expect((err as Error).message).toMatch(/collection\.json: "sets" must be a list/);
    expect(await read('collection.json')).toBe('{"version":1,"sets":"x","annotations":[]}');
  });

  it('names the record that is malformed', async () => {
    await mkdir(join(dir, 'by-source'));
    await writeFile(join(dir, 'by-source/alpha.json'), JSON.stringify({ version: 2, seq: 0, annotations: [note('alpha'), { ...note('alpha'), revision: 'two' }] }));
    await expect(JsonStore.open(dir)).rejects.toThrow(/alpha\.json: annotations\[1\] is malformed at revision/);
  });

  it('removes temporary files that interrupted writes left behind', async () => {
    await mkdir(join(dir, 'by-source'), { recursive: true });
    await mkdir(join(dir, 'sources'), { recursive: true });
    await writeFile(join(dir, '.collection.json.123.1.tmp'), '{');
    await writeFile(join(dir, 'by-source/.alpha.json.123.2.tmp'), '{');
    await writeFile(join(dir, 'sources/.story.txt.123.3.tmp'), 'half');
    await openStore();
    const left = Object.keys(await contents(dir)).filter((p) => p.endsWith('.tmp'));
    expect(left).toEqual([]);
  });

  it('opens read-only without writing a byte, seeing what the journal holds', async () => {
    const store = await openStore();
    const a = note('alpha');
    await store.transact((tx) => tx.insertAnnotation(a));
    await store.close();
    const copy = await mkdtemp(join(tmpdir(), 'collate-store-ro-'));
    try {
      await cp(dir, copy, { recursive: true });
      const [segment] = await readdir(join(copy, 'journal'));
      await writeFile(join(copy, 'journal', segment), (await readFile(join(copy, 'journal', segment), 'utf8')) + '{"torn');
      const before = await contents(copy);
      const ro = await openStore({ readOnly: true }, copy);
      expect(await ids(ro)).toEqual([a.id]);
      await expect(ro.transact((tx) => tx.insertAnnotation(note('alpha')))).rejects.toThrow(/read-only/);
      expect(await contents(copy)).toEqual(before);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('refuses to open a folder that does not exist when reading only', async () => {
    await expect(JsonStore.open(join(dir, 'nope'), { readOnly: true })).rejects.toThrow(/no data folder/);
  });

  it('keeps the default set with one creation time across restarts', async () => {
    const store = await openStore();
    const created = (await store.set('default'))!.created;
    await store.close();
    expect((await (await openStore()).set('DEFAULT'))!.created).toBe(created);
  });
});
