/**
 * The Store contract, one test code run against every store: the embedded JSON store on a temp
 * folder and the PostgreSQL store on a database of the run's throwaway server. Every read, all or
 * nothing, a transaction's view of its own writes, taken ids, changes to records that are not
 * there, races with exactly one winner, history and decisions, sources and their revisions, users
 * and sessions, blobs, and commit listeners (on PostgreSQL also another process's commits).
 *
 * Races: PostgreSQL runs transactions side by side (here on two pools, as two servers would), so
 * the racing work waits at a meeting point until both have read, which makes them cross every
 * time. The JSON store runs transactions one at a time, so its racers skip the meeting point (the
 * second could never arrive while the first waits); the expected outcome is the same.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, Decision, HistoryEntry, Session, SourceRecord, SourceRevision, User } from '../../../core/model';
import { JsonStore } from '../../../server/store/json/json-store';
import { PgStore } from '../../../server/store/postgres/pg-store';
import { IdTakenError, type Op, type Store } from '../../../server/store/store';
import { testDatabase, type TestDatabase } from '../../helpers/test-database';
import { noteOn as note } from '../../helpers/store-records';

interface Harness {
  /** Before all tests of the store, and before each, fresh empty data. */
  setUp(): Promise<void>;
  fresh(): Promise<void>;
  tearDown(): Promise<void>;
  /** A handle on the data; a second call is another process's handle where the store allows one. */
  open(): Promise<Store>;
  /** Whether two handles' transactions run side by side. */
  concurrent: boolean;
}

function jsonHarness(): Harness {
  let dir = '';
  return {
    concurrent: false,
    async setUp() {},
    async fresh() {
      if (dir) await rm(dir, { recursive: true, force: true });
      dir = await mkdtemp(join(tmpdir(), 'collate-contract-'));
    },
    async tearDown() {
      await rm(dir, { recursive: true, force: true });
    },
    open: () => JsonStore.open(dir),
  };
}

function postgresHarness(): Harness {
  let db: TestDatabase;
  return {
    concurrent: true,
    async setUp() {
      db = await testDatabase('contract');
      await (await PgStore.open(db.url, { log: () => {} })).close();
    },
    async fresh() {
      // Every table but the migrations' record, whatever tables later migrations add.
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query<{ t: string }>(`SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`);
      await client.query(`TRUNCATE ${rows.map((r) => r.t).join(', ')}`);
      await client.end();
    },
    tearDown: () => db.drop(),
    open: () => PgStore.open(db.url, { log: () => {} }),
  };
}

const decision = (suggestion: string, action: Decision['action'] = 'dismissed'): Decision => ({ suggestion, action, at: '2026-11-22T00:00:00.000Z', by: 'tester' });
const history = (annotation: string, revision: number, action: HistoryEntry['action']): HistoryEntry => ({
  id: `h_${annotation}_${revision}_${action}`,
  annotation,
  revision,
  action,
  at: '2026-11-22T00:00:00.000Z',
  by: 'tester',
  changes: [],
});
const ids = (list: readonly Annotation[]) => list.map((a) => a.id).sort();
const STAMP = '2026-11-22T00:00:00.000Z';
const sourceRecord = (id: string, revision = 1): SourceRecord => ({ id, revision, title: `Story ${id}`, outlet: 'Wire', guessed: [], created: STAMP, modified: STAMP });
const revisionOf = (source: string, revision: number): SourceRevision => ({
  source,
  revision,
  created: STAMP,
  hash: createHash('sha256').update(`${source} ${revision}`).digest('hex'),
  length: 10,
  words: 2,
  origin: { kind: 'file', fileName: `${source}.txt` },
});
const user = (name: string): User => ({ name, role: 'editor', tokenHash: `hash-${name}`, created: STAMP, tokenIssued: STAMP });
const session = (id: string, of: string): Session => ({ id, user: of, created: STAMP, seen: STAMP, expires: STAMP });

/** Resolves once `parties` callers arrived (and at once from then on); a no-op when disabled. */
function meetingPoint(parties: number, enabled: boolean): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (!enabled) return;
    if (++arrived >= parties) open();
    await all;
  };
}

