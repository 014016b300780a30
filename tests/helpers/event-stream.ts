/**
 * A page's view of GET /api/events in tests: one open Server-Sent Events stream whose events are
 * read in order, waiting for the next of a given type.
 */
import { expect } from 'vitest';
import type { LiveEvent } from '../../server/http/live-events';

/** Reads events off one open stream, in order. */
export async function listen(url: string) {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/events`, { signal: controller.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: { event: string; data: LiveEvent }[] = [];
  return {
    /** The next event of the given type, skipping others; fails after a generous wait. */
    async next<T extends LiveEvent['type']>(type: T): Promise<Extract<LiveEvent, { type: T }>> {
      for (;;) {
        const at = queue.findIndex((e) => e.event === type);
        if (at >= 0) return queue.splice(0, at + 1).at(-1)!.data as Extract<LiveEvent, { type: T }>;
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) queue.push({ event, data: JSON.parse(data) as LiveEvent });
        }
      }
    },
    close: () => controller.abort(),
  };
}
