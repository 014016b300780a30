import { describe, expect, it } from 'vitest';
import { isHighSurrogate, isLowSurrogate, isPairAt, isSurrogate, splitsSurrogatePair } from '../../../core/text/surrogates';

// "a🚀b𝔘": the rocket and the fraktur U are each a surrogate pair.
const TEXT = 'a\u{1F680}b\u{1D518}';

describe('surrogates', () => {
  it('tells the halves of a pair from ordinary code units', () => {
    const codes = Array.from({ length: TEXT.length }, (_, i) => TEXT.charCodeAt(i));
    expect(codes.map(isHighSurrogate)).toEqual([false, true, false, false, true, false]);
    expect(codes.map(isLowSurrogate)).toEqual([false, false, true, false, false, true]);
    expect(codes.map(isSurrogate)).toEqual([false, true, true, false, true, true]);
    expect([0xd7ff, 0xe000, 0xfffd].some(isSurrogate)).toBe(false);
  });

  it('finds pairs by where they start, and the offsets that would cut one', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => isPairAt(TEXT, i))).toEqual([false, true, false, false, true, false]);
    expect([0, 1, 2, 3, 4, 5, 6].map((o) => splitsSurrogatePair(TEXT, o))).toEqual([false, false, true, false, false, true, false]);
  });

  it('does not take lone halves for a pair', () => {
    const lone = 'x\uD83Dy\uDE80';
    expect([0, 1, 2, 3].some((i) => isPairAt(lone, i))).toBe(false);
    expect([0, 1, 2, 3, 4].some((o) => splitsSurrogatePair(lone, o))).toBe(false);
    expect(isPairAt('\uD83D', 0)).toBe(false); // high surrogate at the very end
  });
});
