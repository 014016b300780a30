/**
 * Trimming a selection to what it visibly selects: line breaks and spaces dragged along at either
 * end are dropped, offsets stay offsets into the raw text, and a whitespace-only range is nothing.
 */
import { describe, expect, it } from 'vitest';
import { trimQuote, trimRange } from '../../../client/shared/trim-range';

const text = 'Produced by\nNationalJournal logo\n\n  U.S. Renews Call  \n';

describe('trimRange', () => {
  it('drops a line break taken along by a drag from past the end of a short line', () => {
    const start = text.indexOf('\nNationalJournal');
    const end = text.indexOf(' logo') + ' logo'.length;
    const r = trimRange(text, start, end);
    expect(r).toEqual({ start: start + 1, end });
    expect(r && text.slice(r.start, r.end)).toBe('NationalJournal logo');
  });

  it('drops spaces and line breaks at both ends, keeping inner ones', () => {
    const start = text.indexOf(' logo') + ' logo'.length;
    const r = trimRange(text, start, text.length);
    expect(r && text.slice(r.start, r.end)).toBe('U.S. Renews Call');
    const whole = trimRange(text, 0, text.length);
    expect(whole && text.slice(whole.start, whole.end)).toBe(text.trim());
  });

  it('returns null when only whitespace is selected, and keeps a clean range as is', () => {
    const gap = text.indexOf('\n\n');
    expect(trimRange(text, gap, gap + 4)).toBeNull();
    expect(trimRange(text, 3, 3)).toBeNull();
    expect(trimRange(text, 0, 8)).toEqual({ start: 0, end: 8 });
  });

  it('retakes the quote of a trimmed range from the text', () => {
    const start = text.indexOf('\nNationalJournal');
    expect(trimQuote(text, { start, end: start + 21 })).toEqual({ start: start + 1, end: start + 21, exact: 'NationalJournal logo' });
    const gap = text.indexOf('\n\n');
    expect(trimQuote(text, { start: gap, end: gap + 4 })).toBeNull();
  });
});
