import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from '../helpers/test-server';
import { SEEDS, seedText } from '../helpers/fixtures';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

interface Span { source: string; start: number; end: number }
interface Passage { a: Span; b: Span; words: number; similarity: number; boilerplate: boolean }

const covers = (span: Span, source: string, quote: string) => {
  const at = seedText(source).indexOf(quote);
  return span.source === source && span.start <= at && span.end >= at + quote.length;
};

describe('GET /api/reuse', () => {
  it('returns the passages touching a source, with raw-text offsets', async () => {
    const { status, body } = await call(srv.url, 'GET', `/api/reuse?source=${SEEDS.nbUndercut}`);
    expect(status).toBe(200);
    const passages: Passage[] = body.passages;
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) expect([p.a.source, p.b.source]).toContain(SEEDS.nbUndercut);
    const jta = 'Joint Threat Assessment, or JTA, for short';
    expect(passages.some((p) => (covers(p.a, SEEDS.nbPursues, jta) && covers(p.b, SEEDS.nbUndercut, jta)) || (covers(p.b, SEEDS.nbPursues, jta) && covers(p.a, SEEDS.nbUndercut, jta)))).toBe(true);
  });

  it('lists every pair without a source and 404s an unknown one', async () => {
    const all = await call(srv.url, 'GET', '/api/reuse');
    const pairs = new Set(all.body.passages.map((p: Passage) => [p.a.source, p.b.source].sort().join('|')));
    expect(pairs.has([SEEDS.gsnRenews, SEEDS.gsnPledge].sort().join('|'))).toBe(true);
    expect(all.body.passages.some((p: Passage) => p.boilerplate)).toBe(true);
    expect((await call(srv.url, 'GET', '/api/reuse?source=nope')).status).toBe(404);
  });

  it('recomputes when a source is imported', async () => {
    const copied = seedText(SEEDS.mdaa).slice(1500, 2600);
    await call(srv.url, 'POST', '/api/sources', { id: 'copycat', text: `Intro of our own.\n\n${copied}\n\nOutro.`, outlet: 'Copycat Daily' });
    const { body } = await call(srv.url, 'GET', '/api/reuse?source=copycat');
    expect(body.passages.some((p: Passage) => [p.a.source, p.b.source].includes(SEEDS.mdaa) && p.words > 100)).toBe(true);
  });
});

describe('/api/suggestions', () => {
  it('suggests the sectoral attribution, confirms it into an inconsistency and stops offering it', async () => {
    const first = await call(srv.url, 'GET', `/api/suggestions?source=${SEEDS.nbPursues}`);
    expect(first.status).toBe(200);
    const sectoral = first.body.suggestions.find((s: { targets: { exact: string }[] }) => s.targets.some((t) => t.exact.includes('sectoral')));
    expect(sectoral).toBeDefined();
    expect(sectoral.category).toBe('attribution');
    expect(sectoral.summary).toMatch(/Rose/);
    expect(sectoral.summary).toMatch(/Tauscher/);
    const confirmed = await call(srv.url, 'POST', `/api/suggestions/${sectoral.id}/confirm`, {});
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.annotation.kind).toBe('inconsistency');
    expect(confirmed.body.annotation.targets).toHaveLength(2);
    expect(confirmed.body.annotation.note).toContain('“Will US Missile Defense Plans Undercut Russia’s National Security?”');
    expect(confirmed.body.annotation.note).not.toContain(SEEDS.nbUndercut);
    const twice = await call(srv.url, 'POST', `/api/suggestions/${sectoral.id}/confirm`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('handled');
    const after = await call(srv.url, 'GET', `/api/suggestions?source=${SEEDS.nbPursues}`);
    expect(after.body.suggestions.map((s: { id: string }) => s.id)).not.toContain(sectoral.id);
  });

  it('remembers a dismissal', async () => {
    const { body } = await call(srv.url, 'GET', '/api/suggestions');
    expect(body.suggestions.length).toBeGreaterThan(0);
    const id = body.suggestions[0].id;
    expect((await call(srv.url, 'POST', `/api/suggestions/${id}/dismiss`)).status).toBe(204);
    const again = await call(srv.url, 'GET', '/api/suggestions');
    expect(again.body.suggestions.map((s: { id: string }) => s.id)).not.toContain(id);
    expect((await srv.store.decision(id))?.action).toBe('dismissed');
    expect((await call(srv.url, 'POST', '/api/suggestions/inc_nope/dismiss')).status).toBe(404);
  });
});

describe('carrying an annotation to the copies of its passage', () => {
  const quote = 'Both Governments have held three JTA sessions, in July and December 2009, and again in May 2010.';

  async function claimOnJta() {
    const text = seedText(SEEDS.nbPursues);
    const start = text.indexOf(quote);
    const res = await call(srv.url, 'POST', '/api/annotations', {
      kind: 'claim', targets: [{ source: SEEDS.nbPursues, start, end: start + quote.length, exact: quote }],
      tags: ['dates'], claim: { claimant: 'State Department', verdict: 'true' },
    });
    return res.body.annotation;
  }

  it('lists the copies and repeats the claim on each', async () => {
    const a = await claimOnJta();
    const copies = await call(srv.url, 'GET', `/api/annotations/${a.id}/copies`);
    expect(copies.body.copies.map((c: Span) => c.source)).toEqual([SEEDS.nbUndercut]);
    const carried = await call(srv.url, 'POST', `/api/annotations/${a.id}/carry`, { mode: 'copy' });
    expect(carried.status).toBe(201);
    const [copy] = carried.body.annotations;
    expect(copy).toMatchObject({ kind: 'claim', tags: ['dates'], claim: { claimant: 'State Department', verdict: 'true' } });
    expect(copy.targets[0].source).toBe(SEEDS.nbUndercut);
    expect(seedText(SEEDS.nbUndercut).slice(copy.targets[0].start, copy.targets[0].end)).toBe(copy.targets[0].exact);
    const again = await call(srv.url, 'POST', `/api/annotations/${a.id}/carry`, { mode: 'copy' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_carried');
  });

  it('links all copies in one reuse annotation, and refuses when there is no copy', async () => {
    const a = await claimOnJta();
    const reuseRes = await call(srv.url, 'POST', `/api/annotations/${a.id}/carry`, { mode: 'reuse' });
    expect(reuseRes.body.annotations).toHaveLength(1);
    expect(reuseRes.body.annotations[0].kind).toBe('reuse');
    expect(reuseRes.body.annotations[0].targets.map((t: Span) => t.source).sort()).toEqual([SEEDS.nbPursues, SEEDS.nbUndercut].sort());
    expect((await call(srv.url, 'POST', `/api/annotations/${a.id}/carry`, { mode: 'reuse' })).status).toBe(409);
    const lone = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [{ source: SEEDS.mdaa, start: 0, end: 7, exact: seedText(SEEDS.mdaa).slice(0, 7) }] });
    const none = await call(srv.url, 'POST', `/api/annotations/${lone.body.annotation.id}/carry`, { mode: 'copy' });
    expect(none.status).toBe(422);
    expect(none.body.error.code).toBe('no_copies');
    expect((await call(srv.url, 'POST', `/api/annotations/${a.id}/carry`, { mode: 'teleport' })).status).toBe(400);
    expect((await call(srv.url, 'GET', '/api/annotations/a_nope/copies')).status).toBe(404);
  });
});
