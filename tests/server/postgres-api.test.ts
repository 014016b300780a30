/**
 * The API's core cases on a real server whose store is PostgreSQL: create, read, list, edit and
 * delete with revisions, history, sets, counts, import and export, the racing requests of
 * races-api.test.ts (exactly one winner each), a restart on another data folder that finds
 * everything in the database, and 503 once the database is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/model';
import { ROSE_QUOTE, SEEDS, targetOf } from '../helpers/fixtures';
import { testDatabase, type TestDatabase } from '../helpers/test-database';
import { call, startTestServer, type TestServer } from '../helpers/test-server';

let db: TestDatabase;
let srv: TestServer;
beforeAll(async () => {
  db = await testDatabase('api');
  srv = await startTestServer({ databaseUrl: db.url, app: { spelling: null } });
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

const together = <T>(n: number, request: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => request(i)));
const create = (body: object) => call(srv.url, 'POST', '/api/annotations', body);

describe('annotations on PostgreSQL', () => {
  it('creates, lists, edits with revisions, deletes, and keeps the history', async () => {
    const made = await create({ kind: 'claim', targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)], tags: ['quote'], claim: { claimant: 'Frank Rose', verdict: 'false' } });
    expect(made.status).toBe(201);
    const a = made.body.annotation as Annotation;
    expect((await call(srv.url, 'GET', `/api/annotations/${a.id}`)).body.annotation).toEqual(a);
    const listed = (await call(srv.url, 'GET', `/api/annotations?source=${SEEDS.gsnRenews}&kind=claim`)).body.annotations as Annotation[];
    expect(listed.map((x) => x.id)).toContain(a.id);
    const sources = (await call(srv.url, 'GET', '/api/sources')).body.sources as { id: string; counts: Record<string, number> }[];
    expect(sources.find((s) => s.id === SEEDS.gsnRenews)!.counts.claim).toBeGreaterThanOrEqual(1);

    const edited = await call(srv.url, 'PATCH', `/api/annotations/${a.id}`, { revision: 1, note: 'checked' });
    expect(edited.status).toBe(200);
    expect(edited.body.annotation).toMatchObject({ revision: 2, note: 'checked' });
    const stale = await call(srv.url, 'PATCH', `/api/annotations/${a.id}`, { revision: 1, note: 'late' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ revision: 2, note: 'checked' });
    expect((await call(srv.url, 'DELETE', `/api/annotations/${a.id}?revision=1`)).status).toBe(409);
    expect((await call(srv.url, 'DELETE', `/api/annotations/${a.id}?revision=2`)).status).toBe(204);
    expect((await call(srv.url, 'GET', `/api/annotations/${a.id}`)).status).toBe(404);
    const history = (await call(srv.url, 'GET', `/api/annotations/${a.id}/history`)).body.history as { action: string; revision: number }[];
    expect(history.map((h) => `${h.action} ${h.revision}`)).toEqual(['created 1', 'updated 2', 'deleted 2']);
  });

  it('answers ids and filters PostgreSQL cannot hold (a NUL character) as not found, not as a failure', async () => {
    expect((await call(srv.url, 'GET', '/api/annotations/a_%00x')).status).toBe(404);
    const bySet = await call(srv.url, 'GET', '/api/annotations?set=x%00y');
    expect(bySet.status).toBe(200);
    expect(bySet.body.annotations).toEqual([]);
  });

  it('creates sets once whatever the case, and files annotations into them', async () => {
    expect((await call(srv.url, 'POST', '/api/sets', { name: 'Desk review' })).status).toBe(201);
    const again = await call(srv.url, 'POST', '/api/sets', { name: 'DESK REVIEW' });
    expect([again.status, again.body.error.code]).toEqual([409, 'exists']);
    await create({ kind: 'note', set: 'desk review', targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });
    const sets = (await call(srv.url, 'GET', '/api/sets')).body.sets as { name: string; count: number }[];
    expect(sets.find((s) => s.name === 'Desk review')!.count).toBe(1);
  });

  it('exports and imports W3C all or nothing: the same file again is skipped, a broken one changes nothing', async () => {
    const exported = await call(srv.url, 'GET', '/api/export?format=w3c&set=Desk%20review');
    expect(exported.status).toBe(200);
    const again = await call(srv.url, 'POST', '/api/import', exported.body);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ imported: 0, skipped: 1 });
    const before = (await call(srv.url, 'GET', '/api/annotations')).body.annotations.length;
    const broken = { ...exported.body, first: { ...exported.body.first, items: [...exported.body.first.items, { type: 'Annotation', target: 'urn:collate:source:nope' }] } };
    expect((await call(srv.url, 'POST', '/api/import', broken)).status).toBe(422);
    expect((await call(srv.url, 'GET', '/api/annotations')).body.annotations.length).toBe(before);
  });
});

describe('racing requests on PostgreSQL', () => {
  it('confirms a suggestion once when several confirmations race', async () => {
    const [s] = (await call(srv.url, 'GET', '/api/suggestions?category=attribution')).body.suggestions;
    const results = await together(5, () => call(srv.url, 'POST', `/api/suggestions/${s.id}/confirm`, {}));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'handled')).toBe(true);
  });

  it('carries an annotation once when several carries race', async () => {
    const made = await create({ kind: 'note', note: 'pg carry race', targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)] });
    const results = await together(5, () => call(srv.url, 'POST', `/api/annotations/${made.body.annotation.id}/carry`, { mode: 'copy' }));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const copies = results.find((r) => r.status === 201)!.body.annotations as Annotation[];
    expect((await call(srv.url, 'GET', '/api/annotations?q=pg%20carry%20race')).body.annotations).toHaveLength(1 + copies.length);
  });

  it('lets exactly one of several edits based on the same revision win', async () => {
    const made = await create({ kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });
    const id = made.body.annotation.id;
    const results = await together(8, (i) => call(srv.url, 'PATCH', `/api/annotations/${id}`, { revision: 1, note: `writer ${i}` }));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'conflict' && r.body.error.details.current.revision === 2)).toBe(true);
  });
});

describe('a restart', () => {
  it('finds every annotation in the database, whatever data folder the new server is given', async () => {
    const before = (await call(srv.url, 'GET', '/api/annotations')).body.annotations as Annotation[];
    await srv.close();
    srv = await startTestServer({ databaseUrl: db.url, app: { spelling: null } });
    const after = (await call(srv.url, 'GET', '/api/annotations')).body.annotations as Annotation[];
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(3);
  });
});

describe('a database that goes away', () => {
  it('answers 503 storage_unavailable, reads and writes alike', async () => {
    const gone = await testDatabase('api_gone');
    const lone = await startTestServer({ databaseUrl: gone.url, app: { spelling: null } });
    try {
      await gone.drop();
      const read = await call(lone.url, 'GET', '/api/annotations');
      expect([read.status, read.body.error.code]).toEqual([503, 'storage_unavailable']);
      const write = await call(lone.url, 'POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });
      expect([write.status, write.body.error.code]).toEqual([503, 'storage_unavailable']);
    } finally {
      await lone.close();
    }
  });
});
