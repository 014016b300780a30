/**
 * Approximate quote matching, the method of the Hypothesis client as its documentation and
 * source describe it: exact occurrences first, otherwise approx-string-match (Myers' bit-parallel
 * search, Hypothesis's own library) allowing min(256, length / 2) errors; every candidate scored
 * 50 x quote similarity + 20 x prefix similarity + 20 x suffix similarity + 2 x closeness to the
 * expected position, normalised to 0..1. Re-anchoring uses it only inside a window near where the
 * revision mapping puts a passage; the benchmark's baseline uses it on the whole text per target.
 */
import search from 'approx-string-match';
import type { QuoteSelector } from './match-quote';

/** One candidate place for a quote. */
export interface ScoredMatch {
  start: number;
  end: number;
  /** Edits between the quote and the text at [start, end). */
  errors: number;
  /** Weighted quote, context and position similarity, 0..1 (1: exact, same context, same place). */
  score: number;
  /** 1 - errors / quote length. */
  quoteScore: number;
  /** Similarity of the text before and after the candidate to the recorded prefix and suffix, 0..1. */
  prefixScore: number;
  suffixScore: number;
}

const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
/** Exact occurrences weighed at most by default: a quote this frequent cannot be told apart anyway. */
const MAX_EXACT = 1000;

/** Where to look: `[from, to)` of the text (default: all of it), and whether to try approximate matches. */
export interface QuoteSearch {
  from?: number;
  to?: number;
  /** false: exact occurrences only. */
  approximate?: boolean;
  /** Exact occurrences weighed at most (default 1000; Hypothesis itself has no limit). */
  maxExact?: number;
}

/**
 * The best-scored place for `quote` in `text`, or `null` when nothing within the error budget occurs
 * in the searched range.
 *
 * @throws RangeError when `quote.exact` is empty.
 */
export function bestQuoteMatch(text: string, quote: QuoteSelector, where: QuoteSearch = {}): ScoredMatch | null {
  const { exact } = quote;
  if (exact.length === 0) throw new RangeError('Cannot match an empty quote');
  const from = Math.max(0, where.from ?? 0);
  const to = Math.min(text.length, where.to ?? text.length);
  let candidates = exactOccurrences(text, exact, from, to, where.maxExact ?? MAX_EXACT);
  if (candidates.length === 0 && where.approximate !== false && to > from) {
    const maxErrors = Math.min(256, Math.floor(exact.length / 2));
    candidates = search(text.slice(from, to), exact, maxErrors).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
  }
  let best: ScoredMatch | null = null;
  for (const c of candidates) {
    const scored = scoreMatch(text, quote, c.start, c.end, c.errors);
    if (!best || scored.score > best.score) best = scored;
  }
  return best;
}

/**
 * The quote found at `[start, end)` with `errors` edits, scored the Hypothesis way. Missing context
 * counts as agreeing: there is nothing to contradict the place.
 */
export function scoreMatch(text: string, quote: QuoteSelector, start: number, end: number, errors: number): ScoredMatch {
  const quoteScore = 1 - errors / quote.exact.length;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const prefixScore = prefix ? similarity(text.slice(Math.max(0, start - prefix.length), start), prefix) : 1;
  const suffixScore = suffix ? similarity(text.slice(end, end + suffix.length), suffix) : 1;
  const positionScore = quote.start === undefined ? 1 : 1 - Math.abs(start - quote.start) / Math.max(1, text.length);
  const score =
    (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore) /
    TOTAL_WEIGHT;
  return { start, end, errors, score, quoteScore, prefixScore, suffixScore };
}

/** 1 - (edits of the best match of `pattern` in `text`) / pattern length; 0 when `text` is empty. */
function similarity(text: string, pattern: string): number {
  if (text.length === 0) return 0;
  if (text === pattern) return 1;
  const matches = search(text, pattern, pattern.length);
  return matches.length ? 1 - matches[0].errors / pattern.length : 0;
}

function exactOccurrences(text: string, exact: string, from: number, to: number, max: number): { start: number; end: number; errors: number }[] {
  const found: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(exact, from); at !== -1 && at + exact.length <= to && found.length < max; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}
