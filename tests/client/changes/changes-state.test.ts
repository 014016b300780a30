import { describe, expect, it } from 'vitest';
import { changeCountText, pickRevisions } from '../../../client/changes/changes-state';

describe('which revisions to compare', () => {
  it('defaults to the newest against the one before it', () => {
    expect(pickRevisions([1, 2, 3])).toEqual({ from: 2, to: 3 });
    expect(pickRevisions([3, 1, 2], { to: 2 })).toEqual({ from: 1, to: 2 });
    expect(pickRevisions([1, 2, 3], { from: 1 })).toEqual({ from: 1, to: 3 });
  });

  it('puts a reversed pair in order and replaces numbers that do not exist', () => {
    expect(pickRevisions([1, 2, 3], { from: 3, to: 1 })).toEqual({ from: 1, to: 3 });
    expect(pickRevisions([1, 2, 3], { from: 9, to: 7 })).toEqual({ from: 2, to: 3 });
    expect(pickRevisions([1, 2, 3], { from: 3 })).toEqual({ from: 2, to: 3 });
    expect(pickRevisions([1, 2, 3], { from: 2, to: 2 })).toEqual({ from: 1, to: 2 });
    expect(pickRevisions([1, 2, 3], { to: 1 })).toEqual({ from: 1, to: 2 });
  });

  it('has nothing to compare with one revision', () => {
    expect(pickRevisions([1])).toBeNull();
    expect(pickRevisions([])).toBeNull();
  });
});

describe('the count of changes', () => {
  it('names the kinds', () => {
    expect(changeCountText(['reworded', 'added', 'reworded', 'removed'])).toBe('4 changes: 2 reworded, 1 added, 1 removed.');
    expect(changeCountText(['added', 'added'])).toBe('2 changes, all added.');
    expect(changeCountText(['removed'])).toBe('1 change, removed.');
    expect(changeCountText([])).toMatch(/^No change in the wording/);
  });
});
