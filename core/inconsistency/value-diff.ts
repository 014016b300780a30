/**
 * Which word-level differences between two copies are worth a suggestion: a substituted number, date or
 * proper name, or different words inside a quotation both copies present as verbatim. Everything else
 * (a word added, "our two countries" for "two countries", rewording, spelling variants) is editing, not
 * an inconsistency, and is ignored: a suggestion the user has to dismiss often is noise.
 */
import type { Hunk } from './align';
import { type AnalysedDocument, isQuoted, sentenceIndexAt, tokenRange } from './document';
import { sameSurname } from './people';
import type { TextRange } from '../text/text-range';
import {
  type Token,
  FUNCTION_WORDS,
  isAmountWord,
  isCalendarWord,
  isCapitalised,
  isYear,
  numberValue,
  scaleValue,
} from './tokens';

/** The category of a value difference (attribution is found elsewhere). */
export type ValueCategory = 'number' | 'date' | 'name' | 'quote';

/** A value difference: what each side says, as a range in its source. */
export interface ValueDifference {
  category: ValueCategory;
  a: TextRange;
  b: TextRange;
}

/** One side of a comparison: a document and the token index range compared. */
export interface Side {
  doc: AnalysedDocument;
  /** Index of the first compared token in `doc.tokens`. */
  offset: number;
  length: number;
}

/** Longest side of a hunk still read as a substitution; longer ones are rewording. */
const MAX_HUNK = 8;
/** Longest side of a hunk at the edge of the compared sentences. */
const MAX_EDGE_HUNK = 3;

/** The value difference a hunk shows, or `undefined` when it is not one worth suggesting. */
export function classifyHunk(hunk: Hunk, a: Side, b: Side): ValueDifference | undefined {
  const na = hunk.a[1] - hunk.a[0];
  const nb = hunk.b[1] - hunk.b[0];
  if (na === 0 || nb === 0 || na > MAX_HUNK || nb > MAX_HUNK) return undefined;
  const edge = hunk.before === 0 || hunk.after === 0;
  // An edge hunk replaces the start or end of a sentence; only short ones anchored by a long shared
  // run are substitutions rather than two different sentence openings or endings.
  if (edge && (na > MAX_EDGE_HUNK || nb > MAX_EDGE_HUNK || hunk.before + hunk.after < 3)) return undefined;
  if (!edge && hunk.before + hunk.after < 3) return undefined;

  const ta = a.doc.tokens.slice(a.offset + hunk.a[0], a.offset + hunk.a[1]);
  const tb = b.doc.tokens.slice(b.offset + hunk.b[0], b.offset + hunk.b[1]);

  const value = valueDifference(hunk, a, b);
  if (value) return value;

  const namesA = ta.filter((t) => isProperName(a.doc, t));
  const namesB = tb.filter((t) => isProperName(b.doc, t));
  if (namesA.length > 0 && namesB.length > 0 && !sameNames(namesA, namesB)) {
    return { category: 'name', a: cover(namesA), b: cover(namesB) };
  }

  if (na <= 3 && nb <= 3 && quoted(a, ta) && quoted(b, tb) && differentWording(ta, tb)) {
    return { category: 'quote', a: cover(ta), b: cover(tb) };
  }
  return undefined;
}

function cover(tokens: readonly Token[]): TextRange {
  return { start: tokens[0].start, end: tokens[tokens.length - 1].end };
}

const isValueToken = (t: Token) => numberValue(t) !== undefined || isCalendarWord(t) || isYear(t);

/** A differing number or date, with the phrase widened to the shared unit, scale or month around it. */
function valueDifference(hunk: Hunk, a: Side, b: Side): ValueDifference | undefined {
  const ta = a.doc.tokens.slice(a.offset + hunk.a[0], a.offset + hunk.a[1]);
  const tb = b.doc.tokens.slice(b.offset + hunk.b[0], b.offset + hunk.b[1]);
  if (!ta.some(isValueToken) || !tb.some(isValueToken)) return undefined;

  // Shared neighbours belong to the value ("July" in "July 4", "billion" in "$1 billion"); they are the
  // same on both sides, so the widening is the same count on each.
  const widen = (t: Token) => isValueToken(t) || isAmountWord(t);
  let left = 0;
  while (left < hunk.before && widen(a.doc.tokens[a.offset + hunk.a[0] - left - 1])) left++;
  let right = 0;
  while (right < hunk.after && widen(a.doc.tokens[a.offset + hunk.a[1] + right])) right++;
  const pa = a.doc.tokens.slice(a.offset + hunk.a[0] - left, a.offset + hunk.a[1] + right);
  const pb = b.doc.tokens.slice(b.offset + hunk.b[0] - left, b.offset + hunk.b[1] + right);

  const isDate = [...pa, ...pb].some((t) => isCalendarWord(t) || isYear(t));
  const sa = valueSignature(pa);
  const sb = valueSignature(pb);
  if (sa === sb) return undefined;
  return { category: isDate ? 'date' : 'number', a: cover(pa), b: cover(pb) };
}

