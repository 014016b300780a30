/**
 * What the corpus itself says about its words: how many sources use a word, which capitalised forms
 * it uses as names (capitalised in mid-sentence), and which words follow which (to tell that "NEW
 * STARY" is "New START" written elsewhere). A rare word used by several sources is not a typo, and a
 * correction the corpus uses is likelier than one it never does.
 */
import type { AnalysedDocument } from '../inconsistency/document';
import { type Token, tokenIndexAt } from '../inconsistency/tokens';
import type { Corpus } from './corpus';

export interface Vocabulary {
  /** Occurrences of a word in the whole corpus, any case (`key` is lower case). */
  count(key: string): number;
  /** Number of sources using the word, any case. */
  sources(key: string): number;
  /** Whether this exact capitalised form appears in mid-sentence somewhere (a name). */
  isNameForm(raw: string): boolean;
  /** The raw forms written right after a word (lower-case key) anywhere in the corpus. */
  followers(key: string): ReadonlySet<string>;
}

/** Folds a token to the key words are counted by: lower case, straight apostrophe, no possessive. */
export function wordKey(raw: string): string {
  return raw.replace(/[’‘]/g, "'").toLowerCase().replace(/'s$/, '');
}

/** Token indices that open a sentence or a line: capitals there say nothing about names. */
export function sentenceOpeners(doc: AnalysedDocument): Set<number> {
  const out = new Set<number>();
  for (const s of doc.sentences) out.add(tokenIndexAt(doc.tokens, s.start));
  for (const l of doc.lines) out.add(tokenIndexAt(doc.tokens, l.start));
  // After a colon or a dash a new phrase may start with a capital ("Opinion: The barrier").
  doc.tokens.forEach((t, i) => {
    if (i > 0 && /[:–—]\s+["“‘']?$/.test(doc.text.slice(doc.tokens[i - 1].end, t.start))) out.add(i);
  });
  return out;
}

/**
 * Tokens of headings in title case ("Russian Cooperation with the Unites States"): short lines
 * without a closing full stop where most longer words are capitalised, so capitals are no sign of names.
 */
export function headingTokens(doc: AnalysedDocument): Set<number> {
  const out = new Set<number>();
  for (const line of doc.lines) {
    const content = doc.text.slice(line.start, line.end);
    const words = content.match(/\p{L}{4,}/gu) ?? [];
    const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (words.length < 3 || words.length > 15 || /[.!]$/.test(content) || capitalised < 0.6 * words.length) continue;
    doc.tokens.forEach((t, i) => {
      if (t.start >= line.start && t.end <= line.end) out.add(i);
    });
  }
  return out;
}

/** Builds the vocabulary of a corpus. */
export function buildVocabulary(corpus: Corpus): Vocabulary {
  const counts = new Map<string, number>();
  const sourceCounts = new Map<string, number>();
  const nameForms = new Set<string>();
  const follow = new Map<string, Set<string>>();
  for (const { doc } of corpus.docs) {
    const openers = sentenceOpeners(doc);
    const headings = headingTokens(doc);
    const seen = new Set<string>();
    doc.tokens.forEach((t: Token, i) => {
      const key = wordKey(t.raw);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (!seen.has(key)) {
        seen.add(key);
        sourceCounts.set(key, (sourceCounts.get(key) ?? 0) + 1);
      }
      if (!openers.has(i) && !headings.has(i) && /^\p{Lu}\p{Ll}/u.test(t.raw)) nameForms.add(t.raw.replace(/['’]s$/, ''));
      const next = doc.tokens[i + 1];
      if (next && /^[ \t]+$/.test(doc.text.slice(t.end, next.start))) {
        const set = follow.get(key) ?? new Set<string>();
        set.add(next.raw);
        follow.set(key, set);
      }
    });
  }
  const none: ReadonlySet<string> = new Set();
  return {
    count: (key) => counts.get(key) ?? 0,
    sources: (key) => sourceCounts.get(key) ?? 0,
    isNameForm: (raw) => nameForms.has(raw),
    followers: (key) => follow.get(key) ?? none,
  };
}

/**
 * Words one edit away from `word` (lower-case ASCII letters): deletions, adjacent transpositions,
 * substitutions and insertions, the slips behind most misspellings. Each with a cost that orders
 * equally frequent corrections: a swapped or doubled letter is a likelier slip than a wrong one.
 */
export function editsOf(word: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (w: string, cost: number) => {
    if (w && w !== word && (out.get(w) ?? Infinity) > cost) out.set(w, cost);
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) add(head + tail.slice(1), tail[0] === word[i - 1] || tail[0] === tail[1] ? 0 : 1);
    if (tail.length > 1) add(head + tail[1] + tail[0] + tail.slice(2), 0);
    for (const c of letters) {
      if (tail) add(head + c + tail.slice(1), 2);
      add(head + c + tail, c === word[i - 1] || c === tail[0] ? 0 : 1);
    }
  }
  return out;
}

/** Damerau-Levenshtein distance (adjacent transpositions count once), case-sensitive. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
