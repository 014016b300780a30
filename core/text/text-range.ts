/**
 * A range of a text in Collate's offsets: half-open `[start, end)` in UTF-16 code units, as JavaScript
 * strings count. Sentences, quotations, tokens, reused spans and annotation targets are all such ranges;
 * a range that names its source (`SourceRange`) can leave the text it was found in.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into one text. */
export interface TextRange {
  start: number;
  end: number;
}

/** A text range in a named source. */
export interface SourceRange extends TextRange {
  /** Id of the source the offsets point into. */
  source: string;
}

/** Whether `range` is a non-empty range of whole offsets inside a text of `textLength` code units. */
export function isRangeWithin(range: TextRange, textLength: number): boolean {
  const { start, end } = range;
  return Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= textLength;
}

/** Whether `offset` lies inside `range` (its start included, its end not). */
export function rangeContains(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset < range.end;
}

/** Whether the two ranges share at least one offset. */
export function rangesOverlap(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * `range` of `text` without its leading and trailing whitespace (line breaks included), or `null` when
 * it holds nothing else. Offsets stay offsets into `text`.
 */
export function trimRange(text: string, range: TextRange): TextRange | null {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
