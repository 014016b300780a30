/**
 * The spelling pass (issue 11): words the dictionary does not know and the corpus does not use
 * elsewhere, with the correction proposed. Left alone: names (capitalised in mid-sentence, or in
 * several sources), acronyms, numbers and amounts, URLs and e-mail addresses, words with letters
 * outside A-Z (foreign words, transliterated names), words inside short quotations (a foreign term
 * or a coined word in quotes, or quotations mostly in another language), prefixes of hyphenated
 * compounds, derived words the dictionary lacks ("chandlery"), and words the corpus uses three times.
 *
 * A correction is a dictionary word one edit away (a swapped, doubled, missing, extra or wrong
 * letter); those the corpus uses come first ("tody" is "today" in a corpus that says "today").
 * All-caps words are checked where a whole line shouts (a headline in capitals); an isolated
 * all-caps word is an acronym unless the corpus writes the same phrase with a word one letter away
 * ("NEW STARY" where another source has "New START").
 *
 * Every distinct word is looked up once, so the cost grows with the vocabulary, not the text.
 */
import type { AnalysedDocument } from '../inconsistency/document';
import { suggestionId } from '../inconsistency/suggestion-id';
import { isInside } from '../inconsistency/text-structure';
import type { TextRange } from '../text/text-range';
import type { Token } from '../inconsistency/tokens';
import type { Suggestion } from '../inconsistency/types';
import { type Corpus, type CorpusDoc, quotedTitle, targetOf } from './corpus';
import type { SpellChecker } from './types';
import { type Vocabulary, buildVocabulary, editDistance, editsOf, headingTokens, sentenceOpeners, wordKey } from './vocabulary';

