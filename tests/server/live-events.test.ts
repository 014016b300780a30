/**
 * GET /api/events: every page hears what anyone commits, as Server-Sent Events: a new or changed
 * annotation whole, a deletion by id, sets, decisions and source revisions by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, targetOf } from '../helpers/fixtures';
import { listen } from '../helpers/event-stream';
import { call, startTestServer, type TestServer } from '../helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

describe('GET /api/events', () => {
  it('tells an open page of annotations created, changed and deleted elsewhere, and of sets and decisions', async () => {
    const page = await listen(srv.url);
    try {
      const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'note', note: 'live', targets: [targetOf(SEEDS.mdaa, 'Russian Position')] });
      const created = await page.next('annotation');
      expect(created.annotation).toMatchObject({ id: made.body.annotation.id, revision: 1, note: 'live' });
      await call(srv.url, 'PATCH', `/api/annotations/${made.body.annotation.id}`, { revision: 1, note: 'changed' });
      expect((await page.next('annotation')).annotation).toMatchObject({ revision: 2, note: 'changed' });
      await call(srv.url, 'DELETE', `/api/annotations/${made.body.annotation.id}?revision=2`);
      expect(await page.next('annotation-deleted')).toEqual({ type: 'annotation-deleted', id: made.body.annotation.id });
      await call(srv.url, 'POST', '/api/sets', { name: 'Live desk' });
      expect(await page.next('sets')).toEqual({ type: 'sets' });
      const [s] = (await call(srv.url, 'GET', '/api/suggestions')).body.suggestions;
      await call(srv.url, 'POST', `/api/suggestions/${s.id}/dismiss`, {});
      expect(await page.next('suggestions')).toEqual({ type: 'suggestions' });
      await call(srv.url, 'POST', '/api/sources', { id: 'live-story', text: 'A short story for the live test.', outlet: 'Wire' });
      expect(await page.next('source')).toEqual({ type: 'source', id: 'live-story', revision: 1 });
    } finally {
      page.close();
    }
  });

  it('answers HEAD at once, with the headers of the stream and no body', async () => {
    const res = await fetch(`${srv.url}/api/events`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  });
});
