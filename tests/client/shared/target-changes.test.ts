import { describe, expect, it } from 'vitest';
import type { Annotation, Target } from '../../../core/model';
import { changedPassages, changeOf, needsRecheck } from '../../../client/shared/target-changes';

const target = (source: string, exact: string, start: number, extra: Partial<Target> = {}): Target => ({ source, start, end: start + exact.length, exact, prefix: '', suffix: '', ...extra });
const annotation = (id: string, kind: Annotation['kind'], targets: Target[]): Annotation => ({ id, revision: 1, created: '', modified: '', creator: '', set: 'default', kind, targets, tags: [], note: '' });

describe('passages changed by a revision', () => {
  it('tells reworded and gone passages from ones that only moved', () => {
    expect(changeOf(target('s', 'new words', 5, { changedFrom: { exact: 'old words' } }))).toBe('changed');
    expect(changeOf(target('s', 'same words', 5, { changedFrom: { exact: 'same words' } }))).toBeNull();
    expect(changeOf(target('s', 'gone', 5, { orphaned: true, changedFrom: { exact: 'older' } }))).toBe('orphaned');
    expect(changeOf(target('s', 'moved', 50, { revision: 3 }))).toBeNull();
  });

  it('lists those of one source in text order, the gone ones last, with their words then and now', () => {
    const list = changedPassages([
      annotation('a_gone', 'note', [target('s', 'vanished', 1, { orphaned: true })]),
      annotation('a_late', 'note', [target('s', 'later', 90, { changedFrom: { exact: 'latter' } })]),
      annotation('a_both', 'inconsistency', [target('other', 'elsewhere', 0, { changedFrom: { exact: 'there' } }), target('s', 'early', 10, { changedFrom: { exact: 'earlier' } })]),
    ], 's');
    expect(list.map((p) => [p.annotation.id, p.index, p.change, p.before, p.after])).toEqual([
      ['a_both', 1, 'changed', 'earlier', 'early'],
      ['a_late', 0, 'changed', 'latter', 'later'],
      ['a_gone', 0, 'orphaned', 'vanished', null],
    ]);
  });

  it('asks for a re-check of claims only', () => {
    const reworded = [target('s', 'new', 0, { changedFrom: { exact: 'old' } })];
    expect(needsRecheck(annotation('c', 'claim', reworded))).toBe(true);
    expect(needsRecheck(annotation('n', 'note', reworded))).toBe(false);
    expect(needsRecheck(annotation('c', 'claim', [target('s', 'same', 0)]))).toBe(false);
  });
});
