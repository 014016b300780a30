/** One-line excerpts: whitespace collapsed, long text cut at a word boundary. */
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../client/shared/text-excerpt';

describe('excerpt', () => {
  it('collapses whitespace and keeps short text whole', () => {
    expect(excerpt('  two\n\nlines  ', 70)).toBe('two lines');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const s = excerpt('Deputy Assistant Secretary Frank A. Rose discussed US efforts to pursue cooperation', 40);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(41);
    expect('Deputy Assistant Secretary Frank A. Rose discussed'.startsWith(s.slice(0, -1))).toBe(true);
  });
});

describe('excerpt of a list-like text', () => {
  it('drops the punctuation where it cuts, before the ellipsis', () => {
    expect(excerpt('alpha beta, gamma delta epsilon', 12)).toBe('alpha beta…');
  });
});
