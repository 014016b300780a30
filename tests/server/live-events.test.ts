/**
 * GET /api/events: every page hears what anyone commits, as Server-Sent Events: a new or changed
 * annotation whole, a deletion by id, sets, decisions and source revisions by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS, targetOf } from '../helpers/fixtures';
import { call, startTestServer, type TestServer } from '../helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

/** Reads events off one open stream, in order. */
async function listen(url: string) {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/events`, { signal: controller.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: { event: string; data: any }[] = [];
  return {
    /** The next event of the given type, skipping others; fails after a generous wait. */
    async next(type: string): Promise<any> {
      for (;;) {
        const at = queue.findIndex((e) => e.event === type);
        if (at >= 0) return queue.splice(0, at + 1).at(-1)!.data;
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) queue.push({ event, data: JSON.parse(data) });
        }
      }
    },
    close: () => controller.abort(),
  };
}

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
});
