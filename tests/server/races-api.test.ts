/**
 * Concurrent requests that check something and then write: the check and the write sit in one store
 * transaction, so of several requests racing for the same change exactly one succeeds and nothing
 * is duplicated. The requests are sent together over separate connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/model';
import { ROSE_QUOTE, SEEDS, targetOf } from '../helpers/fixtures';
import { call, startTestServer, type TestServer } from '../helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

const together = <T>(n: number, request: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => request(i)));

describe('racing requests', () => {
  it('confirms a suggestion once when several confirmations race', async () => {
    const [s] = (await call(srv.url, 'GET', '/api/suggestions')).body.suggestions;
    const before = (await call(srv.url, 'GET', '/api/annotations?kind=inconsistency')).body.annotations.length;
    const results = await together(5, () => call(srv.url, 'POST', `/api/suggestions/${s.id}/confirm`, {}));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'handled')).toBe(true);
    expect((await call(srv.url, 'GET', '/api/annotations?kind=inconsistency')).body.annotations.length).toBe(before + 1);
  });

  it('lets a confirmation and a dismissal race with one winner', async () => {
    const [s] = (await call(srv.url, 'GET', '/api/suggestions')).body.suggestions;
    const results = await Promise.all([
      call(srv.url, 'POST', `/api/suggestions/${s.id}/confirm`, {}),
      call(srv.url, 'POST', `/api/suggestions/${s.id}/dismiss`, {}),
    ]);
    const won = results.filter((r) => r.status === 201 || r.status === 204);
    expect(won).toHaveLength(1);
    expect(results.find((r) => r !== won[0])!.status).toBe(409);
  });

  it('carries an annotation once when several carries race', async () => {
    const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', note: 'carry race', targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)] });
    const results = await together(5, () => call(srv.url, 'POST', `/api/annotations/${made.body.annotation.id}/carry`, { mode: 'copy' }));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const copies = results.find((r) => r.status === 201)!.body.annotations as Annotation[];
    expect(copies.length).toBeGreaterThan(0);
    const all = (await call(srv.url, 'GET', '/api/annotations?q=carry%20race')).body.annotations as Annotation[];
    expect(all).toHaveLength(1 + copies.length);
  });

  it('lets exactly one of several edits based on the same revision win', async () => {
    const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });
    const id = made.body.annotation.id;
    const results = await together(8, (i) => call(srv.url, 'PATCH', `/api/annotations/${id}`, { revision: 1, note: `writer ${i}` }));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'conflict' && r.body.error.details.current.revision === 2)).toBe(true);
    const winner = results.find((r) => r.status === 200)!.body.annotation.note;
    expect((await call(srv.url, 'GET', `/api/annotations/${id}`)).body.annotation.note).toBe(winner);
  });

  it('creates a set once when names differing in case or normal form race', async () => {
    const names = ['Café review', 'CAFÉ REVIEW', 'Cafe\u0301 review', 'café review'];
    const results = await Promise.all(names.map((name) => call(srv.url, 'POST', '/api/sets', { name })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'exists')).toBe(true);
    const sets = (await call(srv.url, 'GET', '/api/sets')).body.sets as { name: string }[];
    expect(sets.filter((s) => s.name.normalize('NFC').toLowerCase() === 'café review')).toHaveLength(1);
  });

  it('keeps the history of every change, deletion included, with who and what changed', async () => {
    const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'claim', targets: [targetOf(SEEDS.mdaa, 'Resource Library')], claim: { verdict: 'false' } });
    const id = made.body.annotation.id;
    await call(srv.url, 'PATCH', `/api/annotations/${id}`, { revision: 1, claim: { claimant: 'X', verdict: 'true', evidence: [] } });
    await call(srv.url, 'DELETE', `/api/annotations/${id}?revision=2`);
    const { status, body } = await call(srv.url, 'GET', `/api/annotations/${id}/history`);
    expect(status).toBe(200);
    expect(body.history.map((h: { action: string }) => h.action)).toEqual(['created', 'updated', 'deleted']);
    const verdict = body.history[1].changes.find((c: { field: string }) => c.field === 'claim');
    expect([verdict.before.verdict, verdict.after.verdict]).toEqual(['false', 'true']);
    expect(body.history.every((h: { by: string; at: string }) => h.by && h.at)).toBe(true);
    expect(body.history[2].changes.map((c: { field: string }) => c.field)).toContain('targets');
    expect((await call(srv.url, 'GET', '/api/annotations/a_never_was/history')).status).toBe(404);
  });
});
