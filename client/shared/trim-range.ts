/**
 * Trimming a selected range of text to what it visibly selects. A mouse drag that starts past the
 * end of a short line, or ends at the start of the next, takes the line break (and any spaces) with
 * it; an annotation quoting "\nNationalJournal logo" would show and export that stray break. Pure
 * string code in text offsets, shared by the keyboard selection and the page's annotation actions.
 */

/** A range of text offsets, end exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * `[start, end)` of `text` without leading and trailing whitespace (line breaks included), or null
 * when nothing but whitespace is in it. Offsets stay offsets into `text`.
 */
export function trimRange(text: string, start: number, end: number): OffsetRange | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** A range of text offsets with the exact text it covers: a passage as the API takes it. */
export interface TextSpan extends OffsetRange {
  exact: string;
}

/** `range` trimmed like `trimRange`, with its quote taken again from `text`; null when only whitespace. */
export function trimQuote(text: string, range: OffsetRange): TextSpan | null {
  const trimmed = trimRange(text, range.start, range.end);
  return trimmed ? { ...trimmed, exact: text.slice(trimmed.start, trimmed.end) } : null;
}
