/**
 * Keyboard selection in the read-only viewer and the compare columns, which have no caret: where
 * the sentences of a text are (to select the next or previous one) and how a selection's end or
 * start moves by a word. Pure string code in text offsets, unit tested in Node; the pages turn the
 * results into a selection.
 *
 * Sentences never cross a line break (a line of a source is a paragraph, a heading or a caption), and
 * end at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by space and something
 * other than a lower-case letter. A period after an initial ("Frank A. Rose") or a common
 * abbreviation ("Mr.", "U.S.") does not end a sentence. The full-width `。`, `！` and `？` of
 * Chinese and Japanese end one wherever they stand, since those scripts put no space after them.
 */

import { trimRange, type OffsetRange } from '../shared/trim-range';

export type { OffsetRange };

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'adm', 'prof',
  'vs', 'etc', 'no', 'inc', 'co', 'corp', 'ltd', 'dept', 'amb', 'pres',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const CLOSERS = '"\'”’)]»」』）';

/** End marks that need a space after them to end a sentence. */
const SPACED_ENDS = '.!?…';
/** Full-width end marks: no space follows them in running CJK text. */
const FULL_WIDTH_ENDS = '。！？';

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

/** The sentences of `text` in order, trimmed of surrounding whitespace. */
export function sentences(text: string): OffsetRange[] {
  const out: OffsetRange[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let from = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      const fullWidth = FULL_WIDTH_ENDS.includes(ch);
      if (!fullWidth && !SPACED_ENDS.includes(ch)) continue;
      let end = i + 1;
      while (end < line.length && (CLOSERS.includes(line[end]) || line[end] === ch || (fullWidth && FULL_WIDTH_ENDS.includes(line[end])))) end++;
      if (!fullWidth) {
        if (end < line.length && !/\s/.test(line[end])) continue;
        let next = end;
        while (next < line.length && /\s/.test(line[next])) next++;
        if (next < line.length && /\p{Ll}/u.test(line[next])) continue;
        if (ch === '.' && isAbbreviation(line, i)) continue;
      }
      const s = trimRange(text, lineStart + from, lineStart + end);
      if (s) out.push(s);
      from = end;
      i = end - 1;
    }
    const rest = trimRange(text, lineStart + from, lineStart + line.length);
    if (rest) out.push(rest);
    lineStart += line.length + 1;
  }
  return out;
}

/**
 * The sentence to select after a selection: the first one starting at or after `after` (the end of
 * the current selection), or null at the end of the text.
 */
export function nextSentence(list: readonly OffsetRange[], after: number): OffsetRange | null {
  return list.find((s) => s.start >= after) ?? null;
}

/**
 * The sentence to select when nothing is selected: the first one not wholly before `at` (where
 * reading is). A sentence cut by the top of the window, or one that `at` falls inside of, is the
 * one being read, so it is chosen rather than skipped. Null when `at` is past the last sentence.
 */
export function sentenceAtOrAfter(list: readonly OffsetRange[], at: number): OffsetRange | null {
  return list.find((s) => s.end > at) ?? null;
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

/**
 * Move the selection's start: `dir` -1 takes in the word before it, `dir` 1 lets go of its first
 * word, never below its last word. Returns the range unchanged when there is nothing to take or drop.
 */
export function stepWordStart(text: string, range: OffsetRange, dir: 1 | -1): OffsetRange {
  if (dir < 0) {
    const before = text.slice(0, range.start);
    const m = /\S+\s*$/.exec(before);
    return m ? { start: m.index, end: range.end } : range;
  }
  // Starts of the words inside the range; the new start is the second one.
  const inside = text.slice(range.start, range.end);
  const re = /\S+/g;
  re.exec(inside);
  const second = re.exec(inside);
  return second ? { start: range.start + second.index, end: range.end } : range;
}
