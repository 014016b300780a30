/** Quote anchoring: position first, then the occurrence best described by context, then the nearest. */
import { describe, expect, it } from 'vitest';
import { matchQuote } from '../../../core/anchoring/match-quote';

const TEXT = 'The cat sat. A dog ran. The cat ran. The cat sat again.';
// Occurrences of "The cat": 0, 24, 37.

describe('matchQuote', () => {
  it('takes the given position when the text there is the quote', () => {
    expect(matchQuote(TEXT, { exact: 'The cat', start: 24 })).toEqual({ start: 24, end: 31 });
  });

  it('finds a unique quote wherever the position points', () => {
    expect(matchQuote(TEXT, { exact: 'A dog', start: 3 })).toEqual({ start: 13, end: 18 });
    expect(matchQuote(TEXT, { exact: 'A dog' })).toEqual({ start: 13, end: 18 });
  });

  it('uses prefix and suffix to choose among repeated quotes', () => {
    expect(matchQuote(TEXT, { exact: 'The cat', suffix: ' sat again' })).toEqual({ start: 37, end: 44 });
    expect(matchQuote(TEXT, { exact: 'The cat', prefix: 'dog ran. ' })).toEqual({ start: 24, end: 31 });
  });

  it('prefers matching context over a nearer position', () => {
    expect(matchQuote(TEXT, { exact: 'The cat', suffix: ' sat again', start: 1 })?.start).toBe(37);
  });

  it('takes the occurrence nearest the position when context does not decide', () => {
    expect(matchQuote(TEXT, { exact: 'The cat', start: 35 })?.start).toBe(37);
    expect(matchQuote(TEXT, { exact: 'The cat', start: 27 })?.start).toBe(24);
    expect(matchQuote(TEXT, { exact: 'The cat' })?.start).toBe(0);
  });

  it('returns null when the quote is not in the text', () => {
    expect(matchQuote(TEXT, { exact: 'The bird', start: 0 })).toBeNull();
    expect(matchQuote(TEXT, { exact: 'x'.repeat(100) })).toBeNull();
  });

  it('ignores a position past the end of the text', () => {
    expect(matchQuote(TEXT, { exact: 'again', start: 10_000 })).toEqual({ start: 49, end: 54 });
  });

  it('throws RangeError for an empty quote', () => {
    expect(() => matchQuote(TEXT, { exact: '' })).toThrow(RangeError);
  });
});
