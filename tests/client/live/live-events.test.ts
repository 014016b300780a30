/** Reading the server's live events: each known shape accepted, anything else dropped. */
import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../../server/http/live-events';
import { parseLiveEvent } from '../../../client/live/live-events';
import type { Annotation } from '../../../core/model';

const annotation: Annotation = {
  id: 'a_1', revision: 2, created: 'c', modified: 'm', creator: 'ana', modifiedBy: 'bob', set: 'default', kind: 'note',
  targets: [{ source: 's', start: 1, end: 4, exact: 'abc', prefix: '', suffix: '' }], tags: [], note: 'n',
};

describe('parseLiveEvent', () => {
  it('reads every event the server makes, as the server writes it', () => {
    // The server's own encoding of a transaction's changes (server/http/live-events.ts).
    const made = eventsOf([
      { table: 'annotations', key: 'a_1', value: annotation },
      { table: 'annotations', key: 'a_2', value: null },
      { table: 'sets', key: 'desk', value: { name: 'desk', description: '', created: 'c' } },
      { table: 'decisions', key: 'x', value: null },
    ] as Parameters<typeof eventsOf>[0]);
    expect(made.map((e) => parseLiveEvent(e.type, JSON.stringify(e)))).toEqual([
      { type: 'annotation', annotation },
      { type: 'annotation-deleted', id: 'a_2' },
      { type: 'sets' },
      { type: 'suggestions' },
    ]);
    expect(parseLiveEvent('source', JSON.stringify({ type: 'source', id: 's', revision: 3 }))).toEqual({ type: 'source', id: 's', revision: 3 });
  });

  it('drops unknown names, broken JSON and records without the fields pages read', () => {
    expect(parseLiveEvent('users', '{}')).toBeNull();
    expect(parseLiveEvent('annotation', '{"annotation":')).toBeNull();
    expect(parseLiveEvent('annotation', JSON.stringify({ annotation: { ...annotation, targets: [] } }))).toBeNull();
    expect(parseLiveEvent('annotation', JSON.stringify({ annotation: { ...annotation, revision: '2' } }))).toBeNull();
    expect(parseLiveEvent('annotation-deleted', JSON.stringify({ id: '' }))).toBeNull();
    expect(parseLiveEvent('source', JSON.stringify({ id: 's', revision: 1.5 }))).toBeNull();
    expect(parseLiveEvent('sets', '[]')).toBeNull();
  });
});
