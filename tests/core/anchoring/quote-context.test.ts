/** Context around a passage: up to 32 code units each side, never half a surrogate pair. */
import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, quoteContext } from '../../../core/anchoring/quote-context';

describe('quoteContext', () => {
  it('takes up to CONTEXT_LENGTH code units on each side', () => {
    const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(40);
    expect(quoteContext(text, 40, 45)).toEqual({ prefix: 'a'.repeat(CONTEXT_LENGTH), suffix: 'b'.repeat(CONTEXT_LENGTH) });
    expect(quoteContext('xQy', 1, 2)).toEqual({ prefix: 'x', suffix: 'y' });
  });

  it('does not split a surrogate pair at either cut', () => {
    // 😀 at the cut: 31 "a" then the pair, so a 32-unit prefix would start with its low half.
    const text = '😀' + 'a'.repeat(31) + 'Q' + 'b'.repeat(31) + '😀' + 'tail';
    const start = text.indexOf('Q');
    const { prefix, suffix } = quoteContext(text, start, start + 1);
    expect(prefix).toBe('a'.repeat(31));
    expect(suffix).toBe('b'.repeat(31));
    expect(quoteContext(text, start, start + 1, 33)).toEqual({ prefix: '😀' + 'a'.repeat(31), suffix: 'b'.repeat(31) + '😀' });
  });

  it('throws RangeError for a range outside the text', () => {
    expect(() => quoteContext('abc', 2, 5)).toThrow(RangeError);
    expect(() => quoteContext('abc', 2, 1)).toThrow(RangeError);
  });
});
