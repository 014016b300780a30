/** The compare view's state: picks, the annotations shown (active set or all), a link made. */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { applyCompare, canLink, initialCompareState, shownInCompare, type CompareData } from '../../../client/compare/compare-state';

const ann = (id: string, set: string) => ({ id, set }) as Annotation;
const loaded = applyCompare(initialCompareState({ allSets: false }), {
  type: 'loaded', data: {} as CompareData, annotations: [ann('a', 'default'), ann('b', 'other')], sets: ['default', 'other'], activeSet: 'default',
});

describe('compare state', () => {
  it('shows the active set, or every set', () => {
    expect(shownInCompare(loaded).map((a) => a.id)).toEqual(['a']);
    expect(shownInCompare(applyCompare(loaded, { type: 'all-sets', all: true })).map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('links once both columns have a pick; a new link clears them and shows the annotation', () => {
    const span = { start: 1, end: 4, exact: 'abc' };
    let s = applyCompare(loaded, { type: 'pick', side: 'a', span });
    expect(canLink(s)).toBe(false);
    s = applyCompare(s, { type: 'pick', side: 'b', span });
    expect(canLink(s)).toBe(true);
    expect(applyCompare(s, { type: 'pick', side: 'b', span: { ...span } })).toBe(s);
    expect(applyCompare(s, { type: 'clear-picks', side: 'a' }).picks).toEqual({ a: null, b: span });
    const linked = applyCompare(s, { type: 'created', annotation: ann('c', 'default') });
    expect(linked.picks).toEqual({ a: null, b: null });
    expect(shownInCompare(linked).map((a) => a.id)).toEqual(['a', 'c']);
  });
});
