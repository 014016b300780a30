/** The vocabulary's pure rules: names counted in any case, and a tag renamed or merged in a list. */
import { describe, expect, it } from 'vitest';
import { countNames, renamedTags } from '../../../core/annotations/vocabulary';

describe('countNames', () => {
  it('counts any case as one name, shown in its most used spelling, most used first', () => {
    expect(countNames(['Quote', 'quote', 'dates', ' quote ', '', 'Dates', 'QUOTE'])).toEqual([
      { name: 'quote', count: 4 },
      { name: 'dates', count: 2 },
    ]);
  });
});

describe('renamedTags', () => {
  it('renames in place, keeps one of two names that become equal, and says when nothing changes', () => {
    expect(renamedTags(['a', 'Typo', 'b'], 'typo', 'spelling')).toEqual(['a', 'spelling', 'b']);
    expect(renamedTags(['Spelling', 'typo'], 'typo', 'spelling')).toEqual(['Spelling']);
    expect(renamedTags(['typo'], 'typo', 'Typo')).toEqual(['Typo']);
    expect(renamedTags(['typo'], 'typo', 'typo')).toBeNull();
    expect(renamedTags(['a'], 'typo', 'x')).toBeNull();
  });
});
