/**
 * /api/suggestions over every category: the assistant's claims, typos, name variants and context
 * shifts beside the differences between copies; accepting each category makes its kind of
 * annotation; dismissals can be undone; counts per source; decisions travel with a W3C export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/model';
import { SEEDS } from '../helpers/fixtures';
import { call, startTestServer, type TestServer } from '../helpers/test-server';

interface Listed {
  id: string;
  category: string;
  summary: string;
  targets: { source: string; exact: string }[];
  evidence: { value: string }[];
  claim?: { claimant: string };
  decision?: { action: string; by: string };
}

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

const list = async (query = '') => (await call(srv.url, 'GET', `/api/suggestions${query}`)).body.suggestions as Listed[];

describe('GET /api/suggestions', () => {
  it('lists every category with summaries that name sources by title, and filters by category and source', async () => {
    const all = await list();
    const categories = new Set(all.map((s) => s.category));
    for (const c of ['attribution', 'claim', 'typo', 'name-variant', 'context']) expect(categories, c).toContain(c);
    const sectoral = all.filter((s) => s.category === 'attribution');
    // One pair of sources, several statements: the summaries tell them apart.
    expect(new Set(sectoral.map((s) => s.summary)).size).toBe(sectoral.length);
    expect(sectoral[0].summary).toContain('“US Pursues Missile Defense Cooperation With Russia”');
    const typos = await list('?category=typo');
    expect(typos.length).toBeGreaterThan(0);
    expect(typos.every((s) => s.category === 'typo')).toBe(true);
    expect(typos.map((s) => s.evidence[0].value)).toEqual(expect.arrayContaining(['tody', 'themseleves']));
    const mdaa = await list(`?source=${SEEDS.mdaa}`);
    expect(mdaa.every((s) => s.targets.some((t) => t.source === SEEDS.mdaa))).toBe(true);
    expect((await call(srv.url, 'GET', '/api/suggestions?category=bogus')).status).toBe(400);
    expect((await call(srv.url, 'GET', '/api/suggestions?status=maybe')).status).toBe(400);
  });

  it('counts open suggestions per source on the sources list', async () => {
    const { body } = await call(srv.url, 'GET', '/api/sources');
    const open = await list();
    for (const s of body.sources as { id: string; suggestions: number }[]) {
      expect(s.suggestions, s.id).toBe(open.filter((x) => x.targets.some((t) => t.source === s.id)).length);
    }
  });
});

describe('accepting, dismissing and undoing', () => {
  it('makes an unverified claim with the claimant filled from a claim candidate', async () => {
    const candidate = (await list('?category=claim')).find((s) => s.claim?.claimant);
    expect(candidate).toBeDefined();
    const res = await call(srv.url, 'POST', `/api/suggestions/${candidate!.id}/confirm`, {});
    expect(res.status).toBe(201);
    const a = res.body.annotation as Annotation;
    expect(a.kind).toBe('claim');
    expect(a.claim).toMatchObject({ claimant: candidate!.claim!.claimant, verdict: 'unverified' });
    expect(a.targets.map((t) => t.exact)).toEqual(candidate!.targets.map((t) => t.exact));
    expect((await list('?status=confirmed')).map((s) => s.id)).toContain(candidate!.id);
  });

  it('makes a note tagged typo that gives the correction', async () => {
    const typo = (await list('?category=typo')).find((s) => s.evidence[0].value === 'tody')!;
    const res = await call(srv.url, 'POST', `/api/suggestions/${typo.id}/confirm`, {});
    expect(res.status).toBe(201);
    const a = res.body.annotation as Annotation;
    expect(a.kind).toBe('note');
    expect(a.tags).toContain('typo');
    expect(a.note).toContain('“tody” → “today”');
    expect(a.targets.map((t) => t.exact)).toEqual(['tody']);
  });

  it('undoes a dismissal, and refuses to undo an acceptance', async () => {
    const [s] = await list('?category=name-variant');
    expect((await call(srv.url, 'POST', `/api/suggestions/${s.id}/dismiss`, {})).status).toBe(204);
    expect((await list()).map((x) => x.id)).not.toContain(s.id);
    const dismissed = await list('?status=dismissed');
    expect(dismissed.find((x) => x.id === s.id)?.decision?.action).toBe('dismissed');
    expect((await call(srv.url, 'POST', `/api/suggestions/${s.id}/undo`, {})).status).toBe(204);
    expect((await list()).map((x) => x.id)).toContain(s.id);
    expect((await call(srv.url, 'POST', `/api/suggestions/${s.id}/undo`, {})).status).toBe(404);
    const accepted = (await list('?status=confirmed'))[0];
    const refused = await call(srv.url, 'POST', `/api/suggestions/${accepted.id}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('handled');
  });
});

describe('decisions in export and import', () => {
  it('carries decisions in the W3C export, so an import elsewhere does not offer them again', async () => {
    const [toDismiss] = await list('?category=context');
    await call(srv.url, 'POST', `/api/suggestions/${toDismiss.id}/dismiss`, {});
    const decided = [...(await list('?status=dismissed')), ...(await list('?status=confirmed'))].map((s) => s.id).sort();
    const exported = JSON.parse(await (await fetch(`${srv.url}/api/export?format=w3c`)).text());
    expect(exported['collate:decisions'].map((d: { suggestion: string }) => d.suggestion).sort()).toEqual(decided);

    const other = await startTestServer();
    try {
      const res = await call(other.url, 'POST', '/api/import', exported);
      expect(res.status).toBe(201);
      expect(res.body.decisions).toBe(decided.length);
      const open = ((await call(other.url, 'GET', '/api/suggestions')).body.suggestions as Listed[]).map((s) => s.id);
      for (const id of decided) expect(open).not.toContain(id);
      // An accepted suggestion's decision names the annotation it made in this store.
      const confirmed = (await call(other.url, 'GET', '/api/suggestions?status=confirmed')).body.suggestions as (Listed & { decision: { annotation: string } })[];
      for (const s of confirmed) expect((await call(other.url, 'GET', `/api/annotations/${s.decision.annotation}`)).status).toBe(200);
      // Importing again adds nothing and confirming again is refused.
      expect((await call(other.url, 'POST', '/api/import', exported)).body.decisions).toBe(0);
      expect((await call(other.url, 'POST', `/api/suggestions/${confirmed[0].id}/confirm`, {})).status).toBe(409);
    } finally {
      await other.close();
    }
  });

  it('refuses a malformed decision in an import, naming it, and imports nothing', async () => {
    const exported = JSON.parse(await (await fetch(`${srv.url}/api/export?format=w3c`)).text());
    exported['collate:decisions'] = [{ suggestion: 'x', action: 'maybe' }];
    const other = await startTestServer();
    try {
      const res = await call(other.url, 'POST', '/api/import', exported);
      expect(res.status).toBe(422);
      expect(res.body.error.details.errors[0].path).toBe('collate:decisions[0]');
      expect((await call(other.url, 'GET', '/api/annotations')).body.annotations).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
