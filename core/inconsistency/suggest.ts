/**
 * Suggested inconsistencies between outlets. For each reuse passage, the sentences around both copies
 * are aligned word by word; a substituted number, date, proper name or quoted word becomes a
 * suggestion, and so does an aligned sentence that the two sources give to different speakers.
 *
 * Precision is preferred to recall throughout: a side whose speaker is unclear is not compared, and
 * only substitutions inside shared wording count. Boilerplate passages are skipped.
 */
import type { ReusePassage, ReuseSpan } from '../model/schemas';
import { alignTokens } from './align';
import { attributeSentence, type Attribution } from './attribution';
import { type AnalysedDocument, analyseDocument, sentencesOverlapping, tokenRange } from './document';
import { samePerson } from './people';
import { suggestionId } from './suggestion-id';
import { isRangeWithin, type TextRange } from '../text/text-range';
import type { InconsistencyCategory, InconsistencySuggestion, SourceTexts } from './types';
import { type Side, type ValueCategory, classifyHunk } from './value-diff';

/** Fewest aligned words for two sentences to count as copies of each other. */
const MIN_SENTENCE_MATCH = 5;

interface Copy {
  doc: AnalysedDocument;
  span: TextRange;
  /** Words that identify this copy in the suggestion id. */
  context: string;
  value: string;
}

/**
 * The inconsistencies worth proposing between the two copies of each passage, deduplicated by id and
 * ordered by source id and offset. Passages naming a source missing from `sources` are skipped.
 *
 * @throws RangeError when a passage's span does not lie inside its source's text.
 */
export function suggestInconsistencies(
  sources: SourceTexts,
  passages: readonly ReusePassage[],
): InconsistencySuggestion[] {
  const texts = sourceTextMap(sources);
  const docs = new Map<string, AnalysedDocument>();
  const docFor = (id: string): AnalysedDocument | undefined => {
    const text = texts.get(id);
    if (text === undefined) return undefined;
    let doc = docs.get(id);
    if (!doc) docs.set(id, (doc = analyseDocument(id, text)));
    return doc;
  };

  const found = new Map<string, InconsistencySuggestion>();
  for (const passage of passages) {
    if (passage.boilerplate) continue;
    const docA = docFor(passage.a.source);
    const docB = docFor(passage.b.source);
    if (!docA || !docB) continue;
    checkSpan(docA, passage.a);
    checkSpan(docB, passage.b);
    for (const s of compareCopies(docA, passage.a, docB, passage.b)) if (!found.has(s.id)) found.set(s.id, s);
  }
  return [...found.values()].sort(
    (x, y) =>
      x.targets[0].source.localeCompare(y.targets[0].source) ||
      x.targets[0].start - y.targets[0].start ||
      x.category.localeCompare(y.category),
  );
}

function sourceTextMap(sources: SourceTexts): Map<string, string> {
  const out = new Map<string, string>();
  if (Array.isArray(sources)) {
    for (const s of sources as readonly { id: string; text: string }[]) out.set(s.id, s.text);
  } else {
    for (const [id, s] of sources as ReadonlyMap<string, { text: string } | string>) {
      out.set(id, typeof s === 'string' ? s : s.text);
    }
  }
  return out;
}

/**
 * Checks that a passage's span lies inside its source.
 *
 * @throws RangeError when it does not.
 */
export function checkSpan(doc: { id: string; text: string }, span: ReuseSpan): void {
  if (!isRangeWithin(span, doc.text.length)) {
    throw new RangeError(`Passage span ${span.start}-${span.end} is not inside source ${doc.id} (length ${doc.text.length})`);
  }
}

/** Suggestions for one passage: its sentences on both sides, aligned. */
function compareCopies(docA: AnalysedDocument, spanA: TextRange, docB: AnalysedDocument, spanB: TextRange): InconsistencySuggestion[] {
  const sa = sentencesOverlapping(docA, spanA);
  const sb = sentencesOverlapping(docB, spanB);
  if (!sa || !sb) return [];
  const [fromA, toA] = tokenRange(docA, { start: docA.sentences[sa[0]].start, end: docA.sentences[sa[1]].end });
  const [fromB, toB] = tokenRange(docB, { start: docB.sentences[sb[0]].start, end: docB.sentences[sb[1]].end });
  const tokensA = docA.tokens.slice(fromA, toA);
  const tokensB = docB.tokens.slice(fromB, toB);
  const { pairs, hunks } = alignTokens(tokensA, tokensB);
  const out: InconsistencySuggestion[] = [];

  // Attribution, per pair of aligned sentences.
  const attributed = new Set<string>();
  for (const [ia, ib] of alignedSentences(docA, docB, pairs.map(([i, j]) => [fromA + i, fromB + j]))) {
    const attA = attributeSentence(docA, ia);
    const attB = attributeSentence(docB, ib);
    if (!attA || !attB || samePerson(attA.person, attB.person)) continue;
    attributed.add(`${ia}:${ib}`);
    out.push(
      suggestion(
        'attribution',
        copy(docA, statementSpan(docA, ia, attA), attA.person.fullName, ia),
        copy(docB, statementSpan(docB, ib, attB), attB.person.fullName, ib),
      ),
    );
  }

  const sideA: Side = { doc: docA, offset: fromA, length: tokensA.length };
  const sideB: Side = { doc: docB, offset: fromB, length: tokensB.length };
  for (const hunk of hunks) {
    const diff = classifyHunk(hunk, sideA, sideB);
    if (!diff) continue;
    const ia = sentenceOf(docA, diff.a.start);
    const ib = sentenceOf(docB, diff.b.start);
    // A speaker swap shows up as a name swap too; the attribution suggestion says it better.
    if (diff.category === 'name' && attributed.has(`${ia}:${ib}`)) continue;
    const exactA = docA.text.slice(diff.a.start, diff.a.end);
    const exactB = docB.text.slice(diff.b.start, diff.b.end);
    out.push(suggestion(diff.category, copy(docA, diff.a, exactA, ia), copy(docB, diff.b, exactB, ib)));
  }
  return out;
}

