/**
 * Lines, sentences and quotations of a raw news text, as offset ranges. News copy puts a quotation's
 * speaker after the sentence ("… defense.” -Mr. Rose") and nests or leaves quotation marks unbalanced,
 * so these splitters are deliberately forgiving: a wrong split costs a missed suggestion, not a wrong one.
 */
import { rangeContains, type TextRange, trimRange } from '../text/text-range';

/** The non-empty lines (paragraphs) of a text, trimmed of surrounding whitespace. */
export function splitLines(text: string): TextRange[] {
  const out: TextRange[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const line = trimRange(text, { start, end: i });
      if (line) out.push(line);
      start = i + 1;
    }
  }
  return out;
}

// Words after which a full stop does not end a sentence: honorifics, titles, month abbreviations.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'prof', 'rev',
  'no', 'vs', 'inc', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'etc',
]);
const CLOSERS = '"”’\')]';
const OPENERS = '"“‘\'([-–—';

/**
 * The sentences of one line: a sentence ends at ".", "!" or "?" (plus closing quotes and brackets)
 * followed by space and a capital, a digit, an opening quote or a dash.
 */
export function splitSentences(text: string, line: TextRange): TextRange[] {
  const out: TextRange[] = [];
  let start = line.start;
  for (let i = line.start; i < line.end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < line.end && CLOSERS.includes(text[j])) j++;
    if (j < line.end && !/\s/.test(text[j])) continue;
    let k = j;
    while (k < line.end && /\s/.test(text[k])) k++;
    if (k < line.end && !(/[\p{Lu}\p{N}]/u.test(text[k]) || OPENERS.includes(text[k]))) continue;
    if (c === '.' && isAbbreviation(text, start, i)) continue;
    pushTrimmed(text, out, start, j);
    start = k;
    i = k - 1;
  }
  pushTrimmed(text, out, start, line.end);
  return out;
}

function isAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /\p{L}/u.test(text[s - 1])) s--;
  const word = text.slice(s, dot);
  // A single letter is an initial ("Frank A. Rose") or part of "U.S.".
  return word.length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(text: string, out: TextRange[], start: number, end: number): void {
  const sentence = trimRange(text, { start, end });
  if (sentence) out.push(sentence);
}

/**
 * The quoted ranges of one line. Curly quotes nest by depth and an unmatched opening quote runs to the
 * line's end, because copy-edited news often drops the closing mark of a paragraph-long quotation.
 * Straight double quotes toggle. Single quotes are ignored: they are mostly apostrophes.
 */
export function quotedRanges(text: string, line: TextRange): TextRange[] {
  const out: TextRange[] = [];
  let depth = 0;
  let straight = false;
  let openedAt = -1;
  for (let i = line.start; i < line.end; i++) {
    const c = text[i];
    const wasOpen = depth > 0 || straight;
    if (c === '“' || c === '«') depth++;
    else if (c === '”' || c === '»') depth = Math.max(0, depth - 1);
    else if (c === '"') straight = !straight;
    else continue;
    const isOpen = depth > 0 || straight;
    if (!wasOpen && isOpen) openedAt = i;
    if (wasOpen && !isOpen) out.push({ start: openedAt, end: i + 1 });
  }
  if (depth > 0 || straight) out.push({ start: openedAt, end: line.end });
  return out;
}

/** Whether `offset` lies inside one of `ranges`. */
export function isInside(ranges: readonly TextRange[], offset: number): boolean {
  return ranges.some((r) => rangeContains(r, offset));
}
