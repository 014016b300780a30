/** The compare view's transitions for changes made elsewhere: both columns' annotations kept current. */
import { describe, expect, it } from 'vitest';
import type { Annotation, Source } from '../../../core/model';
import { applyComparePage, isNewerText } from '../../../client/compare/compare-live';
import { initialCompareState, shownInCompare, type CompareData } from '../../../client/compare/compare-state';

const source = (id: string, revision: number) => ({ id, revision, text: 'abcdefghij' }) as Source;
const ann = (id: string, source: string, over: Partial<Annotation> = {}) =>
  ({ id, revision: 1, set: 'default', targets: [{ source, start: 1, end: 3, exact: 'bc', prefix: '', suffix: '', revision: 1 }], ...over }) as Annotation;
const data = { sa: source('a', 1), sb: source('b', 1) } as CompareData;
const loaded = applyComparePage(initialCompareState({ allSets: false }), { type: 'loaded', data, annotations: [ann('x', 'a')], sets: ['default'], activeSet: 'default' });
const ids = (s: typeof loaded) => shownInCompare(s).map((a) => a.id);

describe('compare view, live', () => {
  it('shows another person’s annotation on either source, and only those', () => {
    expect(ids(applyComparePage(loaded, { type: 'remote-annotation', annotation: ann('y', 'b') }))).toEqual(['x', 'y']);
    expect(applyComparePage(loaded, { type: 'remote-annotation', annotation: ann('z', 'c') })).toBe(loaded);
    const moved = applyComparePage(loaded, { type: 'remote-annotation', annotation: ann('x', 'c', { revision: 2 }) });
    expect(ids(moved)).toEqual([]);
  });

  it('takes a deleted one away, and forgets it as the active one', () => {
    const active = applyComparePage(loaded, { type: 'activate', id: 'x', side: 'a' });
    const gone = applyComparePage(active, { type: 'remote-deleted', id: 'x' });
    expect(ids(gone)).toEqual([]);
    expect(gone.active).toBeNull();
  });

  it('leaves versions for a newer text to the reload, and knows when a text is outdated', () => {
    const newer = ann('x', 'a', { revision: 2 });
    newer.targets[0].revision = 2;
    expect(applyComparePage(loaded, { type: 'remote-annotation', annotation: newer })).toBe(loaded);
    expect(isNewerText(loaded, 'a', 2)).toBe(true);
    expect(isNewerText(loaded, 'b', 1)).toBe(false);
    expect(isNewerText(loaded, 'c', 9)).toBe(false);
  });

  it('does nothing before the annotations are loaded, and takes new sets', () => {
    const empty = initialCompareState({ allSets: false });
    expect(applyComparePage(empty, { type: 'remote-annotation', annotation: ann('y', 'b') })).toBe(empty);
    expect(applyComparePage(loaded, { type: 'sets-reloaded', sets: ['default', 'desk'] }).sets).toEqual(['default', 'desk']);
  });
});
