import { describe, expect, it } from 'vitest';
import type { Annotation, Target } from '../../../core/model';
import { acceptPlan, alsoAccepts, dismissPlan, reattachPlan } from '../../../client/changes/passage-actions';

const target = (exact: string, start: number, extra: Partial<Target> = {}): Target => ({ source: 'story', start, end: start + exact.length, exact, prefix: '', suffix: '', ...extra });
const annotation = (kind: Annotation['kind'], targets: Target[]): Annotation => ({ id: 'a_1', revision: 4, created: '', modified: '', creator: 'ana', set: 'default', kind, targets, tags: [], note: '' });

const changed = target('cost 3.4 million', 100, { changedFrom: { exact: 'cost 3.2 million', revision: 1 }, revision: 2 });
const plain = target('the board said', 10, { revision: 2 });
const gone = target('not yet agreed', 300, { orphaned: true });

describe('accepting a change', () => {
  it('sends the same targets, which drops their old wording, based on the revision shown', () => {
    expect(acceptPlan(annotation('claim', [changed]))).toEqual({ kind: 'patch', body: { revision: 4, targets: [{ source: 'story', start: 100, end: 116, exact: 'cost 3.4 million' }] } });
  });

  it('refuses while another passage is gone (it cannot be sent back), and when nothing changed', () => {
    expect(acceptPlan(annotation('inconsistency', [changed, gone]))).toMatchObject({ kind: 'blocked', reason: expect.stringMatching(/gone as well/) });
    expect(acceptPlan(annotation('note', [plain]))).toMatchObject({ kind: 'blocked' });
  });
});

describe('re-attaching a passage', () => {
  it('puts the selection in the target’s place and keeps the others', () => {
    const a = annotation('inconsistency', [plain, gone]);
    expect(reattachPlan(a, 1, 'story', { start: 280, end: 295, exact: 'a public meeting' })).toEqual({
      kind: 'patch',
      body: { revision: 4, targets: [{ source: 'story', start: 10, end: 24, exact: 'the board said' }, { source: 'story', start: 280, end: 295, exact: 'a public meeting' }] },
    });
  });

  it('asks for a selection first', () => {
    expect(reattachPlan(annotation('note', [gone]), 0, 'story', null)).toMatchObject({ kind: 'blocked', reason: expect.stringMatching(/Select/) });
  });
});

describe('dismissing a passage', () => {
  it('removes it when others remain, and deletes an annotation that would be left too short', () => {
    expect(dismissPlan(annotation('note', [plain, gone]), 1)).toEqual({ kind: 'patch', body: { revision: 4, targets: [{ source: 'story', start: 10, end: 24, exact: 'the board said' }] } });
    expect(dismissPlan(annotation('note', [gone]), 0)).toEqual({ kind: 'delete' });
    expect(dismissPlan(annotation('inconsistency', [plain, gone]), 1)).toEqual({ kind: 'delete' });
    expect(dismissPlan(annotation('inconsistency', [plain, plain, gone]), 2)).toMatchObject({ kind: 'patch' });
  });

  it('counts the other changes a PATCH accepts too', () => {
    expect(alsoAccepts(annotation('reuse', [changed, changed, gone]), 2)).toBe(2);
    expect(alsoAccepts(annotation('claim', [changed]), 0)).toBe(0);
  });
});
