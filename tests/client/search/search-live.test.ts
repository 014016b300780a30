/** The annotations page's transitions for changes made elsewhere: results kept current and in order. */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { applySearchPage } from '../../../client/search/search-live';
import { initialSearchState } from '../../../client/search/search-state';

function ann(id: string, source: string, start: number, over: Partial<Annotation> = {}): Annotation {
  return {
    id, revision: 1, created: 'c', modified: 'm', creator: 'ana', set: 'default', kind: 'note',
    targets: [{ source, start, end: start + 3, exact: 'abc', prefix: '', suffix: '' }], tags: [], note: '', ...over,
  };
}

const searching = initialSearchState({ kind: 'claim' });
const ready = applySearchPage(searching, { type: 'results', seq: searching.seq, list: [ann('a', 's1', 5, { kind: 'claim' }), ann('c', 's2', 1, { kind: 'claim' })] });
const ids = (s: typeof ready) => (s.results.phase === 'ready' ? s.results.list.map((a) => a.id) : null);

describe('annotations page, live', () => {
  it('adds a matching new annotation in its place and leaves out one that does not match', () => {
    expect(ids(applySearchPage(ready, { type: 'remote-annotation', annotation: ann('b', 's1', 9, { kind: 'claim' }) }))).toEqual(['a', 'b', 'c']);
    expect(applySearchPage(ready, { type: 'remote-annotation', annotation: ann('n', 's1', 9) })).toBe(ready);
  });

  it('takes out an annotation edited so it no longer matches, or deleted', () => {
    expect(ids(applySearchPage(ready, { type: 'remote-annotation', annotation: ann('a', 's1', 5, { revision: 2 }) }))).toEqual(['c']);
    expect(ids(applySearchPage(ready, { type: 'remote-deleted', id: 'c' }))).toEqual(['a']);
  });

  it('leaves a search under way alone: its answer will be current', () => {
    expect(applySearchPage(searching, { type: 'remote-annotation', annotation: ann('b', 's1', 9, { kind: 'claim' }) })).toBe(searching);
  });
});