describe.each([
  ['embedded JSON store', jsonHarness],
  ['PostgreSQL store', postgresHarness],
])('Store contract: %s', (_name, make) => {
  const h = make();
  const opened: Store[] = [];
  const open = async () => {
    const s = await h.open();
    opened.push(s);
    return s;
  };
  /** A second handle on the same data (the same one where the store has one owner). */
  const other = async (first: Store) => (h.concurrent ? open() : first);

  beforeAll(() => h.setUp());
  beforeEach(() => h.fresh());
  afterEach(async () => {
    for (const s of opened.splice(0).reverse()) await s.close();
  });
  afterAll(() => h.tearDown());

  it('answers every read from committed data, and again after reopening', async () => {
    const store = await open();
    const a = note('alpha', { kind: 'claim', claim: { claimant: 'X', verdict: 'true', evidence: [] } });
    const b = note(['alpha', 'beta']);
    const c = note('beta', { set: 'Review' });
    // Two targets in one source count once for it.
    const d = note(['gamma', 'gamma']);
    await store.transact((tx) => {
      tx.putSet({ name: 'Review', description: 'second look', created: '2026-11-22T00:00:00.000Z' });
      for (const x of [a, b, c, d]) tx.insertAnnotation(x);
      tx.putDecision(decision('s_1'));
      tx.addHistory(history(a.id, 1, 'created'));
    });
    const check = async (s: Store) => {
      expect(await s.annotation(b.id)).toEqual(b);
      expect(await s.annotation('a_none')).toBeUndefined();
      expect(ids(await s.annotations())).toEqual(ids([a, b, c, d]));
      expect(ids(await s.annotations({ source: 'alpha' }))).toEqual(ids([a, b]));
      expect(ids(await s.annotations({ source: 'beta' }))).toEqual(ids([b, c]));
      expect(ids(await s.annotations({ source: 'beta', set: 'Review' }))).toEqual([c.id]);
      expect(ids(await s.annotations({ set: 'Review' }))).toEqual([c.id]);
      expect(await s.annotations({ source: 'nowhere' })).toEqual([]);
      expect((await s.set('REVIEW'))?.description).toBe('second look');
      expect((await s.set('default'))?.name).toBe('default');
      expect((await s.sets()).map((x) => x.name).sort()).toEqual(['Review', 'default']);
      expect(await s.decision('s_1')).toEqual(decision('s_1'));
      expect(await s.decisions()).toEqual([decision('s_1')]);
      const counts = await s.countsBySource();
      expect(counts.get('alpha')).toEqual({ claim: 1, inconsistency: 1, note: 0, reuse: 0 });
      expect(counts.get('gamma')).toEqual({ claim: 0, inconsistency: 1, note: 0, reuse: 0 });
      expect([...(await s.countsBySource('Review')).keys()]).toEqual(['beta']);
      expect(await s.setSizes()).toEqual(new Map([['default', 3], ['Review', 1]]));
      expect((await s.history(a.id)).map((x) => x.id)).toEqual([`h_${a.id}_1_created`]);
    };
    await check(store);
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    await check(await open());
  });

  it('keeps text exactly as given, key order and control characters included', async () => {
    const store = await open();
    const a = note('alpha', { note: 'nul \u0000, tab \t, quote " and emoji 🙂', tags: ['ünïcode'] });
    await store.transact((tx) => tx.insertAnnotation(a));
    const back = await store.annotation(a.id);
    expect(back).toEqual(a);
    expect(JSON.stringify(back)).toBe(JSON.stringify(a));
    expect(await store.annotation('a\u0000')).toBeUndefined();
  });

  it('commits nothing of a transaction whose work throws, and shows the work its own writes', async () => {
    const store = await open();
    const kept = note('alpha');
    await store.transact((tx) => tx.insertAnnotation(kept));
    const a = note('alpha');
    const moved = { ...kept, revision: 2, targets: [{ ...kept.targets[0], source: 'beta' }] };
    await expect(
      store.transact(async (tx) => {
        tx.insertAnnotation(a);
        tx.replaceAnnotation(moved);
        tx.putSet({ name: 'Draft', description: '', created: 'x' });
        tx.putDecision(decision('s_9'));
        expect((await tx.annotation(a.id))?.id).toBe(a.id);
        expect(ids(await tx.annotations({ source: 'alpha' }))).toEqual([a.id]);
        expect(ids(await tx.annotations({ source: 'beta' }))).toEqual([kept.id]);
        expect((await tx.set('draft'))?.name).toBe('Draft');
        expect((await tx.decisions()).map((d) => d.suggestion)).toEqual(['s_9']);
        tx.deleteAnnotation(a.id);
        expect(await tx.annotation(a.id)).toBeUndefined();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.annotation(a.id)).toBeUndefined();
    expect(await store.annotation(kept.id)).toEqual(kept);
    expect(await store.set('Draft')).toBeUndefined();
    expect(await store.decisions()).toEqual([]);
  });

  it('refuses inserts under taken ids, naming them, and writes nothing of that transaction', async () => {
    const store = await open();
    const a = note('alpha');
    const b = note('alpha');
    await store.transact((tx) => (tx.insertAnnotation(a), tx.insertAnnotation(b)));
    const fresh = note('gamma');
    const err = await store
      .transact((tx) => {
        tx.insertAnnotation(fresh);
        tx.insertAnnotation({ ...a, note: 'again' });
        tx.insertAnnotation({ ...b, note: 'again' });
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdTakenError);
    expect((err as IdTakenError).ids.sort()).toEqual([a.id, b.id].sort());
    expect(await store.annotation(fresh.id)).toBeUndefined();
    expect((await store.annotation(a.id))?.note).toBe('');
    await expect(store.transact((tx) => tx.addHistory(history(a.id, 1, 'created')))).resolves.toBeUndefined();
    await expect(store.transact((tx) => tx.addHistory(history(a.id, 1, 'created')))).rejects.toBeInstanceOf(IdTakenError);
  });

  it('refuses to replace or delete an annotation that is not there, writing nothing', async () => {
    const store = await open();
    const ghost = note('alpha');
    const bystander = note('beta');
    await expect(store.transact((tx) => (tx.insertAnnotation(bystander), tx.replaceAnnotation(ghost)))).rejects.toThrow(/does not exist/);
    await expect(store.transact((tx) => tx.deleteAnnotation(ghost.id))).rejects.toThrow(/does not exist/);
    expect(await store.annotations()).toEqual([]);
  });

  it('moves an annotation between sources and sets, and deletes it, with lists and counts following', async () => {
    const store = await open();
    await store.transact((tx) => tx.putSet({ name: 'Review', description: '', created: 'x' }));
    const a = note('alpha');
    await store.transact((tx) => tx.insertAnnotation(a));
    await store.transact((tx) => tx.replaceAnnotation({ ...a, revision: 2, set: 'Review', kind: 'claim', targets: [{ ...a.targets[0], source: 'beta' }] }));
    expect(await store.annotations({ source: 'alpha' })).toEqual([]);
    expect(ids(await store.annotations({ source: 'beta', set: 'Review' }))).toEqual([a.id]);
    expect((await store.countsBySource()).get('beta')).toEqual({ claim: 1, inconsistency: 0, note: 0, reuse: 0 });
    expect((await store.countsBySource()).has('alpha')).toBe(false);
    expect(await store.setSizes()).toEqual(new Map([['Review', 1]]));
    await store.transact((tx) => tx.deleteAnnotation(a.id));
    expect(await store.annotation(a.id)).toBeUndefined();
    expect(await store.annotations({ source: 'beta' })).toEqual([]);
    expect(await store.countsBySource()).toEqual(new Map());
  });

  it('reads many annotations by id at once, committed and within a transaction, missing ones left out', async () => {
    const store = await open();
    const [a, b, c] = [note('alpha'), note('beta'), note('alpha')];
    await store.transact((tx) => (tx.insertAnnotation(a), tx.insertAnnotation(b)));
    const found = await store.annotationsById([a.id, 'a_missing', b.id, 'a_\u0000odd']);
    expect([...found.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(found.get(a.id)).toEqual(a);
    const seen = await store.transact(async (tx) => {
      tx.deleteAnnotation(a.id);
      tx.insertAnnotation(c);
      // Read once before the batch, once after: the transaction's view stays one.
      const before = await tx.annotation(b.id);
      const many = await tx.annotationsById([a.id, b.id, c.id]);
      return { before, many: [...many.keys()].sort(), again: await tx.annotation(b.id) };
    });
    expect(seen.many).toEqual([b.id, c.id].sort());
    expect(seen.before).toEqual(b);
    expect(seen.again).toEqual(b);
    // The history of all annotations at once (a whole-store copy reads it so).
    await store.transact((tx) => (tx.addHistory(history(b.id, 1, 'created')), tx.addHistory(history(c.id, 1, 'created'))));
    expect((await store.history()).map((h) => h.annotation).sort()).toEqual([b.id, c.id].sort());
  });

  it('keeps history oldest first, past the deletion of its annotation', async () => {
    const store = await open();
    const a = note('alpha');
    await store.transact((tx) => (tx.insertAnnotation(a), tx.addHistory(history(a.id, 1, 'created'))));
    for (let r = 2; r <= 4; r++) await store.transact((tx) => (tx.replaceAnnotation({ ...a, revision: r }), tx.addHistory(history(a.id, r, 'updated'))));
    await store.transact((tx) => (tx.deleteAnnotation(a.id), tx.addHistory(history(a.id, 4, 'deleted'))));
    expect((await store.history(a.id)).map((h) => `${h.action} ${h.revision}`)).toEqual(['created 1', 'updated 2', 'updated 3', 'updated 4', 'deleted 4']);
    expect(await store.history('a_other')).toEqual([]);
  });

  it('keeps, replaces and removes decisions', async () => {
    const store = await open();
    await store.transact((tx) => (tx.putDecision(decision('s_1')), tx.putDecision(decision('s_2'))));
    await store.transact((tx) => (tx.putDecision({ ...decision('s_1', 'confirmed'), annotation: 'a_x' }), tx.deleteDecision('s_2'), tx.deleteDecision('s_none')));
    expect(await store.decisions()).toEqual([{ ...decision('s_1', 'confirmed'), annotation: 'a_x' }]);
    expect(await store.decision('s_2')).toBeUndefined();
  });

  it('lets exactly one of two edits based on the same revision win', async () => {
    const first = await open();
    const second = await other(first);
    const a = note('alpha');
    await first.transact((tx) => tx.insertAnnotation(a));
    const meet = meetingPoint(2, h.concurrent);
    const edit = (store: Store, text: string) =>
      store.transact(async (tx) => {
        const current = (await tx.annotation(a.id))!;
        await meet();
        if (current.revision !== 1) throw new Error(`conflict: it is at revision ${current.revision}`);
        tx.replaceAnnotation({ ...current, revision: 2, note: text });
        return text;
      });
    const results = await Promise.allSettled([edit(first, 'one'), edit(second, 'two')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')!.reason.message).toBe('conflict: it is at revision 2');
    expect((await first.annotation(a.id))?.note).toBe(won[0].value);
  });

  it('lets exactly one of two transactions take a decision that was not there when both looked', async () => {
    const first = await open();
    const second = await other(first);
    const meet = meetingPoint(2, h.concurrent);
    const confirm = (store: Store) =>
      store.transact(async (tx) => {
        const taken = await tx.decision('s_race');
        await meet();
        if (taken) throw new Error('handled already');
        const made = note('alpha');
        tx.insertAnnotation(made);
        tx.putDecision({ ...decision('s_race', 'confirmed'), annotation: made.id });
        return made.id;
      });
    const results = await Promise.allSettled([confirm(first), confirm(second)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')!.reason.message).toBe('handled already');
    const [made] = await first.annotations({ source: 'alpha' });
    expect((await first.annotations()).length).toBe(1);
    expect((await second.decision('s_race'))?.annotation).toBe(made.id);
  });

  it('lets exactly one of two transactions add to a source they both found without such an annotation', async () => {
    const first = await open();
    const second = await other(first);
    await first.transact((tx) => tx.insertAnnotation(note('alpha', { note: 'unrelated' })));
    const meet = meetingPoint(2, h.concurrent);
    const carry = (store: Store) =>
      store.transact(async (tx) => {
        const there = (await tx.annotations({ source: 'beta', set: 'default' })).some((x) => x.note === 'carried');
        await meet();
        if (there) throw new Error('carried already');
        tx.insertAnnotation(note('beta', { note: 'carried' }));
      });
    const results = await Promise.allSettled([carry(first), carry(second)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')!.reason.message).toBe('carried already');
    expect((await second.annotations({ source: 'beta' })).filter((x) => x.note === 'carried')).toHaveLength(1);
  });

  it('creates a set once when two transactions race for one name in different cases', async () => {
    const first = await open();
    const second = await other(first);
    const meet = meetingPoint(2, h.concurrent);
    const create = (store: Store, name: string) =>
      store.transact(async (tx) => {
        const existing = await tx.set(name);
        await meet();
        if (existing) throw new Error(`exists as ${existing.name}`);
        tx.putSet({ name, description: '', created: 'x' });
      });
    const results = await Promise.allSettled([create(first, 'Café'), create(second, 'CAFÉ')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await first.sets()).filter((s) => s.name.toLowerCase() === 'café')).toHaveLength(1);
  });

  it('keeps sources and every revision, oldest first, each revision number once', async () => {
    const store = await open();
    await store.transact((tx) => (tx.putSource(sourceRecord('alpha')), tx.addRevision(revisionOf('alpha', 1))));
    await store.transact((tx) => (tx.putSource(sourceRecord('alpha', 2)), tx.addRevision(revisionOf('alpha', 2))));
    await store.transact((tx) => (tx.putSource(sourceRecord('beta')), tx.addRevision(revisionOf('beta', 1))));
    expect(await store.source('alpha')).toEqual(sourceRecord('alpha', 2));
    expect((await store.sources()).map((x) => x.id).sort()).toEqual(['alpha', 'beta']);
    expect((await store.revisions('alpha')).map((r) => r.revision)).toEqual([1, 2]);
    expect(await store.revisions('gamma')).toEqual([]);
    await expect(store.transact((tx) => (tx.putSource(sourceRecord('alpha', 9)), tx.addRevision(revisionOf('alpha', 2))))).rejects.toBeInstanceOf(IdTakenError);
    expect((await store.source('alpha'))?.revision).toBe(2);
  });

  it('finds users by name in any case or normal form, and sessions by user', async () => {
    const store = await open();
    await store.transact((tx) => {
      tx.putUser(user('Zoë'));
      tx.putUser(user('ana'));
      tx.putSession(session('s1', 'zoë'));
      tx.putSession(session('s2', 'ana'));
      tx.putSession(session('s3', 'ana'));
    });
    expect((await store.user('ZOE\u0308'))?.name).toBe('Zoë');
    expect((await store.users()).map((u) => u.name).sort()).toEqual(['Zoë', 'ana']);
    expect((await store.sessions('ana')).map((x) => x.id).sort()).toEqual(['s2', 's3']);
    expect(await store.sessions()).toHaveLength(3);
    await store.transact((tx) => (tx.deleteUser('ANA'), tx.deleteSession('s2'), tx.deleteSession('s_none')));
    expect(await store.user('ana')).toBeUndefined();
    expect((await store.sessions('ana')).map((x) => x.id)).toEqual(['s3']);
    expect((await store.session('s1'))?.user).toBe('zoë');
  });

  it('keeps blobs under the sha-256 of their text, once, and refuses a key that is not one', async () => {
    const store = await open();
    const text = 'A text with a NUL \u0000, an emoji 🙂 and\nlines.';
    const hash = await store.putBlob('text', text);
    expect(hash).toBe(createHash('sha256').update(text).digest('hex'));
    expect(await store.putBlob('text', text)).toBe(hash);
    expect(await store.blob('text', hash)).toBe(text);
    expect(await store.blob('html', hash)).toBeUndefined();
    expect(await store.blob('text', createHash('sha256').update('other').digest('hex'))).toBeUndefined();
    await expect(store.blob('text', '../etc/passwd')).rejects.toThrow(RangeError);
  });

  it('tells commit listeners what each committed transaction changed, and nothing of one that failed', async () => {
    const first = await open();
    const second = await other(first);
    const heard: Op[][] = [];
    let told!: () => void;
    const hearing = new Promise<void>((resolve) => (told = resolve));
    const stop = second.onCommit((ops) => {
      heard.push([...ops]);
      if (ops.some((op) => op.table === 'decisions')) told();
    });
    const a = note('alpha');
    await expect(first.transact((tx) => (tx.insertAnnotation(note('alpha')), tx.insertAnnotation({ ...a, id: 'a_x' }), tx.insertAnnotation({ ...a, id: 'a_x' })))).rejects.toThrow();
    await first.transact((tx) => tx.insertAnnotation(a));
    await first.transact((tx) => (tx.deleteAnnotation(a.id), tx.putDecision(decision('s_heard'))));
    await hearing;
    stop();
    const flat = heard.flat().filter((op) => op.table === 'annotations' || op.table === 'decisions');
    expect(flat).toEqual([
      { table: 'annotations', key: a.id, value: a },
      { table: 'annotations', key: a.id, value: null },
      { table: 'decisions', key: 's_heard', value: decision('s_heard') },
    ]);
  });
});
