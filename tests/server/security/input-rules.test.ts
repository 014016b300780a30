/**
 * Input rules the issue found missing: URLs (a source's address, a claim's evidence) must be http(s)
 * and are refused otherwise with 400 `invalid` naming the field, like every other malformed field;
 * set names compare in one Unicode normal form and without case on every path that takes one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from '../../helpers/test-server';
import { SEEDS, targetOf } from '../../helpers/fixtures';
import { folderDigest } from './accounts-fixture';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

const BAD_URLS = ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://example.org/x', 'see the transcript', '//example.org/x', 'http://'];

describe('URLs', () => {
  it("refuses a source whose url is not http(s), naming the field, and takes one that is", async () => {
    for (const url of BAD_URLS) {
      const before = await folderDigest(srv.dataDir);
      const res = await call(srv.url, 'POST', '/api/sources', { id: 'url-story', text: 'Some text.', outlet: 'Test', url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.details.issues[0].path, url).toBe('url');
      expect(await folderDigest(srv.dataDir)).toBe(before);
    }
    const ok = await call(srv.url, 'POST', '/api/sources', { id: 'url-story', text: 'Some text.', outlet: 'Test', url: 'https://example.org/story' });
    expect(ok.status).toBe(201);
    expect(ok.body.source.url).toBe('https://example.org/story');
  });

  it('refuses claim evidence that is not an http(s) link, on create, edit and import alike', async () => {
    const target = targetOf(SEEDS.gsnRenews, 'Frank Rose');
    for (const evidence of BAD_URLS) {
      const res = await call(srv.url, 'POST', '/api/annotations', { kind: 'claim', targets: [target], claim: { evidence: ['https://example.org/ok', evidence] } });
      expect(res.status, evidence).toBe(400);
      expect(res.body.error.details.issues[0].path).toBe('claim.evidence.1');
    }
    const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'claim', targets: [target], claim: { evidence: ['http://example.org/a', ' https://example.org/b '] } });
    expect(made.status).toBe(201);
    expect(made.body.annotation.claim.evidence).toEqual(['http://example.org/a', 'https://example.org/b']);
    const edit = await call(srv.url, 'PATCH', `/api/annotations/${made.body.annotation.id}`, { revision: 1, claim: { evidence: ['javascript:alert(1)'] } });
    expect(edit.status).toBe(400);
    const exported = JSON.parse(await (await fetch(`${srv.url}/api/export?format=w3c`)).text());
    const item = exported.first.items.find((x: { id: string }) => x.id.endsWith(made.body.annotation.id));
    item.body.push({ type: 'SpecificResource', source: 'javascript:alert(1)', purpose: 'linking', 'collate:role': 'evidence' });
    delete item.id;
    const imported = await call(srv.url, 'POST', '/api/import', item);
    expect(imported.status).toBe(422);
    expect(imported.body.error.details.errors[0].message).toContain('claim.evidence[2]');
  });
});

describe('set names', () => {
  const NFC = 'Caf\u00e9 checks';
  const NFD = 'Cafe\u0301 checks';

  it('are one set whatever the normal form or case, on every path that names a set', async () => {
    expect((await call(srv.url, 'POST', '/api/sets', { name: NFC })).status).toBe(201);
    for (const name of [NFD, 'CAFÉ CHECKS', 'cafe\u0301 CHECKS']) expect((await call(srv.url, 'POST', '/api/sets', { name })).status, name).toBe(409);
    const made = await call(srv.url, 'POST', '/api/annotations', { set: NFD, kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });
    expect(made.status).toBe(201);
    expect(made.body.annotation.set).toBe(NFC);
    const id = made.body.annotation.id;
    for (const name of [NFC, NFD, 'café CHECKS']) {
      const q = encodeURIComponent(name);
      const list = await call(srv.url, 'GET', `/api/annotations?set=${q}`);
      expect(list.body.annotations.map((a: { id: string }) => a.id), name).toEqual([id]);
      const filtered = await call(srv.url, 'GET', `/api/annotations?set=${q}&kind=note`);
      expect(filtered.body.annotations.map((a: { id: string }) => a.id), name).toEqual([id]);
      const counts = await call(srv.url, 'GET', `/api/sources?set=${q}`);
      expect(counts.body.sources.find((s: { id: string }) => s.id === SEEDS.mdaa).counts.note, name).toBe(1);
      const csv = await (await fetch(`${srv.url}/api/export?format=csv&set=${q}`)).text();
      expect(csv, name).toContain(id);
    }
    const moved = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'U.S. Position')] });
    const patched = await call(srv.url, 'PATCH', `/api/annotations/${moved.body.annotation.id}`, { revision: 1, set: NFD.toUpperCase() });
    expect(patched.body.annotation.set).toBe(NFC);
    const sets = (await call(srv.url, 'GET', '/api/sets')).body.sets.filter((s: { name: string }) => s.name.normalize('NFC').toLowerCase() === NFC.toLowerCase());
    expect(sets).toEqual([expect.objectContaining({ name: NFC, count: 2 })]);
  });
});
