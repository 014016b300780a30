/**
 * Names spelled two ways (issue 11): a person or place written with a one-letter difference in one
 * source or across the sources of one story ("Gottemoeller" and "Gottemoller"), and a title that
 * disagrees with its own text ("Unites States" in the title, "United States" in the text).
 *
 * Two spellings are one name when the name matcher of core/inconsistency takes them for one surname
 * (`sameSurname`: one slip in a name of six letters or more). They are not reported when they are an
 * inflection of one another ("Russia", "Russian"; "Iranian", "Iranians"), when the dictionary knows
 * either ("Agency" beside "Agence": a word, not a name), or when each comes with its own first name
 * (two different people).
 */
import type { TextRange } from '../text/text-range';
import { isNameWord, sameSurname } from '../inconsistency/people';
import { suggestionId } from '../inconsistency/suggestion-id';
import type { Suggestion } from '../inconsistency/types';
import { type Corpus, type CorpusDoc, quotedTitle, targetOf } from './corpus';
import type { SpellChecker } from './types';
import { type Vocabulary, buildVocabulary, editDistance } from './vocabulary';

export interface NameVariantOptions {
  /** Groups of source ids telling one story (see `storyGroups`); every source alone by default. */
  stories?: readonly (readonly string[])[];
  /** Lets two dictionary words ("Unites", "United") be told from a name and its slip. */
  spelling?: SpellChecker;
  /** The corpus vocabulary, when the caller has built it already. */
  vocabulary?: Vocabulary;
}

interface Occurrence extends TextRange {
  entry: CorpusDoc;
  /** The capitalised word right before, a first name when there is one. */
  first?: string;
}

