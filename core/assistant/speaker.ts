/**
 * Who each sentence of a source is given to: the claimant a claim candidate is pre-filled with, and
 * the attribution a reused block follows. The person-level cues of core/inconsistency come first
 * ("-Mr. Rose", "Frank Rose said", "she underlined"); where they find nobody, three patterns common in
 * news copy are tried: an appositive subject ("Liesl Vanterpool, who chairs the group, said", "The
 * finance director, Glen Abernathy, said"), an organisation as subject or source ("Fietsnet says",
 * "according to the national weather service"), and "he/she said" given to the source's most recent
 * speaker.
 */
import { SPEECH_VERBS, attributeSentence } from '../inconsistency/attribution';
import { type AnalysedDocument, isQuoted, tokenRange } from '../inconsistency/document';
import { type Person, isNameWord, samePerson, sameSurname } from '../inconsistency/people';
import type { TextRange } from '../text/text-range';
import { type Token, FUNCTION_WORDS } from '../inconsistency/tokens';

/** The speaker of a sentence, and the words that say so. */
export interface Speaker {
  /** As the source writes it: "Frank A. Rose", "World Health Organization". */
  name: string;
  /** Set when the speaker is a person the source's roster knows. */
  person?: Person;
  cue: TextRange;
}

// Reporting verbs beyond speech that name the source of a figure.
const SOURCE_VERBS = new Set([
  ...SPEECH_VERBS,
  'announced', 'announces', 'estimated', 'estimates', 'confirmed', 'confirms', 'claimed', 'claims',
  'predicted', 'predicts', 'wrote', 'writes', 'calculated', 'calculates',
]);
// Words that may sit inside an organisation's name ("Union of Rail Drivers", "Harrow & Teale").
const NAME_JOINERS = new Set(['of', 'for', 'and', 'the', 'de', 'van', 'von', 'der']);
// A run of capitalised words that starts with one of these is not a name ("However, Ms. Rose").
const NOT_NAME_START = new Set(['however', 'but', 'and', 'meanwhile', 'also', 'still', 'yet', 'so', 'then', 'when', 'while', 'in', 'on', 'at', 'as']);
const PRONOUNS = new Set(['he', 'she']);
/** How many sentences back "he said" may reach for its speaker. */
const PRONOUN_REACH = 6;

const cache = new WeakMap<AnalysedDocument, (Speaker | undefined)[]>();

/** The speaker of every sentence of `doc`, same index as `doc.sentences`; computed once per document. */
export function sentenceSpeakers(doc: AnalysedDocument): (Speaker | undefined)[] {
  const known = cache.get(doc);
  if (known) return known;
  const out: (Speaker | undefined)[] = [];
  let last: { speaker: Speaker; index: number } | undefined;
  doc.sentences.forEach((_, i) => {
    const attributed = attributeSentence(doc, i);
    const found: Speaker | 'pronoun' | undefined = attributed
      ? { name: attributed.person.fullName, person: attributed.person, cue: attributed.cue }
      : patternSpeaker(doc, i);
    let speaker = found === 'pronoun' ? (last && i - last.index <= PRONOUN_REACH ? last.speaker : undefined) : found;
    // The second sentence of a quotation whose speaker was named before it on the same line.
    const previous = doc.sentences[i - 1];
    if (!speaker && previous?.line === doc.sentences[i].line && out[i - 1] && isQuoted(doc, previous.line, doc.sentences[i].start)) {
      speaker = out[i - 1];
    }
    if (speaker) speaker = withHyphenatedSurname(doc, speaker);
    out.push(speaker);
    if (speaker) last = { speaker, index: i };
  });
  cache.set(doc, out);
  return out;
}

/** Whether two speakers are the same person or organisation. */
export function sameSpeaker(a: Speaker, b: Speaker): boolean {
  if (a.person && b.person) return samePerson(a.person, b.person);
  const lastWord = (s: Speaker) => s.name.split(/\s+/).pop() ?? '';
  return a.name.toLowerCase() === b.name.toLowerCase() || sameSurname(lastWord(a), lastWord(b));
}

/** A speaker found by the news-copy patterns, 'pronoun' for an unresolved "he said". */
function patternSpeaker(doc: AnalysedDocument, index: number): Speaker | 'pronoun' | undefined {
  const sentence = doc.sentences[index];
  const line = doc.lines[sentence.line];
  // A quotation's speaker may be named after it on the same line: “…. What is left,” she said.
  const quoted = isQuoted(doc, sentence.line, sentence.start);
  const [from, to] = tokenRange(doc, { start: sentence.start, end: quoted ? line.end : sentence.end });
  const tokens = doc.tokens;
  for (let v = from; v < to; v++) {
    const t = tokens[v];
    if (isQuoted(doc, sentence.line, t.start)) continue;
    if (t.key === 'according' && tokens[v + 1]?.key === 'to') {
      const run = nameRunAfter(doc, v + 2, to);
      if (run) return run;
      continue;
    }
    if (!SOURCE_VERBS.has(t.key) || !/^\p{Ll}/u.test(t.raw)) {
      // "She pointed out that …": a sentence whose subject is he or she reports that person.
      if (v === from && PRONOUNS.has(t.key) && !quoted && /^\p{Ll}/u.test(tokens[v + 1]?.raw ?? '')) return 'pronoun';
      continue;
    }
    const before = tokens[v - 1];
    if (before && v - 1 >= from && PRONOUNS.has(before.key)) return 'pronoun';
    const subject = subjectBefore(doc, sentence.start, v);
    if (subject) return subject;
  }
  return undefined;
}

