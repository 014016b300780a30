import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from '../helpers/test-server';
import { ROSE_QUOTE, SECTORAL_ROSE, SEEDS, targetOf } from '../helpers/fixtures';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
  await call(srv.url, 'POST', '/api/sets', { name: 'review' });
  const posts = [
    { set: 'review', kind: 'claim', targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)], tags: ['quote'], note: 'Line one\nline "two", =SUM(A1)', claim: { claimant: 'Frank Rose', verdict: 'mostly-true', evidence: ['https://example.org/a'] } },
    { set: 'review', kind: 'claim', targets: [targetOf(SEEDS.mdaa, 'Phased Adaptive Approach')], claim: { claimant: 'MDAA', verdict: 'unverified' } },
    { set: 'review', kind: 'note', targets: [targetOf(SEEDS.gsnPledge, 'Alain Juppe')], tags: ['name'], note: 'Juppé, with accent, elsewhere' },
    { set: 'review', kind: 'inconsistency', targets: [targetOf(SEEDS.nbPursues, SECTORAL_ROSE), targetOf(SEEDS.nbUndercut, SECTORAL_ROSE)], tags: ['attribution'], note: 'Rose or Tauscher' },
    { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Russian Position')], note: 'in default set' },
  ];
  for (const p of posts) expect((await call(srv.url, 'POST', '/api/annotations', p)).status).toBe(201);
});
afterAll(() => srv.close());

async function download(path: string) {
  const res = await fetch(srv.url + path);
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text: await res.text() };
}

describe('GET /api/export', () => {
  it('downloads each format with its content type and a file name for the set', async () => {
    const w3c = await download('/api/export?format=w3c&set=review');
    expect(w3c.status).toBe(200);
    expect(w3c.type).toContain('application/ld+json');
    expect(w3c.disposition).toMatch(/^attachment; filename="?review\.w3c\.jsonld"?$/);
    const collection = JSON.parse(w3c.text);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(4);
    expect(collection.first.items).toHaveLength(4);

    const csv = await download('/api/export?format=csv&set=review&bom=1');
    expect(csv.type).toContain('text/csv');
    // fetch's text() drops a BOM, so look at the bytes.
    const bytes = new Uint8Array(await (await fetch(srv.url + '/api/export?format=csv&set=review&bom=1')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = new Uint8Array(await (await fetch(srv.url + '/api/export?format=csv&set=review')).arrayBuffer());
    expect(plain[0]).not.toBe(0xef);
    expect(csv.text).toContain('Frank Rose');

    const cr = await download('/api/export?format=claimreview&set=review');
    const reviews = JSON.parse(cr.text);
    const list = Array.isArray(reviews) ? reviews : reviews['@graph'];
    expect(list).toHaveLength(1);
    expect(JSON.stringify(list[0])).toContain('Frank Rose');

    const md = await download('/api/export?format=markdown&set=review');
    expect(md.type).toContain('text/markdown');
    expect(md.text).toContain('Rose or Tauscher');
  });

  it('filters by source, kind and tag', async () => {
    const only = JSON.parse((await download(`/api/export?format=w3c&set=review&kind=inconsistency`)).text);
    expect(only.total).toBe(1);
    const byTag = JSON.parse((await download(`/api/export?format=w3c&tag=name`)).text);
    expect(byTag.total).toBe(1);
    const bySource = JSON.parse((await download(`/api/export?format=w3c&source=${SEEDS.mdaa}`)).text);
    expect(bySource.total).toBe(2);
  });

  it('reports on one source without sections for the sources its reuse points to', async () => {
    const md = await download(`/api/export?format=markdown&source=${SEEDS.gsnRenews}`);
    expect(md.disposition).toContain(`all-sets.${SEEDS.gsnRenews}.md`);
    const sections = [...md.text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['U.S. Renews Call for Russia to Participate in Missile Shield']);
    // The NewsBlaze article that reused Rose's quotes is named by its title in the coverage summary.
    expect(md.text).toContain('US Pursues Missile Defense Cooperation With Russia');
    expect(md.text).not.toContain('outlet unknown');
  });

  it('answers bad parameters with JSON errors', async () => {
    expect((await call(srv.url, 'GET', '/api/export')).body.error.code).toBe('invalid');
    expect((await call(srv.url, 'GET', '/api/export?format=pdf')).status).toBe(400);
    expect((await call(srv.url, 'GET', '/api/export?format=csv&set=nope')).status).toBe(404);
    expect((await call(srv.url, 'GET', '/api/export?format=csv&kind=opinion')).status).toBe(400);
  });
});

describe('POST /api/import', () => {
  it('round-trips an export into an empty store and exports the same annotations again', async () => {
    const exported = JSON.parse((await download('/api/export?format=w3c&set=review')).text);
    const fresh = await startTestServer();
    try {
      const res = await call(fresh.url, 'POST', '/api/import', exported);
      expect(res.status).toBe(201);
      expect(res.body.imported).toBe(4);
      expect(res.body.setsCreated).toEqual(['review']);
      const again = JSON.parse(await (await fetch(`${fresh.url}/api/export?format=w3c&set=review`)).text());
      type Item = Record<string, unknown> & { 'collate:history': { action: string; by: string }[] };
      const strip = (c: { first: { items: Item[] } }) => c.first.items.map(({ 'collate:history': _h, ...rest }) => rest);
      expect(strip(again)).toEqual(strip(exported));
      // The history came along, and the import is on it: who brought the annotations in.
      again.first.items.forEach((item: Item, i: number) => {
        expect(item['collate:history'].slice(0, -1)).toEqual(exported.first.items[i]['collate:history']);
        expect(item['collate:history'].at(-1)).toMatchObject({ action: 'imported', by: expect.any(String) });
      });
      // The same file again adds nothing.
      const twice = await call(fresh.url, 'POST', '/api/import', exported);
      expect(twice.status).toBe(201);
      expect(twice.body).toMatchObject({ imported: 0, skipped: 4 });
      expect((await call(fresh.url, 'GET', '/api/annotations')).body.annotations).toHaveLength(4);
    } finally {
      await fresh.close();
    }
  });

  it('imports nothing and lists every problem when some annotation cannot be anchored', async () => {
    const exported = JSON.parse((await download('/api/export?format=w3c&set=review')).text);
    const items = exported.first.items;
    items[1].target[0].source = 'urn:collate:source:not-here';
    items[2].target[0].selector = items[2].target[0].selector.map((s: { type: string }) =>
      s.type === 'TextQuoteSelector' ? { ...s, exact: 'words that appear nowhere in the article' } : { ...s, start: 5, end: 10 },
    );
    const fresh = await startTestServer();
    try {
      const res = await call(fresh.url, 'POST', '/api/import', exported);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('import_failed');
      expect(res.body.error.details.errors.length).toBeGreaterThanOrEqual(2);
      const list = await call(fresh.url, 'GET', '/api/annotations');
      expect(list.body.annotations).toEqual([]);
      expect((await call(fresh.url, 'POST', '/api/import', '{"type": ')).body.error.code).toBe('bad_json');
      expect((await call(fresh.url, 'POST', '/api/import', { hello: 'world' })).status).toBe(422);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a body over the import limit', async () => {
    const small = await startTestServer({ app: { importLimit: 1000 } });
    try {
      const res = await call(small.url, 'POST', '/api/import', { items: 'x'.repeat(2000) });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('too_large');
    } finally {
      await small.close();
    }
  });
});
