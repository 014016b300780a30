/**
 * Word tokenisation for reuse detection. A token is a run of letters and digits; apostrophes inside a
 * word are dropped ("Russia’s" and "Russia's" both become `russias`), everything else (punctuation,
 * quotes of any style, whitespace, line breaks) separates words. Each token is reduced to a 32-bit
 * hash of its case- and accent-folded form, and keeps its raw UTF-16 offsets so aligned token ranges
 * map straight back to the raw text. Blocks (paragraphs, separated by blank lines) are recorded too:
 * boilerplate detection reasons about block shape and splits passages at block boundaries.
 */
import { isSurrogate } from '../text/surrogates';

/** A text cut into normalised word tokens. All arrays are indexed by token number. */
export interface TokenizedText {
  /** 32-bit hash of each token's folded form: equal words have equal hashes. */
  readonly hashes: Int32Array;
  /** Raw UTF-16 offset where each token starts. */
  readonly starts: Int32Array;
  /** Raw UTF-16 offset just after each token. */
  readonly ends: Int32Array;
  /** Index of the block (paragraph) each token belongs to, non-decreasing. */
  readonly blocks: Int32Array;
  /** Number of tokens in each block. */
  readonly blockWords: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Folding of one non-ASCII UTF-16 unit: a folded string, '' for a mark to skip, null for a separator. */
const foldCache = new Map<number, string | null>();
const WORD_CHAR = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const COMBINING = /\p{M}/gu;

function foldNonAscii(code: number): string | null {
  const cached = foldCache.get(code);
  if (cached !== undefined || foldCache.has(code)) return cached ?? null;
  let folded: string | null = null;
  // Lone surrogates (astral characters such as emoji) count as separators.
  if (!isSurrogate(code)) {
    const ch = String.fromCharCode(code);
    if (MARK.test(ch)) folded = '';
    else if (WORD_CHAR.test(ch)) folded = ch.normalize('NFD').replace(COMBINING, '').toLowerCase() || ch;
  }
  foldCache.set(code, folded);
  return folded;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x02bc;
}

/** Kind of one UTF-16 unit: 0 separator, 1 ASCII word char, 2 non-ASCII word char or mark. */
function charKind(code: number): number {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0;
  }
  return foldNonAscii(code) === null ? 0 : 2;
}

/** Folded code of each ASCII character: lower-case letters and digits, 0 for separators. */
const ASCII_FOLD = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) ASCII_FOLD[c] = c;
  else if (c >= 65 && c <= 90) ASCII_FOLD[c] = c + 32;
}

/**
 * Scratch arrays reused across calls (grown on demand), so tokenising a corpus allocates only the
 * exact-size results rather than several text-sized arrays per document.
 */
let scratch = { hashes: new Int32Array(0), starts: new Int32Array(0), ends: new Int32Array(0), blank: new Int32Array(0), line: new Int32Array(0) };

function scratchFor(capacity: number): typeof scratch {
  if (scratch.hashes.length < capacity) {
    const size = Math.max(capacity, 2 * scratch.hashes.length, 4096);
    scratch = {
      hashes: new Int32Array(size),
      starts: new Int32Array(size),
      ends: new Int32Array(size),
      blank: new Int32Array(size),
      line: new Int32Array(size),
    };
  }
  return scratch;
}

/**
 * Cuts `text` into word tokens with raw offsets and block numbers. Pure and linear in the text length.
 * Blocks are separated by blank lines; a text without any blank line uses single line breaks instead,
 * so one-paragraph-per-line files still get paragraph structure.
 */
export function tokenize(text: string): TokenizedText {
  const len = text.length;
  // Every token but the last is followed by a separator, so there are at most (len + 1) / 2 of them.
  const { hashes, starts, ends, blank: blankBlocks, line: lineBlocks } = scratchFor((len >> 1) + 1);
  let count = 0;
  let blankBlock = 0;
  let lineBlock = 0;
  let newlines = 0;
  let i = 0;
  while (i < len) {
    const code = text.charCodeAt(i);
    if (code < 128 ? ASCII_FOLD[code] === 0 : !foldNonAscii(code)) {
      // A separator, or a combining mark outside a word.
      if (code === 10) newlines++;
      i++;
      continue;
    }
    if (count > 0 && newlines > 0) {
      lineBlock++;
      if (newlines > 1) blankBlock++;
    }
    newlines = 0;
    let h = FNV_OFFSET;
    const start = i;
    let end = i;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const folded = ASCII_FOLD[c];
        if (folded !== 0) {
          h = Math.imul(h ^ folded, FNV_PRIME);
          end = i + 1;
          continue;
        }
        // An apostrophe inside a word is dropped; anything else ends the word.
        if (c === 39 && i + 1 < len && charKind(text.charCodeAt(i + 1)) !== 0) continue;
        break;
      }
      const folded = foldNonAscii(c);
      if (folded === null) {
        if (isApostrophe(c) && i + 1 < len && charKind(text.charCodeAt(i + 1)) !== 0) continue;
        break;
      }
      for (let k = 0; k < folded.length; k++) h = Math.imul(h ^ folded.charCodeAt(k), FNV_PRIME);
      end = i + 1;
    }
    hashes[count] = h;
    starts[count] = start;
    ends[count] = end;
    blankBlocks[count] = blankBlock;
    lineBlocks[count] = lineBlock;
    count++;
  }
  const useLines = blankBlock === 0 && lineBlock > 0;
  const blockSource = useLines ? lineBlocks : blankBlocks;
  const blockCount = count === 0 ? 0 : blockSource[count - 1] + 1;
  // One allocation per document, cut into views: a corpus allocates thousands of these, and each
  // separate buffer is a separate external allocation for the garbage collector to track.
  const out = new Int32Array(4 * count + blockCount);
  const result: TokenizedText = {
    hashes: out.subarray(0, count),
    starts: out.subarray(count, 2 * count),
    ends: out.subarray(2 * count, 3 * count),
    blocks: out.subarray(3 * count, 4 * count),
    blockWords: out.subarray(4 * count),
  };
  result.hashes.set(hashes.subarray(0, count));
  result.starts.set(starts.subarray(0, count));
  result.ends.set(ends.subarray(0, count));
  result.blocks.set(blockSource.subarray(0, count));
  for (let t = 0; t < count; t++) result.blockWords[blockSource[t]]++;
  return result;
}

/** The folded form of every word in `text`, for debugging and tests (slow path, not used in matching). */
export function normalizedWords(text: string): string[] {
  const t = tokenize(text);
  const out: string[] = [];
  for (let k = 0; k < t.hashes.length; k++) {
    let word = '';
    for (let i = t.starts[k]; i < t.ends[k]; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (c !== 39) word += String.fromCharCode(c).toLowerCase();
      } else if (!isApostrophe(c)) word += foldNonAscii(c) ?? '';
    }
    out.push(word);
  }
  return out;
}