// A capitalised name, hyphenated parts included ("Okonkwo-Brandt"), without a possessive.
const NAME = /(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*(?=(?:['’]s)?(?![\p{L}\p{N}]))/gu;
const FIRST_BEFORE = /(\p{Lu}[\p{L}.]*)[ \t]+$/u;

/** Names spelled two ways, per story, and titles that spell a phrase differently from their text. */
export function findNameVariants(corpus: Corpus, options: NameVariantOptions = {}): Suggestion[] {
  const vocabulary = options.vocabulary ?? buildVocabulary(corpus);
  const out: Suggestion[] = [];
  const covered = new Set<string>();
  for (const entry of corpus.docs) {
    for (const s of titleVariants(entry)) {
      covered.add(pairKey(entry.id, s.evidence[0].value, s.evidence[1].value));
      out.push(s);
    }
  }
  const stories = options.stories ?? corpus.docs.map((d) => [d.id]);
  for (const story of stories) {
    const entries = story.map((id) => corpus.byId.get(id)).filter((e): e is CorpusDoc => !!e);
    out.push(...storyVariants(entries, vocabulary, options.spelling, covered));
  }
  return out;
}

function storyVariants(entries: CorpusDoc[], vocabulary: Vocabulary, spelling: SpellChecker | undefined, covered: Set<string>): Suggestion[] {
  const forms = new Map<string, Occurrence[]>();
  for (const entry of entries) {
    const text = entry.doc.text;
    for (const m of text.matchAll(NAME)) {
      // Only forms the corpus uses as names count: capitalised in mid-sentence somewhere.
      if (!vocabulary.isNameForm(m[0]) && !m[0].includes('-')) continue;
      const first = FIRST_BEFORE.exec(text.slice(Math.max(0, m.index! - 30), m.index!))?.[1];
      const list = forms.get(m[0]) ?? [];
      list.push({ entry, start: m.index!, end: m.index! + m[0].length, first });
      forms.set(m[0], list);
    }
  }
  const names = [...forms.keys()];
  const out: Suggestion[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [a, b] = [names[i], names[j]];
      if (!sameSurname(a, b) || inflected(a, b)) continue;
      // A dictionary word is a word ("Agency" beside "Agence"): names spelled two ways are names.
      if (spelling && (isWord(spelling, a) || isWord(spelling, b))) continue;
      if (differentPeople(forms.get(a)!, forms.get(b)!)) continue;
      const [variant, canonical] = order(forms, a, b);
      const sources = [...new Set([...forms.get(a)!, ...forms.get(b)!].map((o) => o.entry.id))].sort();
      if (sources.length === 1 && covered.has(pairKey(sources[0], variant, canonical))) continue;
      out.push(variantSuggestion(variant, forms.get(variant)!, canonical, forms.get(canonical)!, sources));
    }
  }
  return out;
}

// Endings that make a plural or a demonym of a name ("Iranians", "Russian", "Nepalese", "Iraqi").
const INFLECTIONS = /^(?:s|es|n|an|ans|ian|ians|ese|i|is|ish)$/;

/** Plural or demonym of one another: "Russia"/"Russian", "Iranian"/"Iranians" (not "Rinke"/"Rinkel"). */
function inflected(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && INFLECTIONS.test(long.slice(short.length));
}

/** Each spelling comes with its own first name, and they differ: two people ("Petra Hansen", "Ivo Jansen"). */
function differentPeople(x: Occurrence[], y: Occurrence[]): boolean {
  const firsts = (list: Occurrence[]) => new Set(list.map((o) => o.first).filter((f): f is string => !!f && isNameWord(f)));
  const fx = firsts(x);
  const fy = firsts(y);
  if (fx.size === 0 || fy.size === 0) return false;
  return ![...fx].some((f) => fy.has(f));
}

/** The rarer spelling first (the one to correct); on a tie, the later one. */
function order(forms: Map<string, Occurrence[]>, a: string, b: string): [string, string] {
  const x = forms.get(a)!;
  const y = forms.get(b)!;
  const sources = (list: Occurrence[]) => new Set(list.map((o) => o.entry.id)).size;
  if (x.length !== y.length) return x.length < y.length ? [a, b] : [b, a];
  if (sources(x) !== sources(y)) return sources(x) < sources(y) ? [a, b] : [b, a];
  return x[0].entry.id === y[0].entry.id && x[0].start < y[0].start ? [b, a] : [a, b];
}

function variantSuggestion(variant: string, vs: Occurrence[], canonical: string, cs: Occurrence[], sources: string[]): Suggestion {
  const first = cs[0];
  const where = (list: Occurrence[]) => {
    const titles = [...new Set(list.map((o) => quotedTitle(o.entry)))];
    return `${list.length}× in ${titles.join(', ')}`;
  };
  return {
    id: suggestionId(['name-variant', ...sources, variant, canonical], 'sug'),
    category: 'name-variant',
    summary: `Name spelled two ways: “${variant}” (${where(vs)}) and “${canonical}” (${where(cs)})`,
    targets: [...vs.map((o) => targetOf(o.entry, o)), targetOf(first.entry, first)],
    evidence: [
      { source: vs[0].entry.id, value: variant, start: vs[0].start, end: vs[0].end },
      { source: first.entry.id, value: canonical, start: first.start, end: first.end },
    ],
    tags: ['typo', 'name-variant'],
  };
}

/**
 * Capitalised title words the text writes one letter differently in the same phrase: "Unites States"
 * in the title of a text that says "United States". The title is looked for in the text (often its
 * first line); the rest of the text is the body.
 */
function titleVariants(entry: CorpusDoc): Suggestion[] {
  const text = entry.doc.text;
  const title = entry.title;
  const at = title === entry.id ? -1 : text.indexOf(title);
  const titleWords = [...title.matchAll(/\p{L}+/gu)].map((m) => ({ raw: m[0], index: m.index! }));
  const body = [...text.matchAll(/\p{L}+/gu)]
    .map((m) => ({ raw: m[0], start: m.index!, end: m.index! + m[0].length }))
    .filter((w) => at < 0 || w.end <= at || w.start >= at + title.length);
  const bodyForms = new Set(body.map((w) => w.raw));
  const out: Suggestion[] = [];
  titleWords.forEach((w, k) => {
    if (w.raw.length < 4 || !/^\p{Lu}/u.test(w.raw) || bodyForms.has(w.raw)) return;
    for (const [dir, neighbour] of [[1, titleWords[k + 1]], [-1, titleWords[k - 1]]] as const) {
      if (!neighbour) continue;
      const hit = body.findIndex((x, i) => {
        const next = body[i + dir];
        return (
          !!next &&
          /^\p{Lu}/u.test(x.raw) &&
          !inflected(x.raw, w.raw) &&
          editDistance(x.raw.toLowerCase(), w.raw.toLowerCase()) === 1 &&
          next.raw.toLowerCase() === neighbour.raw.toLowerCase()
        );
      });
      if (hit < 0) continue;
      const [x, next] = [body[hit], body[hit + dir]];
      const bodySpan = dir === 1 ? { start: x.start, end: next.end } : { start: next.start, end: x.end };
      const titlePhrase = dir === 1 ? `${w.raw} ${neighbour.raw}` : `${neighbour.raw} ${w.raw}`;
      const bodyPhrase = text.slice(bodySpan.start, bodySpan.end);
      const titleSpan = at >= 0 ? { start: at + w.index, end: at + w.index + w.raw.length } : undefined;
      out.push({
        id: suggestionId(['name-variant', entry.id, 'title', w.raw, x.raw], 'sug'),
        category: 'name-variant',
        summary: `The title of ${quotedTitle(entry)} writes “${titlePhrase}”, its text “${bodyPhrase}”`,
        targets: [...(titleSpan ? [targetOf(entry, titleSpan)] : []), targetOf(entry, bodySpan)],
        evidence: [
          { source: entry.id, value: w.raw, ...(titleSpan ?? {}) },
          { source: entry.id, value: x.raw, start: x.start, end: x.end },
        ],
        tags: ['typo', 'name-variant'],
      });
      return;
    }
  });
  return out;
}

function isWord(spelling: SpellChecker, form: string): boolean {
  return form.split('-').some((part) => spelling.correct(part.toLowerCase()));
}

function pairKey(source: string, a: string, b: string): string {
  return [source, ...[a, b].sort()].join('\u0000');
}
