/**
 * UTF-16 <-> code point offsets on text with characters outside the BMP. The oracle is
 * `Array.from(text.slice(0, offset)).length`, which iterates by code point.
 */
import { describe, expect, it } from 'vitest';
import { CodePointIndex, codePointToUtf16, utf16ToCodePoint } from '../../../core/export';

const TEXT = 'a😀b𝔘c 🚀🚀 end';

/** UTF-16 offsets that do not fall inside a surrogate pair. */
function boundaries(text: string): number[] {
  const out = [0];
  let at = 0;
  for (const ch of text) {
    at += ch.length;
    out.push(at);
  }
  return out;
}

describe('code point offsets', () => {
  it('converts known offsets both ways', () => {
    // a=0, 😀=1-3, b=3, 𝔘=4-6, c=6: in code points a=0, 😀=1, b=2, 𝔘=3, c=4.
    expect(utf16ToCodePoint(TEXT, 3)).toBe(2);
    expect(utf16ToCodePoint(TEXT, 6)).toBe(4);
    expect(codePointToUtf16(TEXT, 2)).toBe(3);
    expect(codePointToUtf16(TEXT, 4)).toBe(6);
    expect(utf16ToCodePoint(TEXT, TEXT.length)).toBe(Array.from(TEXT).length);
  });

  it('agrees with code point iteration at every boundary, and round-trips', () => {
    const index = new CodePointIndex(TEXT);
    for (const offset of boundaries(TEXT)) {
      const cp = Array.from(TEXT.slice(0, offset)).length;
      expect(index.toCodePoint(offset)).toBe(cp);
      expect(index.toUtf16(cp)).toBe(offset);
    }
  });

  it('is the identity on text without surrogate pairs', () => {
    const bmp = 'Plain “quoted” text — with accents é.';
    const index = new CodePointIndex(bmp);
    for (let i = 0; i <= bmp.length; i++) expect(index.toUtf16(index.toCodePoint(i))).toBe(i);
    expect(index.toCodePoint(bmp.length)).toBe(bmp.length);
  });

  it('agrees with iteration on a long mixed text', () => {
    const parts = ['word ', '😀', '𝔘', 'é', '\n', '🚀 ', 'x'];
    let text = '';
    for (let i = 0; i < 3000; i++) text += parts[(i * 7 + (i >> 3)) % parts.length];
    const index = new CodePointIndex(text);
    const all = boundaries(text);
    for (let k = 0; k < all.length; k += 37) {
      const cp = Array.from(text.slice(0, all[k])).length;
      expect(index.toCodePoint(all[k])).toBe(cp);
      expect(index.toUtf16(cp)).toBe(all[k]);
    }
  });

  it('counts a lone or split surrogate as one code point', () => {
    expect(utf16ToCodePoint(TEXT, 2)).toBe(2); // inside 😀
    expect(utf16ToCodePoint('x\uD800y', 3)).toBe(3); // lone high surrogate
  });

  it('throws RangeError outside the text', () => {
    expect(() => utf16ToCodePoint(TEXT, TEXT.length + 1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(TEXT, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16(TEXT, Array.from(TEXT).length + 1)).toThrow(RangeError);
    expect(() => codePointToUtf16(TEXT, 1.5)).toThrow(RangeError);
  });
});
