/**
 * `collate migrate --from A --to B`: a whole record moved from a data folder to PostgreSQL and back
 * loses nothing (annotations, the history of live and deleted ones, sets, decisions, every revision
 * of a source with its text and page, users, sessions), refuses a target that holds records, and
 * leaves a target untouched when the copy fails.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, SourceRevision } from '../../core/model';
import { JsonStore } from '../../server/store/json/json-store';
import { PgStore } from '../../server/store/postgres/pg-store';
import { copyStore } from '../../server/store/store-copy';
import type { Store } from '../../server/store/store';
import { runCli } from '../helpers/run-cli';
import { noteOn } from '../helpers/store-records';
import { testDatabase, type TestDatabase } from '../helpers/test-database';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const at = '2026-11-30T00:00:00.000Z';
const TEXT_1 = 'The talks resumed on Monday in Geneva.\n\nBoth sides said little.';
const TEXT_2 = 'The talks resumed on Tuesday in Geneva.\n\nBoth sides said little.';
const PAGE = '<html><body><p>The talks resumed on Tuesday in Geneva.</p></body></html>';

function entry(annotation: string, n: number, action: HistoryEntry['action']): HistoryEntry {
  return { id: `h_${annotation}_${n}_${action}`, annotation, revision: n, action, at, by: 'ana', changes: [{ field: 'note', before: '', after: `v${n}` }] };
}

/** A store with one of everything a desk keeps, made through the store's own writes. */
async function fill(store: Store): Promise<void> {
  const [t1, t2, page] = [await store.putBlob('text', TEXT_1), await store.putBlob('text', TEXT_2), await store.putBlob('html', PAGE)];
  const rev = (revision: number, hash: string, html?: string): SourceRevision => ({
    source: 'talks',
    revision,
    created: at,
    hash,
    length: TEXT_1.length,
    words: 10,
    origin: html ? { kind: 'fetch', url: 'https://news.example/talks', fetchedAt: at, by: 'ana' } : { kind: 'paste', by: 'ana' },
    ...(html ? { html } : {}),
  });
  const kept = noteOn('talks', { note: 'kept', set: 'Desk ü' });
  const gone = noteOn('talks', { note: 'deleted later' });
  await store.transact((tx) => {
    tx.putSet({ name: 'Desk ü', description: 'the desk', created: at });
    tx.putSource({ id: 'talks', revision: 2, title: 'Talks', outlet: 'News', guessed: ['outlet'], created: at, modified: at });
    tx.addRevision(rev(1, t1));
    tx.addRevision(rev(2, t2, page));
    tx.insertAnnotation(kept);
    tx.insertAnnotation(noteOn(['talks', 'other'], { tags: ['date'] }));
    tx.addHistory(entry(kept.id, 1, 'created'));
    tx.addHistory(entry(kept.id, 2, 'updated'));
    tx.addHistory(entry(gone.id, 1, 'created'));
    tx.addHistory(entry(gone.id, 1, 'deleted'));
    tx.putDecision({ suggestion: 's_abc', action: 'dismissed', at, by: 'ana' });
    tx.putUser({ name: 'Ana', role: 'editor', tokenHash: 'scrypt$x$y', created: at, tokenIssued: at });
    tx.putSession({ id: 'sess1', user: 'ana', created: at, seen: at, expires: '2026-12-30T00:00:00.000Z' });
  });
}

/** Everything a store holds, in an order that does not depend on the store. */
async function everything(store: Store) {
  const byKey = <T>(list: readonly T[], key: (x: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
  const sources = await store.sources();
  const revisions = (await Promise.all(sources.map((s) => store.revisions(s.id)))).flat();
  const texts = await Promise.all(revisions.map(async (r) => [await store.blob('text', r.hash), r.html && (await store.blob('html', r.html))]));
  return {
    annotations: byKey(await store.annotations(), (a) => a.id),
    sets: byKey(await store.sets(), (s) => s.name),
    decisions: await store.decisions(),
    history: byKey(await store.history(), (h) => h.id),
    users: await store.users(),
    sessions: await store.sessions(),
    sources,
    revisions,
    texts,
  };
}

const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'collate-move-'));
  dirs.push(d);
  return d;
};
let db: TestDatabase;
beforeAll(async () => {
  db = await testDatabase('storemove');
});
afterAll(async () => {
  await db?.drop();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('collate migrate --from --to', () => {
  it('moves a data folder into PostgreSQL and back into a new folder, losing nothing', async () => {
    const first = await tempDir();
    const store = await JsonStore.open(first);
    await fill(store);
    const before = await everything(store);
    await store.close();
    expect(before.history.filter((h) => h.action === 'deleted')).toHaveLength(1);
    expect(before.texts.flat().filter(Boolean)).toHaveLength(3);

    const there = await runCli(['migrate', '--from', first, '--to', db.url]);
    expect(there.stderr).toMatch(/copied 2 annotations, 2 sets, 1 decision, 4 history entries, 1 user, 1 session, 1 source, 2 revisions, 3 texts/);
    expect(there.code).toBe(0);
    const pgStore = await PgStore.open(db.url, { log: () => {} });
    try {
      expect(await everything(pgStore)).toEqual(before);
    } finally {
      await pgStore.close();
    }

    const back = join(await tempDir(), 'data');
    const home = await runCli(['migrate', '--from', db.url, '--to', back]);
    expect(home.code, home.stderr).toBe(0);
    const again = await JsonStore.open(back, { readOnly: true });
    try {
      expect(await everything(again)).toEqual(before);
    } finally {
      await again.close();
    }
    // The lock the copy held on the new folder is gone with it.
    expect(await readdir(back)).not.toContain('.server.lock');
  });

  it('refuses a target that holds records, and changes nothing there', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    for (const dir of [a, b]) {
      const s = await JsonStore.open(dir);
      await s.transact((tx) => tx.insertAnnotation(noteOn('talks', { note: dir })));
      await s.close();
    }
    const out = await runCli(['migrate', '--from', a, '--to', b]);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/already holds records \(1 annotation, 1 set\)/);
    const s = await JsonStore.open(b, { readOnly: true });
    expect((await s.annotations()).map((x) => x.note)).toEqual([b]);
    await s.close();
  });

  it('writes nothing into the target when a text is missing from the source', async () => {
    const [from, to] = [await tempDir(), await tempDir()];
    const source = await JsonStore.open(from);
    await source.transact((tx) => {
      tx.putSource({ id: 'x', revision: 1, title: 'X', outlet: 'O', guessed: [], created: at, modified: at });
      tx.addRevision({ source: 'x', revision: 1, created: at, hash: sha('never stored'), length: 12, words: 2, origin: { kind: 'paste' } });
      tx.insertAnnotation(noteOn('x'));
    });
    const target = await JsonStore.open(to);
    try {
      await expect(copyStore(source, target)).rejects.toThrow(/lacks the text/);
      expect(await target.annotations()).toEqual([]);
      expect(await target.sources()).toEqual([]);
    } finally {
      await target.close();
      await source.close();
    }
  });

  it('says what is wrong with the arguments', async () => {
    const dir = await tempDir();
    expect((await runCli(['migrate', '--from', dir])).stderr).toMatch(/needs both --from and --to/);
    expect((await runCli(['migrate', '--from', dir, '--to', dir])).stderr).toMatch(/same store/);
    expect((await runCli(['migrate', '--from', join(dir, 'none'), '--to', join(dir, 'b')])).stderr).toMatch(/no data folder/);
    expect((await runCli(['migrate', '--from', 'mysql://h/db', '--to', dir])).stderr).toMatch(/neither a data folder nor a postgres/);
  });
});
