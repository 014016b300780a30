/**
 * Who a sentence is given to in one source: the speaker of a quotation or of reported speech. Cues, in
 * order of trust: a speech verb with its subject in the sentence, outside quotation marks ("Mr. Rose
 * stressed", ", she underlined", "Frank Rose said in remarks"); a signature after the quotation on its
 * line or on the next one ("… defense.” -Mr. Rose"); a cue later on the line that closes the quotation
 * the sentence opens. "He"/"she" resolve to the source's speaker of that gender (by honorific), the
 * most recently mentioned one when there are several, else to the most recent named speaker.
 *
 * An unclear cue ("the U.S. diplomat said") makes the speaker unknown rather than guessed, since a
 * wrong speaker would produce a wrong suggestion.
 */
import { type AnalysedDocument, isQuoted, tokenRange } from './document';
import { type Gender, type Person, honorificGender, isNameWord, sameSurname } from './people';
import { rangeContains, type TextRange } from '../text/text-range';

/** The speaker a sentence is given to, and the words that say so. */
export interface Attribution {
  person: Person;
  /** The cue's range in the source, e.g. "she underlined" or "-Mr. Rose". */
  cue: TextRange;
}

/** Verbs that report speech, in the forms news copy uses. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  ('said says say stated states noted notes added adds stressed stresses underlined underlines underscored ' +
    'underscores emphasized emphasizes emphasised emphasises highlighted highlights told tells warned warns ' +
    'explained explains argued argues insisted insists cited cites remarked declared declares asserted ' +
    'asserts acknowledged acknowledges observed observes commented reported reports')
    .split(' '),
);
// "reports" has news agencies as subjects too often to be trusted with a bare name.
const WEAK_VERBS = new Set(['reported', 'reports']);
const ADVERBS = new Set(['also', 'later', 'then', 'again', 'further', 'previously', 'once']);
const PRONOUNS = new Map<string, Gender>([['he', 'male'], ['she', 'female']]);

type Ref =
  | { kind: 'pronoun'; gender: Gender; at: number }
  | { kind: 'named'; surname: string; first?: string; honorific: boolean }
  | { kind: 'unclear' };

interface Cue extends TextRange {
  ref: Ref;
}

const SAME_LINE_SPACE = /^[ \t]+$/;
const HONORIFIC_GAP = /^\.?[ \t]+$/;

/** Speech-verb cues outside quotation marks between token indices [from, to), in order. */
function findCues(doc: AnalysedDocument, line: number, from: number, to: number): Cue[] {
  const { tokens, text } = doc;
  const gap = (i: number, j: number) => text.slice(tokens[i].end, tokens[j].start);
  const lineSpan = doc.lines[line];
  const onLine = (i: number) => i >= 0 && i < tokens.length && tokens[i].start >= lineSpan.start && tokens[i].end <= lineSpan.end;
  const cues: Cue[] = [];
  for (let v = from; v < to; v++) {
    const verb = tokens[v];
    if (isQuoted(doc, line, verb.start)) continue;
    if (verb.key === 'according' && tokens[v + 1]?.key === 'to') {
      const ref = namedAfter(v + 2);
      if (ref) cues.push({ start: verb.start, end: ref.end, ref: ref.ref });
      continue;
    }
    // "United States" is not "United" stating something: verbs after their subject are lower case.
    if (!SPEECH_VERBS.has(verb.key) || !/^\p{Ll}/u.test(verb.raw)) continue;
    let s = v - 1;
    if (onLine(s) && ADVERBS.has(tokens[s].key) && SAME_LINE_SPACE.test(gap(s, v))) s--;
    if (onLine(s) && SAME_LINE_SPACE.test(gap(s, s + 1))) {
      const subject = tokens[s];
      const gender = PRONOUNS.get(subject.key);
      if (gender) {
        cues.push({ start: subject.start, end: verb.end, ref: { kind: 'pronoun', gender, at: subject.start } });
        continue;
      }
      if (/^\p{Lu}/u.test(subject.raw)) {
        const ref = namedEndingAt(s);
        if (ref && (!WEAK_VERBS.has(verb.key) || ref.honorific)) {
          cues.push({ start: ref.start, end: verb.end, ref });
          continue;
        }
      }
      if (WEAK_VERBS.has(verb.key)) continue;
      // A subject we cannot name ("the diplomat said") still marks the sentence as attributed.
      if (/^\p{Ll}/u.test(subject.raw) && !['that', 'it', 'has', 'have', 'had', 'was', 'is'].includes(subject.key)) {
        cues.push({ start: subject.start, end: verb.end, ref: { kind: 'unclear' } });
        continue;
      }
    }
    if (verb.key === 'said' || verb.key === 'says') {
      const after = namedAfter(v + 1);
      if (after) cues.push({ start: verb.start, end: after.end, ref: after.ref });
    }
  }
  return cues;

  function namedEndingAt(s: number): (Ref & { kind: 'named'; start: number }) | undefined {
    const surname = tokens[s].raw;
    if (!isNameWord(surname)) return undefined;
    const before = s - 1;
    if (onLine(before) && HONORIFIC_GAP.test(gap(before, s)) && honorificGender(tokens[before]) !== null) {
      return { kind: 'named', surname, honorific: true, start: tokens[before].start };
    }
    let f = before;
    while (onLine(f) && /^\p{Lu}\.?$/u.test(tokens[f].raw) && HONORIFIC_GAP.test(gap(f, f + 1))) f--;
    if (onLine(f) && SAME_LINE_SPACE.test(gap(f, f + 1)) && isNameWord(tokens[f].raw)) {
      return { kind: 'named', surname, first: tokens[f].raw, honorific: false, start: tokens[f].start };
    }
    return { kind: 'named', surname, honorific: false, start: tokens[s].start };
  }

  function namedAfter(i: number): { ref: Ref; end: number } | undefined {
    if (!onLine(i) || !SAME_LINE_SPACE.test(text.slice(tokens[i - 1].end, tokens[i].start))) return undefined;
    let j = i;
    const honorific = honorificGender(tokens[j]) !== null;
    if (honorific) j++;
    let first: string | undefined;
    let k = j;
    while (onLine(k + 1) && HONORIFIC_GAP.test(gap(k, k + 1)) && /^\p{Lu}/u.test(tokens[k + 1].raw) && k - j < 2) k++;
    if (!onLine(k) || !isNameWord(tokens[k].raw)) return undefined;
    if (!honorific && k > j) first = tokens[j].raw;
    return { ref: { kind: 'named', surname: tokens[k].raw, first, honorific }, end: tokens[k].end };
  }
}