function sentenceOf(doc: AnalysedDocument, offset: number): number {
  return sentencesOverlapping(doc, { start: offset, end: offset + 1 })?.[0] ?? 0;
}

/** Pairs of sentence indices sharing enough aligned words to be copies of each other. */
function alignedSentences(docA: AnalysedDocument, docB: AnalysedDocument, pairs: [number, number][]): [number, number][] {
  const counts = new Map<number, Map<number, number>>();
  for (const [i, j] of pairs) {
    const ia = sentenceOf(docA, docA.tokens[i].start);
    const ib = sentenceOf(docB, docB.tokens[j].start);
    const row = counts.get(ia) ?? new Map<number, number>();
    row.set(ib, (row.get(ib) ?? 0) + 1);
    counts.set(ia, row);
  }
  const out: [number, number][] = [];
  for (const [ia, row] of counts) {
    const [ib, n] = [...row].sort((x, y) => y[1] - x[1])[0];
    const lenA = tokenCount(docA, ia);
    const lenB = tokenCount(docB, ib);
    if (n >= MIN_SENTENCE_MATCH && n * 2 >= Math.min(lenA, lenB)) out.push([ia, ib]);
  }
  return out;
}

function tokenCount(doc: AnalysedDocument, index: number): number {
  const [from, to] = tokenRange(doc, doc.sentences[index]);
  return to - from;
}

/** The sentence, widened to its speaker cue when the cue is on the same line ("… defense.” -Mr. Rose"). */
function statementSpan(doc: AnalysedDocument, index: number, attribution: Attribution): TextRange {
  const sentence = doc.sentences[index];
  const line = doc.lines[sentence.line];
  const { cue } = attribution;
  if (cue.start < line.start || cue.end > line.end) return { start: sentence.start, end: sentence.end };
  return { start: Math.min(sentence.start, cue.start), end: Math.max(sentence.end, cue.end) };
}

function copy(doc: AnalysedDocument, span: TextRange, value: string, sentence: number): Copy {
  const [from, to] = tokenRange(doc, doc.sentences[sentence]);
  const context = doc.tokens.slice(from, to).map((t) => t.key).join(' ');
  return { doc, span, context, value };
}

/** The first words of a copy's statement, so suggestions on one pair of sources can be told apart. */
function opening(c: Copy, words = 9): string {
  const all = c.doc.text.slice(c.span.start, c.span.end).replace(/\s+/g, ' ').trim().split(' ');
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}

const VALUE_NOUNS: Record<ValueCategory, string> = {
  number: 'Number',
  date: 'Date',
  name: 'Name',
  quote: 'Quotation wording',
};

function suggestion(category: InconsistencyCategory, x: Copy, y: Copy): InconsistencySuggestion {
  const [first, second] =
    x.doc.id < y.doc.id || (x.doc.id === y.doc.id && x.span.start <= y.span.start) ? [x, y] : [y, x];
  const target = (c: Copy) => ({
    source: c.doc.id,
    start: c.span.start,
    end: c.span.end,
    exact: c.doc.text.slice(c.span.start, c.span.end),
  });
  const summary =
    category === 'attribution'
      ? `Statement “${opening(first)}” given to ${first.value} in ${first.doc.id} and to ${second.value} in ${second.doc.id}`
      : `${VALUE_NOUNS[category]} differs: “${first.value}” in ${first.doc.id}, “${second.value}” in ${second.doc.id}`;
  const valueKey = (c: Copy) => c.value.toLowerCase().replace(/[^\p{L}\p{N}$%]+/gu, ' ').trim();
  return {
    id: suggestionId([category, first.doc.id, first.context, valueKey(first), second.doc.id, second.context, valueKey(second)]),
    category,
    summary,
    targets: [target(first), target(second)],
    evidence: [
      { source: first.doc.id, value: first.value },
      { source: second.doc.id, value: second.value },
    ],
    tags: [category],
  };
}
