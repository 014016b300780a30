/**
 * Two Collate server processes on one PostgreSQL database, as a team behind one address runs them:
 * what one writes the other reads, two conflicting edits sent to different servers have exactly
 * one winner (the other gets 409 with the current revision), and a suggestion confirmed on both at
 * once makes one annotation; a source added through one is served and annotated by the other, which
 * hears of it through the database's change feed, as a page open on it hears of annotations. Then rounds of many racing requests spread over both servers;
 * `RACE_ROUNDS` sets how many (2 in the suite, more in `npm run test:stress`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/model';
import { listen } from '../helpers/event-stream';
import { ROSE_QUOTE, SEEDS, targetOf } from '../helpers/fixtures';
import { startServerProcess, stopGently, type ServerProcess } from '../helpers/server-process';
import { testDatabase, type TestDatabase } from '../helpers/test-database';
import { call } from '../helpers/test-server';

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 2);

let db: TestDatabase;
const folders: string[] = [];
let servers: ServerProcess[] = [];

beforeAll(async () => {
  db = await testDatabase('two_servers');
  // Each its own data folder, as on two machines: the annotations are in the database alone.
  for (let i = 0; i < 2; i++) folders.push(await mkdtemp(join(tmpdir(), 'collate-pg-server-')));
  servers = await Promise.all(folders.map((dir) => startServerProcess(dir, { DATABASE_URL: db.url })));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => stopGently(s.child)));
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
  await db?.drop();
});

describe('two servers on one database', () => {
  it('reads on one server what was written on the other', async () => {
    const [a, b] = servers;
    const made = await call(a.url, 'POST', '/api/annotations', { kind: 'note', note: 'from A', targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });
    expect(made.status).toBe(201);
    const onB = await call(b.url, 'GET', `/api/annotations/${made.body.annotation.id}`);
    expect(onB.body.annotation).toEqual(made.body.annotation);
    const listed = (await call(b.url, 'GET', `/api/annotations?source=${SEEDS.mdaa}`)).body.annotations as Annotation[];
    expect(listed.map((x) => x.id)).toContain(made.body.annotation.id);
  });

  it('tells a page open on one server of annotations created and deleted on the other', async () => {
    const [a, b] = servers;
    const page = await listen(b.url);
    try {
      const made = await call(a.url, 'POST', '/api/annotations', { kind: 'note', note: 'heard on B', targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });
      expect((await page.next('annotation')).annotation).toEqual(made.body.annotation);
      await call(a.url, 'DELETE', `/api/annotations/${made.body.annotation.id}?revision=1`);
      expect(await page.next('annotation-deleted')).toEqual({ type: 'annotation-deleted', id: made.body.annotation.id });
    } finally {
      page.close();
    }
  });

  it('lets exactly one of two conflicting edits win, whichever server took it', async () => {
    const [a, b] = servers;
    const made = await call(a.url, 'POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });
    const id = made.body.annotation.id;
    const results = await Promise.all([a, b].map((s, i) => call(s.url, 'PATCH', `/api/annotations/${id}`, { revision: 1, note: `server ${i}` })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = results.find((r) => r.status === 409)!;
    const won = results.find((r) => r.status === 200)!;
    expect(lost.body.error.code).toBe('conflict');
    expect(lost.body.error.details.current).toEqual(won.body.annotation);
    for (const s of servers) expect((await call(s.url, 'GET', `/api/annotations/${id}`)).body.annotation.note).toBe(won.body.annotation.note);
  });

  it('makes one annotation when a suggestion is confirmed on both servers at once', async () => {
    const [a, b] = servers;
    const [s] = (await call(a.url, 'GET', '/api/suggestions?category=attribution')).body.suggestions;
    const count = async () => ((await call(b.url, 'GET', '/api/annotations?kind=inconsistency')).body.annotations as Annotation[]).length;
    const before = await count();
    const results = await Promise.all([a, b].map((srv) => call(srv.url, 'POST', `/api/suggestions/${s.id}/confirm`, {})));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('handled');
    expect(await count()).toBe(before + 1);
  });

  it('serves on one server a source added through the other, and takes annotations on it', async () => {
    const [a, b] = servers;
    const text = 'The harbour board approved the new ferry timetable on Monday.\nIt starts in May.';
    const added = await call(a.url, 'POST', '/api/sources', { id: 'ferry-timetable', text, title: 'Ferry timetable', outlet: 'Harbour Office' });
    expect(added.status).toBe(201);
    // B hears of the commit through the change feed; wait for it (the test's timeout bounds the wait).
    let onB = await call(b.url, 'GET', '/api/sources/ferry-timetable');
    while (onB.status === 404) {
      await new Promise((r) => setTimeout(r, 50));
      onB = await call(b.url, 'GET', '/api/sources/ferry-timetable');
    }
    expect(onB.body.source.text).toBe(text);
    const start = text.indexOf('new ferry timetable');
    const made = await call(b.url, 'POST', '/api/annotations', { kind: 'note', targets: [{ source: 'ferry-timetable', start, end: start + 19, exact: 'new ferry timetable' }] });
    expect(made.status).toBe(201);
  });

  it(`keeps one winner per race over ${ROUNDS} rounds of edits, deletes and carries spread over both servers`, async () => {
    const pick = (i: number) => servers[i % 2].url;
    for (let round = 0; round < ROUNDS; round++) {
      const made = await call(pick(round), 'POST', '/api/annotations', { kind: 'note', note: `round ${round}`, targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)] });
      const id = made.body.annotation.id;
      const edits = await Promise.all(Array.from({ length: 8 }, (_, i) => call(pick(i), 'PATCH', `/api/annotations/${id}`, { revision: 1, note: `round ${round} writer ${i}` })));
      expect(edits.filter((r) => r.status === 200), `round ${round}`).toHaveLength(1);
      expect(edits.every((r) => r.status === 200 || (r.status === 409 && r.body.error.details.current.revision === 2))).toBe(true);
      const carries = await Promise.all(Array.from({ length: 6 }, (_, i) => call(pick(i), 'POST', `/api/annotations/${id}/carry`, { mode: 'copy' })));
      expect(carries.map((r) => r.status).sort(), `round ${round}`).toEqual([201, 409, 409, 409, 409, 409]);
      const copies = carries.find((r) => r.status === 201)!.body.annotations as Annotation[];
      const deletes = await Promise.all(Array.from({ length: 4 }, (_, i) => call(pick(i), 'DELETE', `/api/annotations/${id}?revision=2`)));
      expect(deletes.filter((r) => r.status === 204), `round ${round}`).toHaveLength(1);
      expect(deletes.every((r) => [204, 404].includes(r.status))).toBe(true);
      for (const c of copies) expect((await call(pick(round + 1), 'DELETE', `/api/annotations/${c.id}?revision=1`)).status).toBe(204);
    }
  });
});
