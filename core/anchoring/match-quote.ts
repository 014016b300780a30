/**
 * Finding a quoted passage in a text: the anchoring step shared by W3C import and by the server when it
 * re-anchors annotations after a source text changed. Pure string code over UTF-16 offsets.
 *
 * Strategies, from simple to complex: the passage at the expected position; the only occurrence of the
 * quote; among several occurrences, the one whose surroundings best match the recorded prefix and suffix,
 * then the one nearest the expected position. A quote that does not occur at all is an expected miss
 * (`null`); approximate matching of edited quotes is deliberately not attempted, so a result is always a
 * range whose text equals the quote.
 */

/** What is known about a passage: its text, optional context and an optional expected start offset. */
export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Expected UTF-16 start offset; a hint only. */
  start?: number;
}

/** A half-open range of UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where `quote.exact` is in `text`, or `null` when it does not occur.
 *
 * @throws RangeError when `quote.exact` is empty: an empty quote cannot identify a passage.
 */
export function matchQuote(text: string, quote: QuoteSelector): TextRange | null {
  const { exact } = quote;
  if (exact.length === 0) throw new RangeError('Cannot match an empty quote');
  const hint = quote.start;

  if (hint !== undefined && hint >= 0 && text.startsWith(exact, hint)) {
    return { start: hint, end: hint + exact.length };
  }

  const candidates = occurrences(text, exact);
  if (candidates.length === 0) return null;

  let best = candidates[0];
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const start of candidates) {
    const score =
      commonSuffixLength(text, start, quote.prefix ?? '') +
      commonPrefixLength(text, start + exact.length, quote.suffix ?? '');
    const distance = hint === undefined ? 0 : Math.abs(start - hint);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = start;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return { start: best, end: best + exact.length };
}

/**
 * How many occurrences are weighed at most. A quote that occurs more often than this (one letter, a
 * common word) cannot be told apart by context anyway, and scoring every one would let a single
 * import of many such quotes occupy the server for minutes.
 */
export const MAX_CANDIDATES = 1000;

/** Start offsets of `needle` in `haystack`, overlapping ones included, up to MAX_CANDIDATES. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1 && found.length < MAX_CANDIDATES; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

/** How many characters of `prefix`, read backwards from its end, match the text just before `end`. */
function commonSuffixLength(text: string, end: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < end && text[end - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  return n;
}

/** How many characters of `suffix` match the text starting at `start`. */
function commonPrefixLength(text: string, start: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && start + n < text.length && text[start + n] === suffix[n]) n++;
  return n;
}
