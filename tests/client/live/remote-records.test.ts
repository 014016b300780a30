/**
 * Applying another person's change to what a page holds: newer versions replace older ones, a late
 * or repeated event never undoes a newer version, records leave a page they no longer belong on,
 * versions for a newer text wait, and result lists keep their order.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { compareAnnotations } from '../../../core/annotations/annotation-filter';
import { applyRemote, applyRemoteToList, belongingTo, provisionalOf, removeFromList, removeRemote } from '../../../client/live/remote-records';

function ann(id: string, start: number, over: Partial<Annotation> = {}): Annotation {
  return {
    id, revision: 1, created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', creator: 'ana', set: 'default', kind: 'note',
    targets: [{ source: 's', start, end: start + 3, exact: 'abc', prefix: '', suffix: '', revision: 1 }], tags: [], note: '', ...over,
  };
}
const map = (...list: Annotation[]) => new Map(list.map((a) => [a.id, a]));

describe('applyRemote', () => {
  const held = map(ann('a', 5, { revision: 2 }));

  it('puts in new and newer versions, keeps the map for stale or equal ones', () => {
    expect(applyRemote(held, ann('b', 9), 'here').get('b')?.id).toBe('b');
    expect(applyRemote(held, ann('a', 5, { revision: 3, note: 'new' }), 'here').get('a')?.note).toBe('new');
    expect(applyRemote(held, ann('a', 5, { revision: 2 }), 'here')).toBe(held);
    expect(applyRemote(held, ann('a', 5, { revision: 1 }), 'here')).toBe(held);
  });

  it('drops a record that no longer belongs, and keeps one waiting for a newer text', () => {
    expect(applyRemote(held, ann('a', 5, { revision: 3 }), 'elsewhere').has('a')).toBe(false);
    expect(applyRemote(held, ann('z', 5), 'elsewhere')).toBe(held);
    expect(applyRemote(held, ann('a', 5, { revision: 3 }), 'later')).toBe(held);
    expect(removeRemote(held, 'a').size).toBe(0);
    expect(removeRemote(held, 'nope')).toBe(held);
  });
});

describe('belongingTo', () => {
  const shown = new Map<string, number | undefined>([['s', 2], ['t', undefined]]);
  it('is here for a shown source, later for a newer revision of it, elsewhere otherwise', () => {
    expect(belongingTo(ann('a', 1, { targets: [{ source: 's', start: 1, end: 2, exact: 'x', prefix: '', suffix: '', revision: 2 }] }), shown)).toBe('here');
    expect(belongingTo(ann('a', 1, { targets: [{ source: 's', start: 1, end: 2, exact: 'x', prefix: '', suffix: '', revision: 3 }] }), shown)).toBe('later');
    expect(belongingTo(ann('a', 1, { targets: [{ source: 't', start: 1, end: 2, exact: 'x', prefix: '', suffix: '', revision: 9 }] }), shown)).toBe('here');
    expect(belongingTo(ann('a', 1, { targets: [{ source: 'u', start: 1, end: 2, exact: 'x', prefix: '', suffix: '' }] }), shown)).toBe('elsewhere');
  });
});

describe('provisionalOf', () => {
  it('finds the provisional annotation with the same kind and passages', () => {
    const temp = ann('pending:1', 5, { creator: '' });
    const held = map(temp, ann('x', 5, { kind: 'claim' }));
    expect(provisionalOf(held, new Set(['pending:1']), ann('a_9', 5))).toBe('pending:1');
    expect(provisionalOf(held, new Set(['pending:1']), ann('a_9', 6))).toBeNull();
    expect(provisionalOf(held, new Set(['pending:1']), ann('a_9', 5, { kind: 'claim' }))).toBeNull();
  });
});

describe('applyRemoteToList', () => {
  const order = compareAnnotations();
  const list = [ann('a', 1), ann('b', 10), ann('c', 20)];
  const ids = (l: readonly Annotation[]) => l.map((a) => a.id);

  it('inserts in text order, moves a changed one to its new place, and removes what stops matching', () => {
    expect(ids(applyRemoteToList(list, ann('n', 15), true, order))).toEqual(['a', 'b', 'n', 'c']);
    expect(ids(applyRemoteToList(list, ann('n', 0), true, order))).toEqual(['n', 'a', 'b', 'c']);
    expect(ids(applyRemoteToList(list, ann('a', 25, { revision: 2 }), true, order))).toEqual(['b', 'c', 'a']);
    expect(ids(applyRemoteToList(list, ann('b', 10, { revision: 2 }), false, order))).toEqual(['a', 'c']);
    expect(applyRemoteToList(list, ann('n', 15), false, order)).toBe(list);
    expect(applyRemoteToList(list, ann('b', 10), true, order)).toBe(list);
    expect(ids(removeFromList(list, 'b'))).toEqual(['a', 'c']);
    expect(removeFromList(list, 'zz')).toBe(list);
  });
});