const PREFIXES = new Set(
  ('anti counter pre post non co re semi multi mid inter intra sub super self ex bi tri cross over under out ' +
    'neo pro quasi ultra mega micro macro mini geo socio eco cyber trans')
    .split(' '),
);
const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)[^\s<>"”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Quotations this short hold a term, not speech: their unknown words are left alone. */
const SHORT_QUOTE_WORDS = 4;
/** A word used this often in the corpus is the writer's term, not a slip. */
const TERM_COUNT = 3;
/**
 * Endings that derive a word from another ("chandler" → "chandlery", "modern" → "modernist") beyond
 * the inflections the dictionary's affix rules already accept.
 */
const DERIVING = /^(?:y|ry|ery|ness|ist|ism)$/;
/** A quotation with this share of unknown lower-case words is in another language. */
const FOREIGN_SHARE = 0.4;
/**
 * A whole text with this share of unknown lower-case words (among enough of them) is not in the
 * dictionary's language, or not prose: proposing corrections for it would be noise, and slow.
 */
const FOREIGN_TEXT_SHARE = 0.25;
const FOREIGN_TEXT_MIN_WORDS = 40;
const MAX_CORRECTIONS = 3;

type Mode = 'plain' | 'capitalised' | 'shouted';

/** Looks words up once each and ranks their corrections. */
class Speller {
  private readonly known = new Map<string, boolean>();
  private readonly fixes = new Map<string, string[]>();

  constructor(
    private readonly checker: SpellChecker,
    private readonly vocabulary: Vocabulary,
  ) {}

  isCorrect(word: string): boolean {
    let ok = this.known.get(word);
    if (ok === undefined) this.known.set(word, (ok = this.checker.correct(word)));
    return ok;
  }

  /** Dictionary words that `lower` is likely a slip for, best first. */
  corrections(lower: string): string[] {
    const cached = this.fixes.get(lower);
    if (cached) return cached;
    const ranked = [...editsOf(lower)]
      .filter(([w]) => this.isCorrect(w))
      .map(([w, cost]) => ({ w, cost, used: this.vocabulary.count(w) }))
      .sort((a, b) => b.used - a.used || a.cost - b.cost);
    let out = ranked.map((r) => r.w);
    // Equally likely slips: let the checker's own ranking (keyboard, sound-alike tables) decide.
    if (ranked.length > 1 && ranked[0].used === ranked[1].used && ranked[0].cost === ranked[1].cost) {
      const order = this.checker.suggest(lower).map((s) => s.toLowerCase());
      const rank = (w: string) => (order.includes(w) ? order.indexOf(w) : order.length);
      out = [...ranked].sort((a, b) => b.used - a.used || a.cost - b.cost || rank(a.w) - rank(b.w)).map((r) => r.w);
    }
    // "chandlery" is "chandler" + "y": a derived word the dictionary lacks, not a slip.
    if (out.some((w) => lower.startsWith(w) && DERIVING.test(lower.slice(w.length)))) out = [];
    out = out.slice(0, MAX_CORRECTIONS);
    this.fixes.set(lower, out);
    return out;
  }
}

/** The typos of every source, in source and text order. */
export function findTypos(corpus: Corpus, checker: SpellChecker, vocabulary: Vocabulary = buildVocabulary(corpus)): Suggestion[] {
  const speller = new Speller(checker, vocabulary);
  const out: Suggestion[] = [];
  for (const entry of corpus.docs) out.push(...typosOf(entry, speller, vocabulary));
  return out;
}

/** Whether most of a text's plain lower-case words are words the dictionary knows. */
function inDictionaryLanguage(tokens: readonly Token[], speller: Speller): boolean {
  const words = new Set<string>();
  for (const t of tokens) if (/^[a-z]{3,}$/.test(t.raw)) words.add(t.raw);
  if (words.size < FOREIGN_TEXT_MIN_WORDS) return true;
  let unknown = 0;
  for (const w of words) if (!speller.isCorrect(w)) unknown++;
  return unknown / words.size <= FOREIGN_TEXT_SHARE;
}

function typosOf(entry: CorpusDoc, speller: Speller, vocabulary: Vocabulary): Suggestion[] {
  const { doc } = entry;
  const { tokens, text } = doc;
  if (!inDictionaryLanguage(tokens, speller)) return [];
  const openers = sentenceOpeners(doc);
  const skipped = [...urlSpans(text), ...shortQuotes(doc), ...foreignQuotes(doc, speller)];
  const shouted = shoutedTokens(doc);
  const headings = headingTokens(doc);
  const out: Suggestion[] = [];
  const gap = (i: number, j: number) => (i >= 0 && j < tokens.length ? text.slice(tokens[i].end, tokens[j].start) : '');

  tokens.forEach((t, i) => {
    const word = t.raw.replace(/['’]s$/, '');
    if (word.length < 3 || !/^[A-Za-z]+(?:['’][A-Za-z]+)?$/.test(word) || isInside(skipped, t.start)) return;
    // No vowel: a lower-case abbreviation ("pdf", "mph"), not a word.
    if (!/[aeiouy]/i.test(word)) return;
    const lower = wordKey(word);
    const hyphenBefore = gap(i - 1, i) === '-';
    const hyphenAfter = gap(i, i + 1) === '-';
    if ((hyphenBefore || hyphenAfter) && (PREFIXES.has(lower) || joinedIsWord(tokens, i, hyphenBefore, speller))) return;

    let mode: Mode = 'plain';
    if (/^[A-Z]+$/.test(word)) {
      if (!shouted.has(i)) {
        const fix = phraseFix(tokens, i, gap(i - 1, i), speller, vocabulary);
        if (fix) out.push(typo(entry, t, word, [fix]));
        return;
      }
      mode = 'shouted';
    } else if (/^[A-Z]/.test(word)) {
      if (!openers.has(i) && !headings.has(i)) return; // a name
      mode = 'capitalised';
    }
    if (speller.isCorrect(word) || speller.isCorrect(lower)) return;
    if (vocabulary.sources(lower) >= 2 || vocabulary.count(lower) >= TERM_COUNT) return;
    if (mode !== 'plain') {
      const asName = lower[0].toUpperCase() + lower.slice(1);
      if (vocabulary.isNameForm(asName)) return;
      // "Mina Fabulous is …": two capitalised words opening a sentence are a name.
      const next = tokens[i + 1];
      if (mode === 'capitalised' && next && gap(i, i + 1) === ' ' && /^\p{Lu}/u.test(next.raw)) return;
    }
    let fixes = speller.corrections(lower);
    // A capital opening a sentence or in a title-case heading may start a name the corpus never
    // writes elsewhere: there only a correction the corpus itself uses counts. A shouted headline's
    // names are checked above, as the text writes them in mid-sentence.
    if (mode === 'capitalised') fixes = fixes.filter((f) => vocabulary.count(f) > 0);
    if (fixes.length > 0) out.push(typo(entry, t, word, fixes.map((f) => matchCase(f, word))));
  });
  return out;
}

/** "STARY" after "NEW" where the corpus writes "New START": the form one letter away, as written there. */
function phraseFix(tokens: readonly Token[], i: number, gapBefore: string, speller: Speller, vocabulary: Vocabulary): string | undefined {
  const word = tokens[i].raw;
  if (i === 0 || !/^[ \t]+$/.test(gapBefore) || vocabulary.count(word.toLowerCase()) > 1) return undefined;
  if (speller.isCorrect(word.toLowerCase())) return undefined;
  for (const other of vocabulary.followers(tokens[i - 1].key)) {
    const upper = other.toUpperCase();
    if (upper !== word && other.length >= 3 && editDistance(upper, word) === 1 && speller.isCorrect(other.toLowerCase())) return other;
  }
  return undefined;
}

function typo(entry: CorpusDoc, token: Token, word: string, fixes: string[]): Suggestion {
  const span = { start: token.start, end: token.start + word.length };
  const before = entry.doc.text.slice(Math.max(0, span.start - 24), span.start).split(/\s+/).slice(-2).join(' ');
  return {
    id: suggestionId(['typo', entry.id, word, before.toLowerCase()], 'sug'),
    category: 'typo',
    summary: `Possible typo in ${quotedTitle(entry)}: “${word}”, perhaps “${fixes[0]}”`,
    targets: [targetOf(entry, span)],
    evidence: [{ source: entry.id, value: word, start: span.start, end: span.end }, ...fixes.map((f) => ({ source: entry.id, value: f }))],
    tags: ['typo'],
  };
}

function matchCase(fix: string, word: string): string {
  if (/^[A-Z]+$/.test(word)) return fix.toUpperCase();
  if (/^[A-Z]/.test(word)) return fix[0].toUpperCase() + fix.slice(1);
  return fix;
}

/** Whether the hyphenated compound around token `i` is a word without its hyphens ("co-operate"). */
function joinedIsWord(tokens: readonly Token[], i: number, hyphenBefore: boolean, speller: Speller): boolean {
  const [a, b] = hyphenBefore ? [tokens[i - 1], tokens[i]] : [tokens[i], tokens[i + 1]];
  return speller.isCorrect(`${a.raw}${b.raw}`.toLowerCase());
}

function urlSpans(text: string): TextRange[] {
  return [...text.matchAll(URL_OR_EMAIL)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

/** Quotations mostly in words the dictionary does not know: another language ("Sachsen braucht Chips"). */
function foreignQuotes(doc: AnalysedDocument, speller: Speller): TextRange[] {
  return doc.quotes.flat().filter((q) => {
    const words = (doc.text.slice(q.start, q.end).match(/(?<![\p{L}'’])\p{Ll}+(?![\p{L}'’])/gu) ?? []).filter((w) => w.length > 1);
    const unknown = words.filter((w) => !speller.isCorrect(w)).length;
    return unknown >= 2 && unknown >= FOREIGN_SHARE * words.length;
  });
}

function shortQuotes(doc: AnalysedDocument): TextRange[] {
  return doc.quotes.flat().filter((q) => (doc.text.slice(q.start, q.end).match(/[\p{L}\p{N}]+/gu) ?? []).length <= SHORT_QUOTE_WORDS);
}

/** Tokens in runs of three or more all-caps words: a headline in capitals, not acronyms. */
function shoutedTokens(doc: AnalysedDocument): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 3) for (const i of run) out.add(i);
    run = [];
  };
  doc.tokens.forEach((t, i) => {
    const adjacent = i > 0 && /^[ \t]+$/.test(doc.text.slice(doc.tokens[i - 1].end, t.start));
    if (!adjacent) flush();
    if (/^[A-Z]{2,}$/.test(t.raw)) run.push(i);
    else flush();
  });
  flush();
  return out;
}