const SIGNATURE = /[-–—]+[ \t]*((?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?\p{Lu}[\p{L}'’.]*(?:[ \t]+\p{Lu}[\p{L}'’.]*){0,3})[ \t.]*$/u;

/** A "-Mr. Rose" signature closing `span`, as a cue. */
function signature(doc: AnalysedDocument, span: TextRange, mustFollowQuote: boolean): Cue | undefined {
  const part = doc.text.slice(span.start, span.end);
  const m = SIGNATURE.exec(part);
  if (!m) return undefined;
  const before = part.slice(0, m.index).trimEnd();
  if (mustFollowQuote ? !/[”"]$/.test(before) : before !== '' && !/^[”"]$/.test(before)) return undefined;
  const words = m[1].replace(/\.$/, '').split(/[ \t]+/);
  const honorific = /^(?:Mr|Mrs|Ms|Miss|Dr)\.?$/.test(words[0]);
  const names = honorific ? words.slice(1) : words;
  const surname = names[names.length - 1];
  const first = !honorific && names.length > 1 ? names[0] : undefined;
  return { start: span.start + m.index, end: span.end, ref: { kind: 'named', surname, first, honorific } };
}

const cueCache = new WeakMap<AnalysedDocument, { at: number; person: Person }[]>();

/** Every named speaker cue of the document, for resolving pronouns where the honorifics do not. */
function namedSpeakers(doc: AnalysedDocument): { at: number; person: Person }[] {
  let out = cueCache.get(doc);
  if (out) return out;
  out = [];
  doc.lines.forEach((line, i) => {
    const [from, to] = tokenRange(doc, line);
    for (const cue of findCues(doc, i, from, to)) {
      if (cue.ref.kind !== 'named') continue;
      const person = doc.roster.lookup(cue.ref.surname, cue.ref.first);
      if (person) out!.push({ at: cue.start, person });
    }
  });
  cueCache.set(doc, out);
  return out;
}

