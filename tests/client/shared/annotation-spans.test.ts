/**
 * Which targets are drawn in the open source, and the text order of the sidebar.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation, Target } from '../../../core/model';
import { annotationSpans, sortInTextOrder } from '../../../client/shared/annotation-spans';
import { highlightClass } from '../../../client/shared/highlight-look';

const t = (source: string, start: number, end: number, orphaned?: boolean): Target => ({ source, start, end, exact: 'x'.repeat(end - start), prefix: '', suffix: '', orphaned });
function ann(id: string, created: string, targets: Target[], over: Partial<Annotation> = {}): Annotation {
  return { id, revision: 1, created, modified: created, creator: '', set: 'default', kind: 'note', targets, tags: [], note: '', ...over };
}

describe('annotationSpans', () => {
  it('draws only live targets in this source that fit its text', () => {
    const link = ann('i1', '1', [t('a', 0, 4), t('b', 2, 6), t('a', 10, 12, true), t('a', 90, 120)], { kind: 'inconsistency' });
    const claim = ann('c1', '2', [t('a', 5, 8)], { kind: 'claim', claim: { claimant: '', verdict: 'misleading', evidence: [] } });
    expect(annotationSpans([link, claim], 'a', 100)).toEqual([
      { id: 'i1', kind: 'inconsistency', verdict: undefined, start: 0, end: 4 },
      { id: 'c1', kind: 'claim', verdict: 'misleading', start: 5, end: 8 },
    ]);
  });
});

describe('sortInTextOrder', () => {
  it('orders by first live target here; orphaned-only annotations go last; ties by creation', () => {
    const late = ann('late', '2024-01-01', [t('a', 50, 60)]);
    const early = ann('early', '2024-01-03', [t('b', 0, 1), t('a', 5, 6)]);
    const orphan = ann('orphan', '2024-01-01', [t('a', 0, 3, true)]);
    const tieA = ann('tieA', '2024-01-02', [t('a', 50, 55)]);
    expect(sortInTextOrder([orphan, late, tieA, early], 'a').map((a) => a.id)).toEqual(['early', 'late', 'tieA', 'orphan']);
  });
});

describe('highlightClass', () => {
  it('names kind and, for claims, the verdict (unverified when missing)', () => {
    expect(highlightClass({ kind: 'claim', verdict: 'false' })).toBe('hl hl-claim hl-verdict-false');
    expect(highlightClass({ kind: 'claim' })).toBe('hl hl-claim hl-verdict-unverified');
    expect(highlightClass({ kind: 'note' })).toBe('hl hl-note');
  });
});
