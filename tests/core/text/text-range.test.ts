import { describe, expect, it } from 'vitest';
import { isRangeWithin, rangeContains, rangesOverlap, trimRange } from '../../../core/text/text-range';

describe('text ranges', () => {
  it('contain their start but not their end', () => {
    const r = { start: 2, end: 5 };
    expect([1, 2, 4, 5].map((o) => rangeContains(r, o))).toEqual([false, true, true, false]);
  });

  it('overlap only when they share an offset: touching ranges do not', () => {
    const r = { start: 2, end: 5 };
    expect(rangesOverlap(r, { start: 4, end: 9 })).toBe(true);
    expect(rangesOverlap(r, { start: 0, end: 3 })).toBe(true);
    expect(rangesOverlap(r, { start: 3, end: 4 })).toBe(true);
    expect(rangesOverlap(r, { start: 5, end: 8 })).toBe(false);
    expect(rangesOverlap({ start: 0, end: 2 }, r)).toBe(false);
  });

  it('are within a text only when non-empty, whole and inside it', () => {
    expect(isRangeWithin({ start: 0, end: 10 }, 10)).toBe(true);
    expect(isRangeWithin({ start: 3, end: 3 }, 10)).toBe(false);
    expect(isRangeWithin({ start: 5, end: 2 }, 10)).toBe(false);
    expect(isRangeWithin({ start: -1, end: 2 }, 10)).toBe(false);
    expect(isRangeWithin({ start: 0, end: 11 }, 10)).toBe(false);
    expect(isRangeWithin({ start: 0.5, end: 2 }, 10)).toBe(false);
    expect(isRangeWithin({ start: 0, end: Number.NaN }, 10)).toBe(false);
  });

  it('trim to what is visibly selected, line breaks included, or to nothing', () => {
    const text = 'Heading\n\n  NationalJournal logo \t\nNext';
    const start = text.indexOf('\n');
    const end = text.indexOf('Next');
    const trimmed = trimRange(text, { start, end });
    expect(trimmed && text.slice(trimmed.start, trimmed.end)).toBe('NationalJournal logo');
    expect(trimRange(text, { start: 7, end: 11 })).toBeNull();
    expect(trimRange(text, { start: 0, end: 7 })).toEqual({ start: 0, end: 7 });
  });
});
