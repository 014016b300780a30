/**
 * Claim candidates (issue 11): the sentences of a source that state something a fact-checker can
 * check, scored, with the claimant pre-filled from the attribution cues. A sentence's cues
 * (claim-cues.ts) combine like independent pieces of evidence, score = 1 - Π(1 - weight), and opinion
 * or hope markers, questions and quotations without figures lower it; sentences scoring at least
 * `minScore` are proposed. Site chrome (boilerplate reuse) and very short lines (datelines, memo
 * headers) are left out.
 */
import { tokenRange } from '../inconsistency/document';
import { isInside } from '../inconsistency/text-structure';
import type { TextRange } from '../text/text-range';
import type { Suggestion } from '../inconsistency/types';
import { suggestionId } from '../inconsistency/suggestion-id';
import type { ReusePassage } from '../model/schemas';
import { type Cue, type CueKind, citationSpans, findCues, opinionMarks } from './claim-cues';
import { type Corpus, type CorpusDoc, boilerplateSpans, quotedTitle, targetOf } from './corpus';
import { sentenceSpeakers } from './speaker';

export interface ClaimOptions {
  /** Lowest score proposed (default 0.5). */
  minScore?: number;
  /** Reuse passages: those flagged boilerplate are not searched for claims. */
  passages?: readonly ReusePassage[];
}

export const DEFAULT_MIN_CLAIM_SCORE = 0.5;
/** Fewest words for a line to be a statement rather than a dateline or a header. */
const MIN_WORDS = 4;
const OPINION_FACTOR = 0.65;
const QUESTION_FACTOR = 0.4;
const QUOTE_WITHOUT_FIGURES_FACTOR = 0.8;
const FIGURES: ReadonlySet<CueKind> = new Set(['money', 'percent', 'count', 'date']);
const KIND_NOUNS: Record<CueKind, string> = {
  money: 'amount',
  percent: 'percentage',
  count: 'figure',
  date: 'date',
  schedule: 'schedule',
  ranking: 'ranking',
  legal: 'legal or status claim',
  change: 'change',
};

/** The claim candidates of every source of the corpus, in source order and text order. */
export function findClaimCandidates(corpus: Corpus, options: ClaimOptions = {}): Suggestion[] {
  const minScore = options.minScore ?? DEFAULT_MIN_CLAIM_SCORE;
  const chrome = boilerplateSpans(options.passages);
  const out: Suggestion[] = [];
  for (const entry of corpus.docs) {
    const skip = chrome.get(entry.id) ?? [];
    const speakers = sentenceSpeakers(entry.doc);
    entry.doc.sentences.forEach((sentence, i) => {
      if (isInside(skip, sentence.start)) return;
      const scored = scoreSentence(entry, sentence);
      if (!scored || scored.score < minScore) return;
      out.push(claimSuggestion(entry, sentence, scored.cues, scored.score, speakers[i]?.name ?? ''));
    });
  }
  return out;
}

/** A sentence's cues and score, `undefined` for lines too short to be statements. */
export function scoreSentence(entry: CorpusDoc, sentence: TextRange & { line: number }): { score: number; cues: Cue[] } | undefined {
  const { doc } = entry;
  const [from, to] = tokenRange(doc, sentence);
  const tokens = doc.tokens.slice(from, to);
  if (tokens.filter((t) => /\p{L}/u.test(t.raw)).length < MIN_WORDS) return undefined;
  const cues = findCues({ text: doc.text, tokens, ignored: citationSpans(doc.text, sentence) });
  let score = 1 - cues.reduce((rest, c) => rest * (1 - c.weight), 1);
  score *= OPINION_FACTOR ** Math.min(2, opinionMarks(tokens));
  if (/\?[”"’']?$/.test(doc.text.slice(sentence.start, sentence.end))) score *= QUESTION_FACTOR;
  const quoted = doc.quotes[sentence.line]?.some((q) => q.start <= sentence.start && sentence.start < q.end);
  if (quoted && !cues.some((c) => FIGURES.has(c.kind))) score *= QUOTE_WITHOUT_FIGURES_FACTOR;
  return { score: Math.round(score * 1000) / 1000, cues };
}

function claimSuggestion(entry: CorpusDoc, sentence: TextRange, cues: Cue[], score: number, claimant: string): Suggestion {
  const { doc } = entry;
  const strongest = [...cues].sort((a, b) => b.weight - a.weight || a.span.start - b.span.start).slice(0, 3);
  strongest.sort((a, b) => a.span.start - b.span.start);
  const kinds = [...new Set(strongest.map((c) => KIND_NOUNS[c.kind]))];
  const words = strongest.map((c) => `“${doc.text.slice(c.span.start, c.span.end)}”`).join(', ');
  const who = claimant ? `, given to ${claimant}` : '';
  const [from, to] = tokenRange(doc, sentence);
  const normalised = doc.tokens.slice(from, to).map((t) => t.key).join(' ');
  return {
    id: suggestionId(['claim', entry.id, normalised], 'sug'),
    category: 'claim',
    summary: `Checkable ${kinds.join(', ')} in ${quotedTitle(entry)}: ${words}${who}`,
    targets: [targetOf(entry, sentence)],
    evidence: strongest.map((c) => ({
      source: entry.id,
      value: doc.text.slice(c.span.start, c.span.end),
      start: c.span.start,
      end: c.span.end,
    })),
    tags: ['claim', ...new Set(cues.map((c) => c.kind))],
    score,
    claim: { claimant },
  };
}
