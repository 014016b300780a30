import { describe, expect, it } from 'vitest';
import { compareAnnotations, matchesFilter } from '../../../core/annotations/annotation-filter';
import type { Annotation } from '../../../core/model';

const base: Annotation = {
  id: 'a_1', revision: 1, created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', creator: 'c',
  set: 'review', kind: 'claim',
  targets: [{ source: 'b-src', start: 50, end: 60, exact: 'Frank Rose said', prefix: '', suffix: '' }],
  tags: ['Attribution'], note: 'Check the Paris transcript',
  claim: { claimant: 'Frank Rose', verdict: 'false', evidence: [] },
};

describe('matchesFilter', () => {
  it('needs every search word somewhere in quote, note, claimant or tags, in any case', () => {
    expect(matchesFilter(base, { q: 'paris ROSE' })).toBe(true);
    expect(matchesFilter(base, { q: 'paris moscow' })).toBe(false);
    expect(matchesFilter(base, { q: 'attribution' })).toBe(true);
    expect(matchesFilter(base, { q: '   ' })).toBe(true);
  });

  it('matches tags without regard to case, and kind, verdict, set and source exactly', () => {
    expect(matchesFilter(base, { tag: 'attribution' })).toBe(true);
    expect(matchesFilter(base, { tag: 'quote' })).toBe(false);
    expect(matchesFilter(base, { kind: 'note' })).toBe(false);
    expect(matchesFilter(base, { verdict: 'false', set: 'review', source: 'b-src' })).toBe(true);
    expect(matchesFilter(base, { verdict: 'true' })).toBe(false);
    expect(matchesFilter(base, { set: 'default' })).toBe(false);
    expect(matchesFilter(base, { source: 'a-src' })).toBe(false);
  });
});

describe('compareAnnotations', () => {
  it('orders by the target in the given source, so linked annotations sit where their passage is', () => {
    const linked: Annotation = { ...base, id: 'a_2', targets: [{ ...base.targets[0], source: 'a-src', start: 900 }, { ...base.targets[0], start: 10 }] };
    expect([base, linked].sort(compareAnnotations('b-src')).map((a) => a.id)).toEqual(['a_2', 'a_1']);
    expect([base, linked].sort(compareAnnotations()).map((a) => a.id)).toEqual(['a_2', 'a_1']);
    const later: Annotation = { ...base, id: 'a_3', targets: [{ ...base.targets[0], start: 70 }] };
    expect([later, base].sort(compareAnnotations('b-src')).map((a) => a.id)).toEqual(['a_1', 'a_3']);
  });
});
