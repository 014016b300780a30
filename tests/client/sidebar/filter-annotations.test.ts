/**
 * Sidebar filtering: each criterion narrows, criteria combine, the search looks at quotes, notes,
 * claimants and tags case-insensitively with every word required.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { collectTags, filterAnnotations, isEmptyFilter, matchesFilter, NO_FILTER } from '../../../client/sidebar/filter-annotations';

function ann(id: string, over: Partial<Annotation>): Annotation {
  return {
    id, revision: 1, created: '2024-01-01T00:00:00Z', modified: '2024-01-01T00:00:00Z', creator: '', set: 'default',
    kind: 'note', targets: [{ source: 's', start: 0, end: 5, exact: 'Hello', prefix: '', suffix: '' }], tags: [], note: '', ...over,
  };
}

const FALSE_CLAIM = ann('c1', { kind: 'claim', claim: { claimant: 'Frank Rose', verdict: 'false', evidence: [] }, tags: ['numbers'],
  targets: [{ source: 's', start: 0, end: 20, exact: 'The Kremlin demanded', prefix: '', suffix: '' }] });
const TRUE_CLAIM = ann('c2', { kind: 'claim', set: 'checks', claim: { claimant: '', verdict: 'true', evidence: [] } });
const NOTE = ann('n1', { note: 'Check the NATO figure', tags: ['numbers', 'Attribution'] });
const ALL = [FALSE_CLAIM, TRUE_CLAIM, NOTE];
const ids = (f: Partial<typeof NO_FILTER>) => filterAnnotations(ALL, { ...NO_FILTER, ...f }).map((a) => a.id);

describe('filterAnnotations', () => {
  it('lets everything through with no criterion', () => {
    expect(ids({})).toEqual(['c1', 'c2', 'n1']);
    expect(isEmptyFilter(NO_FILTER)).toBe(true);
    expect(isEmptyFilter({ ...NO_FILTER, q: '  ' })).toBe(true);
    expect(isEmptyFilter({ ...NO_FILTER, tag: 'x' })).toBe(false);
  });
  it('filters by kind, verdict and tag', () => {
    expect(ids({ kind: 'note' })).toEqual(['n1']);
    expect(ids({ verdict: 'false' })).toEqual(['c1']);
    expect(ids({ tag: 'numbers' })).toEqual(['c1', 'n1']);
  });
  it('combines criteria', () => {
    expect(ids({ tag: 'numbers', kind: 'claim' })).toEqual(['c1']);
    expect(ids({ verdict: 'true', kind: 'note' })).toEqual([]);
  });
  it('searches quotes, notes, claimants and tags case-insensitively, all words required', () => {
    expect(ids({ q: 'kremlin' })).toEqual(['c1']);
    expect(ids({ q: 'nato FIGURE' })).toEqual(['n1']);
    expect(ids({ q: 'rose' })).toEqual(['c1']);
    expect(ids({ q: 'attribution' })).toEqual(['n1']);
    expect(ids({ q: 'nato kremlin' })).toEqual([]);
    expect(matchesFilter(NOTE, { ...NO_FILTER, q: '   ' })).toBe(true);
  });
});

describe('collectTags', () => {
  it('lists each tag once, sorted case-insensitively', () => {
    expect(collectTags(ALL)).toEqual(['Attribution', 'numbers']);
  });
});