function resolve(doc: AnalysedDocument, ref: Ref): Person | undefined {
  if (ref.kind === 'unclear') return undefined;
  if (ref.kind === 'named') return doc.roster.lookup(ref.surname, ref.first);
  let person: Person | undefined;
  const candidates = doc.roster.persons.filter((p) => p.gender === ref.gender);
  if (candidates.length === 1) person = candidates[0];
  else if (candidates.length > 1) {
    const lastBefore = (p: Person) => Math.max(-1, ...p.mentions.filter((m) => m < ref.at));
    const ranked = [...candidates].sort(
      (a, b) => lastBefore(b) - lastBefore(a) || b.mentions.length - a.mentions.length,
    );
    person = ranked[0];
  } else {
    const earlier = namedSpeakers(doc).filter((s) => s.at < ref.at);
    person = earlier.length > 0 ? earlier[earlier.length - 1].person : undefined;
  }
  return person && !otherNameNearby(doc, ref.at, person) ? person : undefined;
}

/**
 * Whether the pronoun's paragraph names someone else before it, outside quotation marks ("… the pen
 * name of Carmen Avalino … When she …"): the pronoun may then be theirs, so it is left unresolved.
 */
function otherNameNearby(doc: AnalysedDocument, at: number, person: Person): boolean {
  const line = doc.lines.find((l) => rangeContains(l, at));
  if (!line) return false;
  const [from, to] = tokenRange(doc, { start: line.start, end: at });
  for (let i = from; i + 1 < to; i++) {
    const [first, last] = [doc.tokens[i], doc.tokens[i + 1]];
    if (!isNameWord(first.raw) || !isNameWord(last.raw) || isQuoted(doc, doc.lines.indexOf(line), first.start)) continue;
    if (!/^[ \t]+$/.test(doc.text.slice(first.end, last.start))) continue;
    if (!sameSurname(last.raw, person.surname) && !sameSurname(first.raw, person.surname)) return true;
  }
  return false;
}

/**
 * The speaker sentence `index` of `doc` is given to, or `undefined` when the source does not say or
 * says it in a way this module cannot resolve to a named person.
 */
export function attributeSentence(doc: AnalysedDocument, index: number): Attribution | undefined {
  const sentence = doc.sentences[index];
  const lineSpan = doc.lines[sentence.line];
  const [from, to] = tokenRange(doc, sentence);
  const found = (cue: Cue | undefined): Attribution | undefined => {
    const person = cue && resolve(doc, cue.ref);
    return person && cue ? { person, cue: { start: cue.start, end: cue.end } } : undefined;
  };

  const own = findCues(doc, sentence.line, from, to);
  if (own.length > 0) return found(own[0]);
  if (!isQuoted(doc, sentence.line, sentence.start)) return undefined;

  const rest = { start: sentence.end, end: lineSpan.end };
  const signed = signature(doc, { start: sentence.start, end: lineSpan.end }, true);
  if (signed) {
    if (signed.start >= sentence.end) return found(signed);
  } else if (sentence.line + 1 < doc.lines.length) {
    // A quotation running to the end of its paragraph, signed on the next line ("” -Ms. Tauscher").
    const nextSigned = signature(doc, doc.lines[sentence.line + 1], false);
    if (nextSigned) return found(nextSigned);
  }
  const [restFrom, restTo] = tokenRange(doc, rest);
  const later = findCues(doc, sentence.line, restFrom, restTo);
  return later.length > 0 ? found(later[0]) : undefined;
}