/** The values a phrase states, independent of how it writes them ("2,000" = "2000", "three" = "3"). */
function valueSignature(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const n = numberValue(t);
    if (n !== undefined) {
      const scale = tokens[i + 1] ? scaleValue(tokens[i + 1]) : undefined;
      parts.push(String(scale ? n * scale : n));
      if (scale) i++;
    } else if (isCalendarWord(t)) {
      parts.push(t.key.slice(0, 3));
    } else if (isAmountWord(t)) {
      parts.push(t.key);
    }
  }
  return parts.join(' ');
}

const lowerCaseWords = new WeakMap<AnalysedDocument, Set<string>>();

/**
 * Whether a token is a proper name: capitalised, not a function word or a value, and, at the start of a
 * sentence, a word the source never writes in lower case.
 */
function isProperName(doc: AnalysedDocument, t: Token): boolean {
  if (!isCapitalised(t) || FUNCTION_WORDS.has(t.key) || isValueToken(t)) return false;
  if (!/\p{Ll}/u.test(t.raw) && t.raw.length < 2) return false;
  const sentence = doc.sentences[sentenceIndexAt(doc, t.start)];
  if (sentence && isTitleCase(doc, sentence)) return false;
  const opening = sentence && /^[\s"“‘'(]*$/.test(doc.text.slice(sentence.start, t.start));
  if (!opening) return true;
  let words = lowerCaseWords.get(doc);
  if (!words) {
    words = new Set(doc.tokens.filter((x) => /^\p{Ll}/u.test(x.raw)).map((x) => x.key));
    lowerCaseWords.set(doc, words);
  }
  return !words.has(t.key);
}

/** Whether a sentence is a headline in title case, where capitals say nothing about names. */
function isTitleCase(doc: AnalysedDocument, sentence: TextRange): boolean {
  const [from, to] = tokenRange(doc, sentence);
  const words = doc.tokens.slice(from, to).filter((x) => /^\p{L}/u.test(x.raw) && !FUNCTION_WORDS.has(x.key));
  return words.length >= 3 && words.filter(isCapitalised).length >= words.length * 0.8;
}

/**
 * Whether two name phrases may name the same thing: a shared word (surname, "Rose" in "Mr. Rose" and
 * "Frank Rose"), one being an adjective of the other ("Russia"/"Russian"), the same letters ("U.S.-
 * Russian"/"US Russian"), or an acronym ("United States"/"US").
 */
function sameNames(a: readonly Token[], b: readonly Token[]): boolean {
  const letters = (ts: readonly Token[]) => ts.map((t) => t.key.replace(/[^\p{L}\p{N}]/gu, '')).join('');
  if (letters(a) === letters(b)) return true;
  const initials = (ts: readonly Token[]) => ts.map((t) => t.key[0]).join('');
  if (a.length > 1 && b.length === 1 && initials(a) === b[0].key) return true;
  if (b.length > 1 && a.length === 1 && initials(b) === a[0].key) return true;
  return a.some((x) =>
    b.some((y) => {
      if (sameSurname(x.key, y.key)) return true;
      const [short, long] = x.key.length <= y.key.length ? [x.key, y.key] : [y.key, x.key];
      return short.length >= 4 && long.startsWith(short);
    }),
  );
}

function quoted(side: Side, tokens: readonly Token[]): boolean {
  const doc = side.doc;
  return tokens.every((t) => {
    const sentence = doc.sentences[sentenceIndexAt(doc, t.start)];
    return sentence !== undefined && isQuoted(doc, sentence.line, t.start);
  });
}

/** Whether two short hunks differ in a content word that is not a spelling or inflection variant. */
function differentWording(a: readonly Token[], b: readonly Token[]): boolean {
  const content = (ts: readonly Token[]) => ts.filter((t) => !FUNCTION_WORDS.has(t.key)).map((t) => t.key);
  const ca = content(a);
  const cb = content(b);
  if (ca.length === 0 || cb.length === 0) return false;
  const variant = (x: string, y: string) =>
    sameSurname(x, y) || (x.length >= 5 && y.length >= 5 && x.slice(0, 5) === y.slice(0, 5));
  return !ca.every((x) => cb.some((y) => variant(x, y)));
}
