import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { IdTakenError, JsonAnnotationStore } from '../../../server/store/json-annotation-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collate-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

let n = 0;
function note(source: string | string[], extra: Partial<Annotation> = {}): Annotation {
  const sources = Array.isArray(source) ? source : [source];
  return {
    id: `a_test${++n}`,
    revision: 1,
    created: '2026-11-22T00:00:00.000Z',
    modified: '2026-11-22T00:00:00.000Z',
    creator: 'tester',
    set: 'default',
    kind: sources.length > 1 ? 'inconsistency' : 'note',
    targets: sources.map((s) => ({ source: s, start: 0, end: 4, exact: 'text', prefix: '', suffix: '' })),
    tags: [],
    note: '',
    ...extra,
  };
}

const read = (p: string) => readFile(join(dir, p), 'utf8');

describe('JsonAnnotationStore', () => {
  it('writes one file per source and leaves the other files untouched', async () => {
    const store = await JsonAnnotationStore.open(dir);
    await store.insert([note('alpha'), note('beta')]);
    const betaBefore = await read('by-source/beta.json');
    const betaStat = await stat(join(dir, 'by-source/beta.json'));
    await new Promise((r) => setTimeout(r, 20));
    await store.insert([note('alpha')]);
    expect(JSON.parse(await read('by-source/alpha.json')).annotations).toHaveLength(2);
    expect(await read('by-source/beta.json')).toBe(betaBefore);
    expect((await stat(join(dir, 'by-source/beta.json'))).mtimeMs).toBe(betaStat.mtimeMs);
  });

  it('keeps cross-source annotations in the collection file and moves them when targets change', async () => {
    const store = await JsonAnnotationStore.open(dir);
    const a = note(['alpha', 'beta']);
    await store.insert([a]);
    expect(JSON.parse(await read('collection.json')).annotations.map((x: Annotation) => x.id)).toEqual([a.id]);
    const moved = await store.update(a.id, 1, (cur) => ({ ...cur, revision: 2, kind: 'note', targets: [cur.targets[0]] }));
    expect(moved.ok).toBe(true);
    expect(JSON.parse(await read('collection.json')).annotations).toEqual([]);
    expect(JSON.parse(await read('by-source/alpha.json')).annotations.map((x: Annotation) => x.id)).toEqual([a.id]);
    const reopened = await JsonAnnotationStore.open(dir);
    expect(reopened.get(a.id)?.revision).toBe(2);
  });

  it('lets exactly one of many concurrent updates on the same revision win', async () => {
    const store = await JsonAnnotationStore.open(dir);
    const a = note('alpha');
    await store.insert([a]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.update(a.id, 1, (cur) => ({ ...cur, revision: 2, note: `writer ${i}` }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'conflict')).toHaveLength(9);
    const winner = results.find((r) => r.ok)!;
    const onDisk = JSON.parse(await read('by-source/alpha.json')).annotations[0];
    expect(onDisk.note).toBe(winner.ok && winner.value.note);
  });

  it('deletes an annotation that a concurrent edit is moving to another file, leaving no copy behind', async () => {
    const store = await JsonAnnotationStore.open(dir);
    const a = note('alpha');
    await store.insert([a]);
    const move = store.update(a.id, 1, (cur) => ({ ...cur, revision: 2, kind: 'inconsistency', targets: [...cur.targets, { ...cur.targets[0], source: 'beta' }] }));
    // Let the move take its locks and start writing, so the delete looks for the old file.
    await new Promise((r) => setImmediate(r));
    const del = store.remove(a.id, 2);
    const [moved, removed] = await Promise.all([move, del]);
    expect(moved.ok).toBe(true);
    expect(removed.ok).toBe(true);
    expect(store.get(a.id)).toBeUndefined();
    expect(store.annotations().some((x) => x.id === a.id)).toBe(false);
    const reopened = await JsonAnnotationStore.open(dir);
    expect(reopened.get(a.id)).toBeUndefined();
  });

  it('applies an edit that waits behind a move to the annotation in its new file', async () => {
    const store = await JsonAnnotationStore.open(dir);
    const a = note('alpha');
    await store.insert([a]);
    const move = store.update(a.id, 1, (cur) => ({ ...cur, revision: 2, kind: 'inconsistency', targets: [...cur.targets, { ...cur.targets[0], source: 'beta' }] }));
    await new Promise((r) => setImmediate(r));
    const edit = store.update(a.id, 2, (cur) => ({ ...cur, revision: 3, note: 'after the move' }));
    const [, edited] = await Promise.all([move, edit]);
    expect(edited.ok).toBe(true);
    const reopened = await JsonAnnotationStore.open(dir);
    expect(reopened.annotations().filter((x) => x.id === a.id)).toHaveLength(1);
    expect(reopened.get(a.id)).toMatchObject({ revision: 3, note: 'after the move' });
  });

  it('lets only one of several concurrent inserts take an id', async () => {
    const store = await JsonAnnotationStore.open(dir);
    const a = note('alpha');
    const results = await Promise.allSettled([store.insert([a]), store.insert([{ ...a }]), store.insert([{ ...a, targets: [...a.targets, { ...a.targets[0], source: 'beta' }] }])]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(IdTakenError);
    await expect(store.insert([note('gamma'), { ...a }])).rejects.toBeInstanceOf(IdTakenError);
    const reopened = await JsonAnnotationStore.open(dir);
    expect(reopened.annotations().filter((x) => x.id === a.id)).toHaveLength(1);
  });

  it('opens read-only without writing, and refuses writes then', async () => {
    await expect(JsonAnnotationStore.open(join(dir, 'missing'), { readOnly: true })).rejects.toThrow(/no data folder/);
    const store = await JsonAnnotationStore.open(dir, { readOnly: true });
    expect(store.sets().map((s) => s.name)).toEqual(['default']);
    await expect(readFile(join(dir, 'collection.json'))).rejects.toThrow();
    await expect(store.insert([note('alpha')])).rejects.toThrow(/read-only/);
  });

  it('changes nothing in memory when the disk write fails', async () => {
    const store = await JsonAnnotationStore.open(dir);
    // A folder where the file should go makes the atomic rename fail.
    await mkdir(join(dir, 'by-source/gamma.json/blocker'), { recursive: true });
    const a = note('gamma');
    await expect(store.insert([a])).rejects.toThrow();
    expect(store.get(a.id)).toBeUndefined();
    expect(store.annotations().some((x) => x.id === a.id)).toBe(false);
  });

  it('refuses to open a damaged file and leaves it as it was', async () => {
    await mkdir(join(dir, 'by-source'), { recursive: true });
    await writeFile(join(dir, 'by-source/alpha.json'), '{"version":1,"annotations":[');
    await expect(JsonAnnotationStore.open(dir)).rejects.toThrow(/alpha\.json is not valid JSON/);
    expect(await read('by-source/alpha.json')).toBe('{"version":1,"annotations":[');
  });

  it('ignores a temp file left by an interrupted write and keeps the newer of two copies', async () => {
    const store = await JsonAnnotationStore.open(dir);
    const a = note('alpha');
    await store.insert([a]);
    await writeFile(join(dir, 'by-source/.alpha.json.123.1.tmp'), '{"half":');
    // Simulate a crash in the middle of a move: a newer copy in the collection file.
    const collection = JSON.parse(await read('collection.json').catch(() => '{"version":1,"sets":[],"dismissed":[],"annotations":[]}'));
    collection.annotations.push({ ...a, revision: 3, note: 'newer', targets: [...a.targets, { ...a.targets[0], source: 'beta' }] });
    await writeFile(join(dir, 'collection.json'), JSON.stringify(collection));
    const reopened = await JsonAnnotationStore.open(dir);
    expect(reopened.annotations().filter((x) => x.id === a.id)).toHaveLength(1);
    expect(reopened.get(a.id)?.note).toBe('newer');
  });

  it('remembers sets and dismissals across reopen, with default always present', async () => {
    const store = await JsonAnnotationStore.open(dir);
    expect(store.sets().map((s) => s.name)).toEqual(['default']);
    expect(await store.addSet({ name: 'review', description: '', created: 'x' })).toBe(true);
    expect(await store.addSet({ name: 'Review', description: '', created: 'x' })).toBe(false);
    await store.dismiss('s_1');
    const again = await JsonAnnotationStore.open(dir);
    expect(again.sets().map((s) => s.name)).toEqual(['default', 'review']);
    expect(again.sets()[0].created).toBe(store.sets()[0].created);
    expect(again.dismissed().has('s_1')).toBe(true);
  });
});
