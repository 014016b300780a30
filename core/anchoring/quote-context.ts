/**
 * The prefix and suffix recorded around a passage (GUIDE section 1: up to 32 characters each), so that
 * the passage can be found again by `matchQuote` when its offsets no longer fit the text.
 */

/** How many UTF-16 code units of context are kept on each side of a passage. */
export const CONTEXT_LENGTH = 32;

/** The context around a passage. */
export interface QuoteContext {
  prefix: string;
  suffix: string;
}

/**
 * The up to `length` code units before `start` and after `end`. A cut that would split a surrogate pair
 * drops the half pair, so the context never holds a lone surrogate (which JSON and CSV consumers reject).
 *
 * @throws RangeError when the range is not inside the text.
 */
export function quoteContext(text: string, start: number, end: number, length = CONTEXT_LENGTH): QuoteContext {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
    throw new RangeError(`Range ${start}-${end} is not inside a text of length ${text.length}`);
  }
  let from = Math.max(0, start - length);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + length);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
