/**
 * One source analysed once for all the passages that touch it: tokens, lines, sentences, quotations and
 * the people it names. Suggestions for many passages reuse this, so it is built once per source.
 */
import { isInside, quotedRanges, splitLines, splitSentences } from './text-structure';
import { type Token, tokenize, tokenIndexAt } from './tokens';
import { type Roster, buildRoster } from './people';
import { partitionPoint } from '../text/binary-search';
import type { TextRange } from '../text/text-range';

/** A sentence and the line (paragraph) it belongs to. */
export interface Sentence extends TextRange {
  /** Index into `AnalysedDocument.lines`. */
  line: number;
}

/** A source text with the structure the inconsistency rules read. */
export interface AnalysedDocument {
  id: string;
  text: string;
  tokens: Token[];
  lines: TextRange[];
  sentences: Sentence[];
  /** Quoted ranges per line, same index as `lines`. */
  quotes: TextRange[][];
  roster: Roster;
}

/** Analyses one source. */
export function analyseDocument(id: string, text: string): AnalysedDocument {
  const lines = splitLines(text);
  const sentences: Sentence[] = [];
  lines.forEach((line, i) => {
    for (const s of splitSentences(text, line)) sentences.push({ ...s, line: i });
  });
  const tokens = tokenize(text);
  const quotes = lines.map((line) => quotedRanges(text, line));
  return { id, text, tokens, lines, sentences, quotes, roster: buildRoster(text, tokens) };
}

/** Index of the sentence containing `offset`, or the first one after it. */
export function sentenceIndexAt(doc: AnalysedDocument, offset: number): number {
  return partitionPoint(doc.sentences.length, (i) => doc.sentences[i].end <= offset);
}

/** The sentences overlapping `span`, as a range of sentence indices [first, last]. */
export function sentencesOverlapping(doc: AnalysedDocument, span: TextRange): [number, number] | undefined {
  const first = sentenceIndexAt(doc, span.start);
  let last = first - 1;
  for (let i = first; i < doc.sentences.length && doc.sentences[i].start < span.end; i++) last = i;
  return last >= first ? [first, last] : undefined;
}

/** Token indices [from, to) lying inside `span`. */
export function tokenRange(doc: AnalysedDocument, span: TextRange): [number, number] {
  const from = tokenIndexAt(doc.tokens, span.start);
  let to = from;
  while (to < doc.tokens.length && doc.tokens[to].end <= span.end) to++;
  return [from, to];
}

/** Whether `offset` lies inside a quotation on its line. */
export function isQuoted(doc: AnalysedDocument, line: number, offset: number): boolean {
  return isInside(doc.quotes[line] ?? [], offset);
}
