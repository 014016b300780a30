import { describe, expect, it } from 'vitest';
import { reanchorAnnotation, reanchorTarget } from '../../../core/anchoring/reanchor';
import { quoteContext } from '../../../core/anchoring/quote-context';
import type { Annotation, Target } from '../../../core/model';

const original = 'Rose said the shield is not aimed at Russia. Later, Rose said the shield is not aimed at Russia again.';

function targetAt(text: string, exact: string, from = 0): Target {
  const start = text.indexOf(exact, from);
  return { source: 's', start, end: start + exact.length, exact, ...quoteContext(text, start, start + exact.length) };
}

describe('reanchorTarget', () => {
  it('keeps a target whose text is unchanged (same object)', () => {
    const t = targetAt(original, 'not aimed at Russia');
    expect(reanchorTarget(t, original)).toBe(t);
  });

  it('follows the quote when text is inserted before it, choosing the occurrence by context', () => {
    const t = targetAt(original, 'not aimed at Russia', 30);
    const revised = 'UPDATED: ' + original;
    const moved = reanchorTarget(t, revised);
    expect(revised.slice(moved.start, moved.end)).toBe('not aimed at Russia');
    expect(moved.start).toBe(t.start + 'UPDATED: '.length);
    expect(moved.prefix).toBe(revised.slice(moved.start - 32, moved.start));
    expect(moved.orphaned).toBeUndefined();
  });

  it('refreshes the context of a target that stayed in place while the text around it changed', () => {
    const t = targetAt(original, 'not aimed at Russia');
    const revised = original.replace('Later,', 'After,'); // same length: the target does not move
    const kept = reanchorTarget(t, revised);
    expect(kept.start).toBe(t.start);
    expect(kept.suffix).toBe(revised.slice(kept.end, kept.end + 32));
    expect(kept.suffix).not.toBe(t.suffix);
  });

  it('marks a target orphaned when its quote is gone or its source is missing, keeping the quote', () => {
    const t = targetAt(original, 'not aimed at Russia');
    const gone = reanchorTarget(t, original.replaceAll('not aimed at Russia', 'aimed elsewhere'));
    expect(gone).toMatchObject({ orphaned: true, exact: 'not aimed at Russia', start: t.start });
    expect(reanchorTarget(t, undefined).orphaned).toBe(true);
  });

  it('heals an orphaned target when the quote comes back', () => {
    const t = { ...targetAt(original, 'not aimed at Russia'), orphaned: true };
    expect(reanchorTarget(t, original).orphaned).toBeUndefined();
  });
});

describe('reanchorAnnotation', () => {
  const a: Annotation = {
    id: 'a_1', revision: 1, created: 'x', modified: 'x', creator: 'c', set: 'default', kind: 'inconsistency',
    targets: [targetAt(original, 'Rose said'), { ...targetAt(original, 'again'), source: 'other' }],
    tags: [], note: '',
  };

  it('returns undefined when nothing moved, so nothing is rewritten', () => {
    expect(reanchorAnnotation(a, (id) => (id === 's' || id === 'other' ? original : undefined))).toBeUndefined();
  });

  it('moves only the target whose source changed', () => {
    const next = reanchorAnnotation(a, (id) => (id === 's' ? '>> ' + original : original))!;
    expect(next.targets[0].start).toBe(a.targets[0].start + 3);
    expect(next.targets[1]).toBe(a.targets[1]);
  });
});
