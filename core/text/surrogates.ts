/**
 * UTF-16 surrogate pairs. Collate's offsets count UTF-16 code units, so a character outside the Basic
 * Multilingual Plane (an emoji, 𝔘) takes two offsets, and an offset between its two halves cuts it in
 * two. Code that converts offsets, picks context around a quote or tokenises text asks these questions.
 */

/** Whether `code` (a UTF-16 code unit) is the first half of a surrogate pair. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Whether `code` (a UTF-16 code unit) is the second half of a surrogate pair. */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether `code` is either half of a surrogate pair: not a character on its own. */
export function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Whether a surrogate pair starts at `index` of `text` (a high surrogate followed by a low one). */
export function isPairAt(text: string, index: number): boolean {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
}

/** Whether `offset` falls between the two halves of a surrogate pair, so a range must not start or end there. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && isPairAt(text, offset - 1);
}
