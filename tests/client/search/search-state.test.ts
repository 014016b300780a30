/** The annotations page's state: a new search drops answers to older ones; pages of results. */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { applySearch, initialSearchState, isBlankSearch, PAGE_SIZE } from '../../../client/search/search-state';

const list = [{ id: 'a' }] as Annotation[];

describe('applySearch', () => {
  it('shows the answer to the latest search only', () => {
    let s = applySearch(initialSearchState({}), { type: 'search', search: { q: 'ro' } });
    const older = s.seq;
    s = applySearch(s, { type: 'search', search: { q: 'rose' } });
    expect(applySearch(s, { type: 'results', seq: older, list }).results.phase).toBe('loading');
    expect(applySearch(s, { type: 'failed', seq: older, message: 'x' }).results.phase).toBe('loading');
    expect(applySearch(s, { type: 'results', seq: s.seq, list }).results).toEqual({ phase: 'ready', list });
  });

  it('draws results a page at a time, from the first page again on a new search', () => {
    let s = applySearch(initialSearchState({}), { type: 'more' });
    expect(s.shown).toBe(2 * PAGE_SIZE);
    s = applySearch(s, { type: 'search', search: { kind: 'claim' } });
    expect(s.shown).toBe(PAGE_SIZE);
  });

  it('tells a blank search', () => {
    expect(isBlankSearch({ q: '  ', tag: '' })).toBe(true);
    expect(isBlankSearch({ verdict: 'false' })).toBe(false);
  });
});
