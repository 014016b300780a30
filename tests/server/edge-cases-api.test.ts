/**
 * Failing cases found in review, kept as tests: each once corrupted or lost data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonStore } from '../../server/store/json/json-store';
import { call, startTestServer, type TestServer } from '../helpers/test-server';
import { SEEDS, targetOf } from '../helpers/fixtures';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

const note = (source: string, text: string, quote: string) => {
  const start = text.indexOf(quote);
  return { kind: 'note', targets: [{ source, start, end: start + quote.length, exact: quote }] };
};

describe('edge cases', () => {
  it('refuses a target that cuts an emoji in half', async () => {
    const text = 'Before 😀 world after.';
    await call(srv.url, 'POST', '/api/sources', { id: 'emoji-story', text, outlet: 'Test' });
    const start = text.indexOf('😀') + 1;
    const res = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [{ source: 'emoji-story', start, end: start + 4, exact: text.slice(start, start + 4) }] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('out_of_range');
    const whole = await call(srv.url, 'POST', '/api/annotations', note('emoji-story', text, '😀 world'));
    expect(whole.status).toBe(201);
  });

  it('refuses a revision that cannot be incremented safely on import, and the store still loads', async () => {
    const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', set: 'default', targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });
    const exported = JSON.parse(await (await fetch(`${srv.url}/api/export?format=w3c&source=${SEEDS.mdaa}`)).text());
    await call(srv.url, 'DELETE', `/api/annotations/${made.body.annotation.id}?revision=1`);
    const item = exported.first.items.find((x: { id: string }) => x.id.endsWith(made.body.annotation.id));
    for (const revision of [1e20, Number.MAX_SAFE_INTEGER, 0, 2.5]) {
      item['collate:revision'] = revision;
      const bad = await call(srv.url, 'POST', '/api/import', item);
      expect(bad.status, String(revision)).toBe(422);
      expect(bad.body.error.details.errors[0].path).toContain('collate:revision');
    }
    item['collate:revision'] = Number.MAX_SAFE_INTEGER - 1;
    item.created = '1';
    expect((await call(srv.url, 'POST', '/api/import', item)).status).toBe(422);
    item.created = '2026-11-22T10:00:00+01:00';
    const res = await call(srv.url, 'POST', '/api/import', item);
    expect(res.status).toBe(201);
    const a = res.body.annotations[0];
    expect(a.revision).toBe(Number.MAX_SAFE_INTEGER - 1);
    expect(a.created).toBe('2026-11-22T09:00:00.000Z');
    // One more edit would leave the exact integers: refused, and nothing changes.
    const patched = await call(srv.url, 'PATCH', `/api/annotations/${a.id}`, { revision: a.revision, note: 'one more' });
    expect(patched.status).toBe(422);
    expect(patched.body.error.code).toBe('revision_limit');
    const reopened = await JsonStore.open(srv.dataDir, { readOnly: true });
    expect((await reopened.annotation(a.id))?.note).toBe(a.note);
  });

  it('imports into an existing set whose name differs only in case', async () => {
    const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.gsnPledge, 'Ramin Mehmanparast')] });
    const exported = JSON.parse(await (await fetch(`${srv.url}/api/export?format=w3c&source=${SEEDS.gsnPledge}`)).text());
    await call(srv.url, 'DELETE', `/api/annotations/${made.body.annotation.id}?revision=1`);
    exported.first.items.forEach((x: Record<string, unknown>) => (x['collate:set'] = 'DEFAULT'));
    const res = await call(srv.url, 'POST', '/api/import', exported);
    expect(res.status).toBe(201);
    expect(res.body.setsCreated).toEqual([]);
    expect(res.body.annotations.every((a: { set: string }) => a.set === 'default')).toBe(true);
  });

  it('round-trips an orphaned annotation through export and import', async () => {
    const text = 'The radar goes to Turkey. Talks resume in May.';
    await call(srv.url, 'POST', '/api/sources', { id: 'orphan-story', text, outlet: 'Test' });
    const made = await call(srv.url, 'POST', '/api/annotations', note('orphan-story', text, 'resume in May'));
    // The whole sentence goes: nothing to re-attach to.
    await call(srv.url, 'POST', '/api/sources', { id: 'orphan-story', text: text.replace(' Talks resume in May.', ' Nothing else was said.') });
    const orphan = (await call(srv.url, 'GET', `/api/annotations/${made.body.annotation.id}`)).body.annotation;
    expect(orphan.targets[0].orphaned).toBe(true);
    const exported = JSON.parse(await (await fetch(`${srv.url}/api/export?format=w3c&source=orphan-story`)).text());
    await call(srv.url, 'DELETE', `/api/annotations/${orphan.id}?revision=${orphan.revision}`);
    const res = await call(srv.url, 'POST', '/api/import', exported);
    expect(res.status).toBe(201);
    expect(res.body.annotations[0].targets[0]).toMatchObject({ orphaned: true, exact: 'resume in May' });
  });

  it('keeps guessed metadata guessed when a source is imported again', async () => {
    await call(srv.url, 'POST', '/api/sources', { id: 'guess-story', text: 'A Headline Of Some Length\n\nBody text here.' });
    const again = await call(srv.url, 'POST', '/api/sources', { id: 'guess-story', text: 'A Headline Of Some Length\n\nBody text, revised.' });
    expect(again.body.source.guessed).toEqual(expect.arrayContaining(['title', 'outlet']));
  });

  it('answers a PATCH that changes nothing without a new revision', async () => {
    const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'U.S. Position')] });
    const same = await call(srv.url, 'PATCH', `/api/annotations/${made.body.annotation.id}`, { revision: 1 });
    expect(same.status).toBe(200);
    expect(same.body.annotation.revision).toBe(1);
    expect((await call(srv.url, 'PATCH', `/api/annotations/${made.body.annotation.id}`, { revision: 7 })).status).toBe(409);
  });

  it('re-anchors every annotation even when edits race the source revision', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} says something.`);
    const text = words.join(' ');
    await call(srv.url, 'POST', '/api/sources', { id: 'race-story', text, outlet: 'Test' });
    const made = await Promise.all(words.map((w) => call(srv.url, 'POST', '/api/annotations', note('race-story', text, w))));
    const revised = 'A new first paragraph.\n\n' + text;
    await Promise.all([
      call(srv.url, 'POST', '/api/sources', { id: 'race-story', text: revised }),
      ...made.map((m) => call(srv.url, 'PATCH', `/api/annotations/${m.body.annotation.id}`, { revision: 1, note: 'edited meanwhile' })),
    ]);
    const { body } = await call(srv.url, 'GET', '/api/annotations?source=race-story');
    expect(body.annotations).toHaveLength(40);
    for (const a of body.annotations) {
      const t = a.targets[0];
      expect(revised.slice(t.start, t.end), a.id).toBe(t.exact);
    }
  });
});
