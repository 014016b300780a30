/**
 * Keyboard selection in the read-only viewer, which has no caret: where the sentences of a source
 * are (to select the next or previous one) and how a selection grows or shrinks by a word. Pure
 * string code in text offsets, unit tested in Node; the page turns the results into a selection.
 *
 * Sentences never cross a line break (a line of a source is a paragraph, a heading or a caption), and
 * end at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by space and something
 * other than a lower-case letter. A period after an initial ("Frank A. Rose") or a common
 * abbreviation ("Mr.", "U.S.") does not end a sentence.
 */

/** A range of text offsets, end exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'adm', 'prof',
  'vs', 'etc', 'no', 'inc', 'co', 'corp', 'ltd', 'dept', 'amb', 'pres',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const CLOSERS = '"\'”’)]»';

/** True when the `.` at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(line: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(line[i - 1])) i--;
  const word = line.slice(i, dot);
  if (word === '') return false;
  // "A." (an initial) and "U.S." / "e.g." (dotted letters) are abbreviations.
  if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

function trimmed(text: string, start: number, end: number): OffsetRange | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** The sentences of `text` in order, trimmed of surrounding whitespace. */
export function sentences(text: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let from = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
      let end = i + 1;
      while (end < line.length && (CLOSERS.includes(line[end]) || line[end] === ch)) end++;
      if (end < line.length && !/\s/.test(line[end])) continue;
      let next = end;
      while (next < line.length && /\s/.test(line[next])) next++;
      if (next < line.length && /\p{Ll}/u.test(line[next])) continue;
      if (ch === '.' && isAbbreviation(line, i)) continue;
      const s = trimmed(text, lineStart + from, lineStart + end);
      if (s) out.push(s);
      from = end;
      i = end - 1;
    }
    const rest = trimmed(text, lineStart + from, lineStart + line.length);
    if (rest) out.push(rest);
    lineStart += line.length + 1;
  }
  return out;
}

/**
 * The sentence to select next: the first one starting at or after `after` (the end of the current
 * selection, or where reading is when nothing is selected), or null at the end of the text.
 */
export function nextSentence(list: readonly OffsetRange[], after: number): OffsetRange | null {
  return list.find((s) => s.start >= after) ?? null;
}

/** The sentence to select going back: the last one ending at or before `before`, or null. */
export function previousSentence(list: readonly OffsetRange[], before: number): OffsetRange | null {
  for (let i = list.length - 1; i >= 0; i--) if (list[i].end <= before) return list[i];
  return null;
}

/**
 * Grow (`dir` 1) the selection by the next word after its end, or shrink it (`dir` -1) by its last
 * word, never below its first word. Words are runs of non-space characters. Returns the range
 * unchanged when there is nothing to add or remove.
 */
export function stepWord(text: string, range: OffsetRange, dir: 1 | -1): OffsetRange {
  if (dir > 0) {
    const m = /\S+/.exec(text.slice(range.end));
    return m ? { start: range.start, end: range.end + m.index + m[0].length } : range;
  }
  // Ends of the words inside the range; the new end is the one before the last.
  const ends: number[] = [];
  const re = /\S+/g;
  const inside = text.slice(range.start, range.end);
  for (let m = re.exec(inside); m; m = re.exec(inside)) ends.push(range.start + m.index + m[0].length);
  return ends.length >= 2 ? { start: range.start, end: ends[ends.length - 2] } : range;
}
