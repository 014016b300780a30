/**
 * GET /api/vocabulary and POST /api/tags/rename on a real server and store: names counted without
 * regard to case and shown in their most used spelling, a rename that merges into an existing tag,
 * a new revision for each changed annotation (and none for the others), an edit made meanwhile kept,
 * and bad bodies refused with the fields named.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/model';
import { AnnotationService } from '../../server/services/annotation-service';
import { VocabularyService } from '../../server/services/vocabulary-service';
import type { Store } from '../../server/store/store';
import { SEEDS, targetOf } from '../helpers/fixtures';
import { call, startTestServer, type TestServer } from '../helpers/test-server';

let srv: TestServer;
beforeEach(async () => {
  srv = await startTestServer();
});
afterEach(() => srv.close());

async function make(quote: string, tags: string[], claimant?: string): Promise<Annotation> {
  const body = claimant
    ? { kind: 'claim', targets: [targetOf(SEEDS.gsnRenews, quote)], tags, claim: { claimant, verdict: 'true', evidence: [] } }
    : { kind: 'note', targets: [targetOf(SEEDS.gsnRenews, quote)], tags };
  const res = await call(srv.url, 'POST', '/api/annotations', body);
  expect(res.status).toBe(201);
  return res.body.annotation as Annotation;
}

const get = async (id: string) => (await call(srv.url, 'GET', `/api/annotations/${id}`)).body.annotation as Annotation;

describe('GET /api/vocabulary', () => {
  it('counts tags and claimants, most used first, any case as one in its most used spelling', async () => {
    await make('renewed urging Russia', ['Attribution', 'quote'], 'Frank Rose');
    await make('cooperation was the only way', ['attribution'], 'Frank Rose');
    await make('legally enforceable assurances', ['attribution', 'dates'], 'frank rose');
    await make('The Kremlin', ['Quote'], 'Frank A. Rose');
    const { status, body } = await call(srv.url, 'GET', '/api/vocabulary');
    expect(status).toBe(200);
    expect(body.tags).toEqual([
      { name: 'attribution', count: 3 },
      { name: 'quote', count: 2 },
      { name: 'dates', count: 1 },
    ]);
    expect(body.claimants).toEqual([
      { name: 'Frank Rose', count: 3 },
      { name: 'Frank A. Rose', count: 1 },
    ]);
  });

  it('is empty with no annotations', async () => {
    expect((await call(srv.url, 'GET', '/api/vocabulary')).body).toEqual({ tags: [], claimants: [] });
  });
});

describe('POST /api/tags/rename', () => {
  it('renames a tag on every annotation carrying it, in any case, with a new revision each', async () => {
    const a = await make('renewed urging Russia', ['Typo', 'quote']);
    const b = await make('cooperation was the only way', ['typo']);
    const untouched = await make('legally enforceable assurances', ['quote']);
    const res = await call(srv.url, 'POST', '/api/tags/rename', { from: 'TYPO', to: 'spelling' });
    expect(res).toMatchObject({ status: 200, body: { changed: 2 } });
    expect(await get(a.id)).toMatchObject({ tags: ['spelling', 'quote'], revision: 2 });
    expect(await get(b.id)).toMatchObject({ tags: ['spelling'], revision: 2 });
    expect(await get(untouched.id)).toMatchObject({ tags: ['quote'], revision: 1 });
  });

  it('merges into the new name where an annotation carries both', async () => {
    const both = await make('renewed urging Russia', ['attrib', 'quote', 'Attribution']);
    const res = await call(srv.url, 'POST', '/api/tags/rename', { from: 'attrib', to: 'attribution' });
    expect(res.body).toEqual({ changed: 1 });
    expect((await get(both.id)).tags).toEqual(['attribution', 'quote']);
    const vocabulary = (await call(srv.url, 'GET', '/api/vocabulary')).body;
    expect(vocabulary.tags.map((t: { name: string }) => t.name)).not.toContain('attrib');
  });

  it('changes nothing for a tag nobody carries, or a rename to itself', async () => {
    const a = await make('renewed urging Russia', ['quote']);
    expect((await call(srv.url, 'POST', '/api/tags/rename', { from: 'absent', to: 'x' })).body).toEqual({ changed: 0 });
    expect((await call(srv.url, 'POST', '/api/tags/rename', { from: 'quote', to: 'quote' })).body).toEqual({ changed: 0 });
    expect((await get(a.id)).revision).toBe(1);
  });

  it('refuses a bad body, naming the fields, and changes nothing', async () => {
    const a = await make('renewed urging Russia', ['quote']);
    const long = await call(srv.url, 'POST', '/api/tags/rename', { from: 'quote', to: 'x'.repeat(65) });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('invalid');
    expect(long.body.error.details.issues).toEqual([{ path: 'to', message: expect.stringContaining('64') }]);
    const missing = await call(srv.url, 'POST', '/api/tags/rename', { from: '  ' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['from', 'to']);
    const extra = await call(srv.url, 'POST', '/api/tags/rename', { from: 'quote', to: 'q', all: true });
    expect(extra.status).toBe(400);
    expect((await get(a.id))).toMatchObject({ tags: ['quote'], revision: 1 });
  });
});

describe('renaming beside a concurrent edit', () => {
  it('renames on the current version when someone changed the annotation meanwhile, keeping their change', async () => {
    const a = await make('renewed urging Russia', ['typo']);
    // The store as the service sees it, with another writer's edit committed just before the rename's.
    let raced = false;
    const store: Store = Object.create(srv.store, {
      transact: {
        value: async (...args: Parameters<Store['transact']>) => {
          if (!raced) {
            raced = true;
            await srv.store.transact(async (tx) => {
              const cur = (await tx.annotation(a.id))!;
              tx.replaceAnnotation({ ...cur, revision: cur.revision + 1, note: 'edited meanwhile' });
            });
          }
          return srv.store.transact(...args);
        },
      },
    });
    const result = await new VocabularyService(new AnnotationService(store, srv.sources)).renameTag('typo', 'spelling', { name: 'tester', role: 'editor' });
    expect(raced).toBe(true);
    expect(result).toEqual({ changed: 1 });
    expect(await get(a.id)).toMatchObject({ tags: ['spelling'], note: 'edited meanwhile', revision: 3 });
    // The rename is in the annotation's history under the name it was made by.
    const history = (await call(srv.url, 'GET', `/api/annotations/${a.id}/history`)).body.history as { by: string; changes: { field: string }[] }[];
    expect(history.at(-1)).toMatchObject({ by: 'tester', changes: [{ field: 'tags' }] });
  });
});
