/**
 * Tokens for the revision diff: a text cut into pieces that cover it completely (words, whitespace
 * runs, single other characters), so that a run of equal tokens is a run of equal characters and
 * token boundaries are valid text offsets. Unlike the reuse tokenizer nothing is folded or skipped:
 * the diff must reproduce exact offsets. Token texts become small integers shared by both revisions
 * (a `TokenTable`), so comparing tokens is comparing numbers.
 */

/** A text as tokens. Token `i` spans `[starts[i], starts[i + 1])`; `starts` ends with the text length. */
export interface TokenStream {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  /** Equal token text, equal id. */
  readonly ids: Int32Array;
  /**
   * The id compared when aligning: every whitespace run within a paragraph shares one id, and every
   * paragraph break another, so a paragraph that was re-wrapped still lines up word by word (the
   * characters themselves are compared afterwards). Both are <= 0, real ids start at 1.
   */
  readonly loose: Int32Array;
  /** Indices of the word tokens, in order: shingles are built over words only. */
  readonly words: Int32Array;
  /** Kind of each token: OTHER, WORD, SPACE or BREAK (whitespace holding a blank line). */
  readonly kinds: Uint8Array;
}

export const OTHER = 0;
export const WORD = 1;
export const SPACE = 2;
export const BREAK = 3;

/** The loose id of every whitespace run inside a paragraph. */
export const WHITESPACE_ID = 0;
/** The loose id of every paragraph break (whitespace holding a blank line). */
export const BREAK_ID = -1;

// A word is letters, digits and combining marks; any other code point (an astral one included: the
// `u` flag keeps surrogate pairs whole) is a token of its own.
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^]/gu;
const SPACE_TEXT = /^\s/u;
const WORD_TEXT = /^[\p{L}\p{N}\p{M}]/u;
const BREAK_TEXT = /\n[^\S\n]*\n/;

/** Token text -> id, shared by the texts being compared. */
export class TokenTable {
  private readonly ids = new Map<string, number>();
  private readonly kindOf: number[] = [OTHER];

  /** Cuts `text` into tokens, giving new token texts fresh ids. */
  tokenize(text: string): TokenStream {
    const starts: number[] = [];
    const ids: number[] = [];
    const loose: number[] = [];
    const words: number[] = [];
    const kinds: number[] = [];
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
      const id = this.idOf(m[0]);
      const kind = this.kindOf[id];
      if (kind === WORD) words.push(ids.length);
      starts.push(m.index);
      ids.push(id);
      kinds.push(kind);
      loose.push(kind === SPACE ? WHITESPACE_ID : kind === BREAK ? BREAK_ID : id);
    }
    starts.push(text.length);
    return {
      text,
      count: ids.length,
      starts: Int32Array.from(starts),
      ids: Int32Array.from(ids),
      loose: Int32Array.from(loose),
      words: Int32Array.from(words),
      kinds: Uint8Array.from(kinds),
    };
  }

  private idOf(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(token, id);
      this.kindOf[id] = SPACE_TEXT.test(token) ? (BREAK_TEXT.test(token) ? BREAK : SPACE) : WORD_TEXT.test(token) ? WORD : OTHER;
    }
    return id;
  }
}
