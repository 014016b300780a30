/** The tags page's state and its checks before a rename is sent. */
import { describe, expect, it } from 'vitest';
import { applyTags, INITIAL_TAGS_STATE, mergeTarget, renameProblem } from '../../../client/tags/tags-state';

describe('renaming a tag', () => {
  it('refuses an empty, too long or unchanged name before sending it', () => {
    expect(renameProblem('typo', '  ')).toBe('Give the tag a new name.');
    expect(renameProblem('typo', 'x'.repeat(65))).toBe('A tag can be at most 64 characters long; this one has 65.');
    expect(renameProblem('typo', ' typo ')).toBe('That is its name already.');
    expect(renameProblem('typo', 'Typo')).toBeNull();
  });

  it('tells when the new name merges into another tag in use', () => {
    const tags = [{ name: 'Attribution' }, { name: 'typo' }];
    expect(mergeTarget(tags, 'attrib', 'attribution')).toBe('Attribution');
    expect(mergeTarget(tags, 'typo', 'TYPO')).toBeNull();
    expect(mergeTarget(tags, 'typo', 'spelling')).toBeNull();
  });

  it('keeps the form while saving and after a refusal, and closes it once renamed', () => {
    let s = applyTags(INITIAL_TAGS_STATE, { type: 'start-rename', from: 'typo' });
    s = applyTags(s, { type: 'rename', from: 'typo', to: 'spelling' });
    expect(s.rename).toEqual({ from: 'typo', saving: true, problem: null });
    expect(applyTags(s, { type: 'cancel-rename' }).rename).not.toBeNull();
    const refused = applyTags(s, { type: 'rename-failed', message: 'Not renamed: offline' });
    expect(refused.rename).toEqual({ from: 'typo', saving: false, problem: 'Not renamed: offline' });
    expect(applyTags(s, { type: 'renamed', from: 'typo', to: 'spelling', changed: 2 }).rename).toBeNull();
  });
});
