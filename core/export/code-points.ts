/**
 * Conversion between Collate's offsets (UTF-16 code units, as JavaScript strings count) and the Unicode
 * code point offsets that the W3C TextPositionSelector uses. The two differ after every character outside
 * the Basic Multilingual Plane (emoji, mathematical letters such as 𝔘), which JavaScript stores as a
 * surrogate pair.
 *
 * `CodePointIndex` records where the pairs are once per text, so a whole export converts each offset with
 * a binary search instead of rescanning the text.
 */
import { lowerBound, partitionPoint } from '../text/binary-search';
import { isPairAt } from '../text/surrogates';

/** Offset converter for one text. */
export class CodePointIndex {
  /** UTF-16 offsets of the high surrogate of every surrogate pair, ascending. */
  private readonly pairs: number[] = [];
  /** The text's length in code points. */
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      if (isPairAt(text, i)) {
        this.pairs.push(i);
        i++;
      }
    }
    this.codePointLength = text.length - this.pairs.length;
  }

  /**
   * The code point offset of a UTF-16 offset. An offset inside a surrogate pair (which never begins a
   * well-formed passage) counts the high surrogate as a whole code point.
   *
   * @throws RangeError when the offset is outside 0..text.length.
   */
  toCodePoint(offset: number): number {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) {
      throw new RangeError(`UTF-16 offset ${offset} is outside a text of length ${this.text.length}`);
    }
    // Each pair that ends at or before `offset` (starts below offset - 1) is one code point, not two.
    return offset - lowerBound(this.pairs, offset - 1);
  }

  /**
   * The UTF-16 offset of a code point offset.
   *
   * @throws RangeError when the offset is outside 0..codePointLength.
   */
  toUtf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.codePointLength) {
      throw new RangeError(`Code point offset ${codePoint} is outside a text of ${this.codePointLength} code points`);
    }
    // Find how many pairs start before the answer: pair k (0-based) at UTF-16 offset p sits at code point p - k.
    return codePoint + partitionPoint(this.pairs.length, (k) => this.pairs[k] - k < codePoint);
  }
}

/** Code point offset of UTF-16 `offset` in `text`. For many offsets into one text, use `CodePointIndex`. */
export function utf16ToCodePoint(text: string, offset: number): number {
  return new CodePointIndex(text).toCodePoint(offset);
}

/** UTF-16 offset of code point offset `codePoint` in `text`. */
export function codePointToUtf16(text: string, codePoint: number): number {
  return new CodePointIndex(text).toUtf16(codePoint);
}
