import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonStore } from '../../server/store/json/json-store';
import { call, startTestServer, type TestServer } from '../helpers/test-server';
import { ROSE_QUOTE, SECTORAL_ROSE, SEEDS, seedText, targetOf } from '../helpers/fixtures';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

const claimBody = () => ({
  kind: 'claim',
  targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)],
  tags: ['attribution', 'quote'],
  note: 'Check the State Department transcript',
  claim: { claimant: 'Frank Rose', verdict: 'mostly-true', evidence: ['https://example.org/transcript'] },
});

async function storeFiles(): Promise<string> {
  const parts: string[] = [];
  for (const f of ['collection.json', `by-source/${SEEDS.gsnRenews}.json`]) {
    parts.push(await readFile(join(srv.dataDir, f), 'utf8').catch(() => '(absent)'));
  }
  return parts.join('\n---\n');
}

describe('sources', () => {
  it('lists the five seeds with metadata and zero counts', async () => {
    const { status, body } = await call(srv.url, 'GET', '/api/sources');
    expect(status).toBe(200);
    expect(body.sources.map((s: { id: string }) => s.id).sort()).toEqual(Object.values(SEEDS).sort());
    const nb = body.sources.find((s: { id: string }) => s.id === SEEDS.nbPursues);
    expect(nb).toMatchObject({ outlet: 'NewsBlaze', author: 'Mina Fabulous', guessed: [] });
    expect(nb.length).toBe(seedText(SEEDS.nbPursues).length);
    expect(nb.counts).toEqual({ claim: 0, inconsistency: 0, note: 0, reuse: 0 });
    expect(nb.text).toBeUndefined();
  });

  it('serves one source with its exact text, and 404 for an unknown id', async () => {
    const ok = await call(srv.url, 'GET', `/api/sources/${SEEDS.mdaa}`);
    expect(ok.body.source.text).toBe(seedText(SEEDS.mdaa));
    const missing = await call(srv.url, 'GET', '/api/sources/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('annotations', () => {
  it('creates a claim, fills context, and lists it by source, kind, tag, verdict and text', async () => {
    const created = await call(srv.url, 'POST', '/api/annotations', claimBody());
    expect(created.status).toBe(201);
    const a = created.body.annotation;
    expect(a).toMatchObject({ revision: 1, set: 'default', kind: 'claim', tags: ['attribution', 'quote'] });
    const text = seedText(SEEDS.gsnRenews);
    const t = a.targets[0];
    expect(t.prefix).toBe(text.slice(t.start - 32, t.start));
    expect(t.suffix).toBe(text.slice(t.end, t.end + 32));
    for (const q of ['kind=claim', 'tag=QUOTE', 'verdict=mostly-true', 'q=enduring', 'q=frank%20rose', `source=${SEEDS.gsnRenews}`]) {
      const { body } = await call(srv.url, 'GET', `/api/annotations?${q}`);
      expect(body.annotations.map((x: { id: string }) => x.id), q).toContain(a.id);
    }
    for (const q of ['kind=note', 'tag=typo', 'verdict=false', 'q=zzz', `source=${SEEDS.mdaa}`]) {
      const { body } = await call(srv.url, 'GET', `/api/annotations?${q}`);
      expect(body.annotations.map((x: { id: string }) => x.id), q).not.toContain(a.id);
    }
    const counts = await call(srv.url, 'GET', '/api/sources');
    expect(counts.body.sources.find((s: { id: string }) => s.id === SEEDS.gsnRenews).counts.claim).toBeGreaterThanOrEqual(1);
  });

  it('rejects bad input with the right status and code, writing nothing', async () => {
    await call(srv.url, 'POST', '/api/annotations', claimBody());
    const before = await storeFiles();
    const good = targetOf(SEEDS.gsnRenews, ROSE_QUOTE);
    const cases: [unknown, number, string][] = [
      ['{"kind": "note", ', 400, 'bad_json'],
      [{ kind: 'opinion', targets: [good] }, 400, 'invalid'],
      [{ kind: 'note', targets: [] }, 400, 'invalid'],
      [{ kind: 'inconsistency', targets: [good] }, 400, 'invalid'],
      [{ kind: 'note', targets: [good], claim: { verdict: 'true' } }, 400, 'invalid'],
      [{ kind: 'claim', targets: [good], claim: { verdict: 'probably' } }, 400, 'invalid'],
      [{ kind: 'note', targets: [{ ...good, source: 'no-such-source' }] }, 404, 'not_found'],
      [{ kind: 'note', set: 'no-such-set', targets: [good] }, 404, 'not_found'],
      [{ kind: 'note', targets: [{ ...good, exact: good.exact.toUpperCase() }] }, 422, 'anchor_mismatch'],
      [{ kind: 'note', targets: [{ ...good, start: good.start + 1, end: good.end + 1 }] }, 422, 'anchor_mismatch'],
      [{ kind: 'note', targets: [{ ...good, start: 1_000_000, end: 1_000_010 }] }, 422, 'out_of_range'],
      [{ kind: 'note', targets: [good], note: 'x'.repeat(1_100_000) }, 413, 'too_large'],
    ];
    for (const [body, status, code] of cases) {
      const res = await call(srv.url, 'POST', '/api/annotations', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(typeof res.body.error.message).toBe('string');
    }
    expect(await storeFiles()).toBe(before);
  });

  it('edits with the current revision and answers a stale one with 409 and the current version', async () => {
    const { body } = await call(srv.url, 'POST', '/api/annotations', claimBody());
    const id = body.annotation.id;
    const first = await call(srv.url, 'PATCH', `/api/annotations/${id}`, { revision: 1, claim: { claimant: 'Frank A. Rose', verdict: 'false' } });
    expect(first.status).toBe(200);
    expect(first.body.annotation).toMatchObject({ revision: 2, claim: { claimant: 'Frank A. Rose', verdict: 'false', evidence: [] } });
    const stale = await call(srv.url, 'PATCH', `/api/annotations/${id}`, { revision: 1, note: 'overwrite?' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.details.current.revision).toBe(2);
    const now = await call(srv.url, 'GET', `/api/annotations/${id}`);
    expect(now.body.annotation.note).toBe('Check the State Department transcript');
    expect((await call(srv.url, 'PATCH', '/api/annotations/a_missing', { revision: 1, note: 'x' })).status).toBe(404);
  });

  it('deletes only with the current revision', async () => {
    const { body } = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Phased Adaptive Approach')] });
    const id = body.annotation.id;
    expect((await call(srv.url, 'DELETE', `/api/annotations/${id}`)).status).toBe(400);
    expect((await call(srv.url, 'DELETE', `/api/annotations/${id}?revision=2`)).status).toBe(409);
    expect((await call(srv.url, 'GET', `/api/annotations/${id}`)).status).toBe(200);
    expect((await call(srv.url, 'DELETE', `/api/annotations/${id}?revision=1`)).status).toBe(204);
    expect((await call(srv.url, 'GET', `/api/annotations/${id}`)).status).toBe(404);
    expect((await call(srv.url, 'DELETE', `/api/annotations/${id}?revision=1`)).status).toBe(404);
  });

  it('keeps every one of many concurrent writes to one source', async () => {
    const text = seedText(SEEDS.nbUndercut);
    const bodies = Array.from({ length: 40 }, (_, i) => ({
      kind: 'note',
      targets: [{ source: SEEDS.nbUndercut, start: i * 10, end: i * 10 + 5, exact: text.slice(i * 10, i * 10 + 5) }],
      note: `note ${i}`,
    }));
    const results = await Promise.all(bodies.map((b) => call(srv.url, 'POST', '/api/annotations', b)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    // What a fresh open of the data folder finds (the store's files as they are on disk).
    const onDisk = await JsonStore.open(srv.dataDir, { readOnly: true });
    const notes = new Set((await onDisk.annotations({ source: SEEDS.nbUndercut })).map((a) => a.note));
    for (let i = 0; i < 40; i++) expect(notes.has(`note ${i}`)).toBe(true);
  });

  it('stores an inconsistency across two sources and lists it for both', async () => {
    const targets = [targetOf(SEEDS.nbPursues, SECTORAL_ROSE), targetOf(SEEDS.nbUndercut, SECTORAL_ROSE)];
    const res = await call(srv.url, 'POST', '/api/annotations', { kind: 'inconsistency', targets, tags: ['attribution'], note: 'Rose or Tauscher?' });
    expect(res.status).toBe(201);
    for (const s of [SEEDS.nbPursues, SEEDS.nbUndercut]) {
      const { body } = await call(srv.url, 'GET', `/api/annotations?source=${s}&kind=inconsistency`);
      expect(body.annotations.map((a: { id: string }) => a.id)).toContain(res.body.annotation.id);
    }
    const onDisk = await JsonStore.open(srv.dataDir, { readOnly: true });
    expect((await onDisk.annotation(res.body.annotation.id))?.targets.map((t) => t.source)).toEqual([SEEDS.nbPursues, SEEDS.nbUndercut]);
  });

  it('keeps notes and tags as plain text', async () => {
    const note = '<img src=x onerror="alert(1)"> & <b>bold</b>';
    const res = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Russian Position')], note, tags: ['<script>'] });
    const back = await call(srv.url, 'GET', `/api/annotations/${res.body.annotation.id}`);
    expect(back.body.annotation.note).toBe(note);
    expect(back.body.annotation.tags).toEqual(['<script>']);
  });
});

describe('sets', () => {
  it('always has default, creates sets, refuses duplicates, files annotations into them', async () => {
    const list = await call(srv.url, 'GET', '/api/sets');
    expect(list.body.sets[0].name).toBe('default');
    const made = await call(srv.url, 'POST', '/api/sets', { name: 'Rose review', description: 'quotes given to Rose' });
    expect(made.status).toBe(201);
    expect((await call(srv.url, 'POST', '/api/sets', { name: 'rose review' })).status).toBe(409);
    expect((await call(srv.url, 'POST', '/api/sets', { name: ' bad' })).status).toBe(400);
    expect((await call(srv.url, 'POST', '/api/sets', { name: 'a/b' })).status).toBe(400);
    expect((await call(srv.url, 'POST', '/api/sets', { name: 'Prüfung 2024 ü' })).status).toBe(201);
    const a = await call(srv.url, 'POST', '/api/annotations', { ...claimBody(), set: 'Rose review' });
    expect(a.status).toBe(201);
    const sets = await call(srv.url, 'GET', '/api/sets');
    expect(sets.body.sets.find((s: { name: string }) => s.name === 'Rose review').count).toBe(1);
    const filtered = await call(srv.url, 'GET', '/api/annotations?set=Rose%20review');
    expect(filtered.body.annotations.map((x: { id: string }) => x.id)).toEqual([a.body.annotation.id]);
  });
});

describe('persistence', () => {
  it('finds everything again after a restart on the same data directory', async () => {
    const dataDirServer = await startTestServer();
    const made = await call(dataDirServer.url, 'POST', '/api/annotations', claimBody());
    await call(dataDirServer.url, 'POST', '/api/sets', { name: 'kept' });
    const dataDir = dataDirServer.dataDir;
    // Close without removing the folder by reopening on it explicitly.
    const again = await startTestServer({ dataDir });
    const back = await call(again.url, 'GET', `/api/annotations/${made.body.annotation.id}`);
    expect(back.body.annotation).toEqual(made.body.annotation);
    const sets = await call(again.url, 'GET', '/api/sets');
    expect(sets.body.sets.map((s: { name: string }) => s.name)).toContain('kept');
    await again.close();
    await dataDirServer.close();
  });
});

describe('query validation', () => {
  it('refuses unknown kinds and verdicts and repeated parameters instead of answering an empty list', async () => {
    for (const q of ['kind=opinion', 'verdict=probably', 'kind=note&kind=claim']) {
      const res = await call(srv.url, 'GET', `/api/annotations?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('invalid');
    }
    expect((await call(srv.url, 'GET', '/api/annotations?source=nope')).status).toBe(404);
  });
});

describe('unknown routes', () => {
  it('answers JSON 404 under /api', async () => {
    const res = await call(srv.url, 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('source import and revision', () => {
  it('imports a source, then re-anchors annotations when a revised text is imported', async () => {
    const text = 'Officials said the radar would be in Turkey.\nThe talks resume in May.';
    const first = await call(srv.url, 'POST', '/api/sources', { id: 'wire-story', text, title: 'Radar', outlet: 'Wire' });
    expect(first.status).toBe(201);
    expect(first.body.source).toMatchObject({ id: 'wire-story', outlet: 'Wire', length: text.length });
    const again = await call(srv.url, 'POST', '/api/sources', { id: 'wire-story', text });
    expect(again.body.status).toBe('unchanged');
    const quote = 'the radar would be in Turkey';
    const start = text.indexOf(quote);
    const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [{ source: 'wire-story', start, end: start + quote.length, exact: quote }] });
    const talks = 'talks resume in May';
    const gone = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [{ source: 'wire-story', start: text.indexOf(talks), end: text.indexOf(talks) + talks.length, exact: talks }] });
    const revised = 'CORRECTION appended.\n' + text.replace('in May', 'in June');
    const rev = await call(srv.url, 'POST', '/api/sources', { id: 'wire-story', text: revised });
    expect(rev.status).toBe(200);
    expect(rev.body.status).toBe('revised');
    expect(rev.body.reanchored).toMatchObject({ unchanged: 1, changed: 1, orphaned: 0 });
    const moved = (await call(srv.url, 'GET', `/api/annotations/${made.body.annotation.id}`)).body.annotation;
    expect(revised.slice(moved.targets[0].start, moved.targets[0].end)).toBe(quote);
    expect(moved.revision).toBe(2);
    // A word changed inside the passage: re-attached to the new wording, the old quote kept.
    const edited = (await call(srv.url, 'GET', `/api/annotations/${gone.body.annotation.id}`)).body.annotation;
    expect(edited.targets[0]).toMatchObject({ exact: 'talks resume in June', changedFrom: { exact: talks }, revision: 2 });
    expect(edited.targets[0].orphaned).toBeUndefined();
    // Every revision is kept, and the old text can be read.
    const revisions = (await call(srv.url, 'GET', '/api/sources/wire-story/revisions')).body.revisions;
    expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(revisions[1]).toMatchObject({ words: revised.split(/\s+/).length, origin: { kind: 'paste' } });
    expect((await call(srv.url, 'GET', '/api/sources/wire-story?revision=1')).body.source.text).toBe(text);
    expect((await call(srv.url, 'GET', '/api/sources/wire-story')).body.source).toMatchObject({ text: revised, revision: 2 });
    expect((await call(srv.url, 'GET', '/api/sources/wire-story?revision=3')).status).toBe(404);
    expect((await call(srv.url, 'GET', '/api/sources/wire-story?revision=x')).status).toBe(400);
  });

  it('rejects a bad source id or empty text', async () => {
    expect((await call(srv.url, 'POST', '/api/sources', { id: 'Bad_Id', text: 'x' })).status).toBe(400);
    expect((await call(srv.url, 'POST', '/api/sources', { id: 'ok-id', text: '' })).status).toBe(400);
  });
});