/** The name ending right before the verb at token `v`, or the name of an appositive subject. */
function subjectBefore(doc: AnalysedDocument, sentenceStart: number, v: number): Speaker | undefined {
  const text = doc.text;
  const head = text.slice(sentenceStart, doc.tokens[v].start);
  // "X said": a capitalised run directly before the verb.
  if (/^[^,“”"]*\S $/.test(head) || /^[^“”"]*, [^,“”"]*\S $/.test(head)) {
    const run = nameRunEndingAt(doc, v - 1);
    if (run) return run;
  }
  // "X, who …, said" / "The role, X, said": the comma-separated parts before the verb.
  if (!/,\s*$/.test(head)) return undefined;
  const parts = head.split(',').map((p) => p.trim());
  parts.pop();
  const lastPart = parts[parts.length - 1];
  if (parts.length >= 2 && lastPart && /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]*$/u.test(lastPart)) {
    const at = text.lastIndexOf(lastPart, doc.tokens[v].start);
    return named(doc, lastPart, { start: at, end: at + lastPart.length });
  }
  const firstPart = parts[0];
  const m = firstPart ? /((?:\p{Lu}[\p{L}'’.-]*\s+)*\p{Lu}[\p{L}'’-]*)$/u.exec(firstPart) : null;
  if (!m || parts.length < 2) return undefined;
  const name = m[1].replace(/^The\s+/, '');
  const start = sentenceStart + head.indexOf(firstPart) + m.index + (m[1].length - name.length);
  return named(doc, trimTitles(name), { start, end: start + name.length });
}

/** A capitalised run (organisation or person) starting at token `i`. */
function nameRunAfter(doc: AnalysedDocument, i: number, to: number): Speaker | undefined {
  const tokens = doc.tokens;
  if (tokens[i]?.key === 'the') i++;
  // "according to the campaign group Tamsworth Cycling": a short description before the name.
  for (let k = 0; k < 3 && i < to && /^\p{Ll}/u.test(tokens[i].raw) && !FUNCTION_WORDS.has(tokens[i].key); k++) i++;
  let j = i;
  while (j < to && (isCapitalisedWord(tokens[j]) || (NAME_JOINERS.has(tokens[j].key) && isCapitalisedWord(tokens[j + 1])))) j++;
  if (j === i) return undefined;
  const span = { start: tokens[i].start, end: tokens[j - 1].end };
  return named(doc, doc.text.slice(span.start, span.end), span);
}

/** A capitalised run ending at token `end` (inclusive), without a leading "The". */
function nameRunEndingAt(doc: AnalysedDocument, end: number): Speaker | undefined {
  const tokens = doc.tokens;
  if (end < 0 || !isCapitalisedWord(tokens[end])) return undefined;
  let i = end;
  while (i > 0 && /^(?:[ \t]+|-)$/.test(doc.text.slice(tokens[i - 1].end, tokens[i].start))) {
    const prev = tokens[i - 1];
    if (isCapitalisedWord(prev) || (NAME_JOINERS.has(prev.key) && prev.key !== 'the' && i - 2 >= 0 && isCapitalisedWord(tokens[i - 2]))) i--;
    else break;
  }
  while (i <= end && (tokens[i].key === 'the' || NOT_NAME_START.has(tokens[i].key))) i++;
  if (i > end) return undefined;
  // A lone capitalised plural or function word opening a sentence is a noun ("Observers said").
  if (i === end && (/s$/.test(tokens[i].raw) || FUNCTION_WORDS.has(tokens[i].key))) return undefined;
  const span = { start: tokens[i].start, end: tokens[end].end };
  return named(doc, trimTitles(doc.text.slice(span.start, span.end)), span);
}

function isCapitalisedWord(t: Token | undefined): boolean {
  return !!t && /^\p{Lu}[\p{L}'’&-]*$/u.test(t.raw) && !/['’]s$/.test(t.raw);
}

/**
 * A person's name without the titles and roles written before it: "Ambassador Liesl Vanterpool" is
 * Liesl Vanterpool, "Deputy Assistant Secretary Frank A. Rose" is Frank A. Rose. Runs with joining
 * words ("Union of Rail Drivers") are organisations and stay whole.
 */
function trimTitles(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length < 3 || words.some((w) => NAME_JOINERS.has(w.toLowerCase()))) return name;
  const keep = /^\p{Lu}\.?$/u.test(words[words.length - 2]) ? 3 : 2;
  const tail = words.slice(-keep);
  return isNameWord(tail[0]) && isNameWord(tail[tail.length - 1]) ? tail.join(' ') : name;
}

/** A speaker from a name written in the source: a person when the roster knows the surname. */
function named(doc: AnalysedDocument, name: string, cue: TextRange): Speaker | undefined {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const surname = words[words.length - 1];
  if (words.length >= 2 && words.length <= 3 && isNameWord(surname) && isNameWord(words[0])) {
    const person = doc.roster.lookup(surname, words[0]);
    if (person) return { name: person.fullName.split(/\s+/).length >= words.length ? person.fullName : name, person, cue };
  }
  if (words.length === 1 && isNameWord(surname)) {
    const person = doc.roster.lookup(surname);
    if (person) return { name: person.fullName, person, cue };
  }
  return { name, cue };
}

/** "Celestine Abara" written "Celestine Abara-Whyte": the word tokens split hyphenated surnames. */
function withHyphenatedSurname(doc: AnalysedDocument, speaker: Speaker): Speaker {
  const at = doc.text.indexOf(`${speaker.name}-`);
  if (at < 0) return speaker;
  const m = /^-\p{Lu}[\p{L}'’]+/u.exec(doc.text.slice(at + speaker.name.length));
  return m ? { ...speaker, name: speaker.name + m[0] } : speaker;
}
