/**
 * Re-anchoring by mapping: when a source gets a new revision, one diff of the old and new text
 * (text-diff.ts) carries every target at once; each is then checked against its quote. A quote found
 * intact where the mapping puts it stays (`unchanged`, or `moved` when its text was moved); a passage
 * whose words were edited is re-attached to its new wording (`changed`, the old quote kept in
 * `changedFrom`); only what the mapping cannot place is searched for, approximately and only near
 * where the mapping points (fuzzy-quote.ts); a passage that is gone is `orphaned`, kept with its old
 * quote and context, never dropped. Re-running on targets already re-anchored changes nothing.
 */
import type { Target } from '../model';
import { bestQuoteMatch } from './fuzzy-quote';
import type { ScoredMatch } from './fuzzy-quote';
import type { QuoteSelector } from './match-quote';
import { quoteContext } from './quote-context';
import { diffTexts } from './text-diff';
import { splitsSurrogatePair } from '../text/surrogates';
import type { Segment, TextMapping } from './text-mapping';

/** What happened to a target. */
export type ReanchorStatus = 'unchanged' | 'moved' | 'changed' | 'orphaned';

/** A target after re-anchoring: the same object when nothing about it changed. */
export interface ReanchoredTarget {
  target: Target;
  status: ReanchorStatus;
}

export interface ReanchorOptions {
  /**
   * The revision number of the new text. Written to every target placed in it; a target already
   * anchored to this revision (or a later one) is left as it is.
   */
  revision?: number;
  /** `diffTexts(oldText, newText)`, when the caller has it already. */
  mapping?: TextMapping;
}

/**
 * A replacement at a passage's edge is taken into it when it is at most this many times as long as
 * the part of the passage it replaced (plus a word): a reworded first word belongs to the passage, a
 * rewritten paragraph that happens to overlap its start does not.
 */
const EDGE_GROWTH = 2;
const EDGE_SLACK = 16;
/** Without a whole word kept, at least this share of the characters must be (a fixed typo). */
const MIN_KEPT_SHARE = 0.5;
/**
 * What the search must find to be believed. Either its context supports it: a normalised Hypothesis
 * score this high and one side of the recorded context found almost as it was (prose repeats short
 * phrases, and its stock words make any two contexts look a little alike, so a quote with
 * half-matching context elsewhere is more often a coincidence than the passage) ...
 */
const MIN_SEARCH_SCORE = 0.75;
const MIN_CONTEXT_SCORE = 0.9;
/** Even with its context, a quote must be found with at most this share of its characters edited (a short word replaced by another is gone). */
const MAX_SEARCH_ERRORS = 0.3;
/**
 * ... or the quote is distinctive on its own (a paragraph that moved loses both its neighbours): at
 * least this many words, found with few errors, and only once where it was looked for.
 */
const MIN_DISTINCT_WORDS = 3;
const MIN_DISTINCT_QUOTE_SCORE = 0.9;
/** A quote occurring more often than this in the whole text is not looked for there: it is not telling. */
const MAX_ELSEWHERE = 20;
/**
 * How far around the mapped range an intact copy of the quote is looked for: where a word next to
 * the passage was inserted or deleted and it repeats the passage's own first or last word, the diff
 * may line up the other copy of that word, which shifts the mapped edge by a word.
 */
const EDGE_SLIP = 24;
/** Characters searched on each side of the mapped place, at least. */
const MIN_WINDOW = 512;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const WORDS = /[\p{L}\p{N}]+/gu;
const SPACE = /\s/u;

/**
 * Every target carried from `oldText` to `newText`, in the same order. The targets must all be on the
 * revised source; their offsets refer to `oldText` (a target that already fits `newText` but not
 * `oldText` is taken as re-anchored and kept). Pure.
 */
export function reanchorTargets(oldText: string, newText: string, targets: readonly Target[], opts: ReanchorOptions = {}): ReanchoredTarget[] {
  let mapping = opts.mapping;
  const mapped = (): TextMapping => (mapping ??= diffTexts(oldText, newText));
  return targets.map((t) => reanchorOne(t, oldText, newText, mapped, opts.revision));
}

function reanchorOne(t: Target, oldText: string, newText: string, mapping: () => TextMapping, revision: number | undefined): ReanchoredTarget {
  if (revision !== undefined && t.revision !== undefined && t.revision >= revision) return { target: t, status: t.orphaned ? 'orphaned' : 'unchanged' };
  const place = (start: number, end: number, status: ReanchorStatus): ReanchoredTarget => ({ target: placed(t, newText, start, end, status, revision), status });
  const orphan = (): ReanchoredTarget => ({ target: t.orphaned ? t : { ...t, orphaned: true }, status: 'orphaned' });
  if (t.exact.length === 0) {
    const at = fits(oldText, t) ? mapping().map(t.start) : Math.min(t.start, newText.length);
    return place(at, at, 'unchanged');
  }
  const selector = { exact: t.exact, prefix: t.prefix, suffix: t.suffix, start: t.start };
  if (t.orphaned) {
    // Its offsets belong to some older text: only an exact, well-supported occurrence heals it.
    const found = elsewhere(newText, selector);
    return found ? place(found.start, found.end, 'moved') : orphan();
  }

  let near = Math.min(t.start, newText.length);
  if (fits(oldText, t)) {
    const m = mapping();
    const from = m.mapResult(t.start, 1);
    const to = m.mapResult(t.end, -1);
    // Edges that went separate ways (an edited edge next to a moved paragraph): take what was kept
    // of the passage instead.
    const [mappedStart, mappedEnd] = from.pos <= to.pos ? [edgeStart(m, t, from.pos), edgeEnd(m, t, to.pos)] : keptCluster(m, t);
    const [start, end] = wordEdges(oldText, t, newText, mappedStart, mappedEnd);
    near = mappedStart;
    const kept = newText.slice(start, end) === t.exact ? start : intactNear(newText, t.exact, start, end);
    if (kept >= 0) return place(kept, kept + t.exact.length, from.moved || to.moved ? 'moved' : 'unchanged');
    if (start < end && isRewording(m.kept(t.start, t.end, start, end), oldText, newText, end - start, t.end - t.start)) {
      return place(start, end, 'changed');
    }
  } else if (fits(newText, t)) {
    return place(t.start, t.end, 'unchanged');
  }

  const pad = Math.max(MIN_WINDOW, t.exact.length);
  const found =
    accepted(bestQuoteMatch(newText, { ...selector, start: near }, { from: near - pad, to: near + t.exact.length + pad }), t.exact, true) ??
    // With the recorded position as hint, as when an orphan is retried: a second run decides alike.
    elsewhere(newText, selector);
  if (!found) return orphan();
  const start = splitsSurrogatePair(newText, found.start) ? found.start - 1 : found.start;
  const end = splitsSurrogatePair(newText, found.end) ? found.end + 1 : found.end;
  return place(start, end, newText.slice(start, end) === t.exact ? 'moved' : 'changed');
}

/**
 * Whether what was kept makes the new range the old passage reworded rather than something else in
 * its place: a whole word of it (two characters or more) survived, or (a fixed typo, a changed
 * ending) most of its characters.
 */
function isRewording(kept: readonly Segment[], oldText: string, newText: string, newLength: number, oldLength: number): boolean {
  const total = kept.reduce((sum, k) => sum + k.length, 0);
  return total >= MIN_KEPT_SHARE * Math.max(newLength, oldLength) || kept.some((k) => keepsWholeWord(oldText, newText, k));
}

/**
 * Whether a kept piece holds a word of two characters or more that is a whole word in both texts
 * (a kept prefix such as "nit" of "nitchiomtar" -> "nit" is not).
 */
function keepsWholeWord(oldText: string, newText: string, k: Segment): boolean {
  const isWord = (text: string, at: number): boolean => at >= 0 && at < text.length && WORD_CHAR.test(text[at]);
  const shift = k.newStart - k.oldStart;
  for (let at = k.oldStart; at < k.oldStart + k.length; at++) {
    if (!isWord(oldText, at) || isWord(oldText, at - 1) || isWord(newText, at + shift - 1)) continue;
    let end = at;
    while (end < k.oldStart + k.length && isWord(oldText, end)) end++;
    if (end - at >= 2 && !isWord(oldText, end) && !isWord(newText, end + shift)) return true;
    at = end;
  }
  return false;
}

/** The mapped start, moved back over a short replacement of the passage's first words. */
function edgeStart(m: TextMapping, t: Target, mapped: number): number {
  const r = m.replacementAt(t.start);
  return r && r.newEnd - r.newStart <= EDGE_GROWTH * (Math.min(r.oldEnd, t.end) - t.start) + EDGE_SLACK ? r.newStart : mapped;
}

/** The mapped end, moved on over a short replacement of the passage's last words. */
function edgeEnd(m: TextMapping, t: Target, mapped: number): number {
  const r = m.replacementAt(t.end);
  return r && r.newEnd - r.newStart <= EDGE_GROWTH * (t.end - Math.max(r.oldStart, t.start)) + EDGE_SLACK ? r.newEnd : mapped;
}

/**
 * The new range spanned by the largest kept piece of the passage and the kept pieces near it (within
 * the passage's length); an empty range at the start's mapping when nothing was kept.
 */
function keptCluster(m: TextMapping, t: Target): [number, number] {
  const pieces = m.kept(t.start, t.end, 0, m.newText.length).map((k): [number, number] => [k.newStart, k.newStart + k.length]);
  if (pieces.length === 0) return [m.map(t.start), m.map(t.start)];
  let [lo, hi] = pieces.reduce((x, y) => (y[1] - y[0] > x[1] - x[0] ? y : x));
  const reach = t.end - t.start;
  for (const [from, to] of pieces) if (from >= lo - reach && to <= hi + reach) (lo = Math.min(lo, from)), (hi = Math.max(hi, to));
  return [lo, hi];
}

/**
 * Start of an occurrence of `exact` within EDGE_SLIP of the mapped `[start, end)` and overlapping
 * it by at least half its length (the nearest such), or -1.
 */
function intactNear(text: string, exact: string, start: number, end: number): number {
  // Searched in a slice: indexOf on the whole text would run to the next far-away occurrence.
  const from = Math.max(0, start - EDGE_SLIP);
  const window = text.slice(from, end + EDGE_SLIP);
  let best = -1;
  for (let k = window.indexOf(exact); k !== -1; k = window.indexOf(exact, k + 1)) {
    const at = from + k;
    const overlap = Math.min(at + exact.length, end) - Math.max(at, start);
    if (2 * overlap >= exact.length && (best < 0 || Math.abs(at - start) < Math.abs(best - start))) best = at;
  }
  return best;
}

function fits(text: string, t: Target): boolean {
  return t.end <= text.length && text.slice(t.start, t.end) === t.exact;
}

/**
 * The quote found intact anywhere in the text (moved further than the mapping could tell), when it
 * occurs rarely enough for its context to single out one occurrence.
 */
function elsewhere(text: string, quote: QuoteSelector): ScoredMatch | null {
  let count = 0;
  for (let at = text.indexOf(quote.exact); at !== -1 && count <= MAX_ELSEWHERE; at = text.indexOf(quote.exact, at + 1)) count++;
  return count > 0 && count <= MAX_ELSEWHERE ? accepted(bestQuoteMatch(text, quote, { approximate: false }), quote.exact, count === 1) : null;
}

/**
 * `match` when it is believable (see MIN_SEARCH_SCORE and MIN_DISTINCT_WORDS). `only`: it was the
 * one candidate in the whole text, or it was found in a window small enough to hold one.
 */
function accepted(match: ScoredMatch | null, exact: string, only: boolean): ScoredMatch | null {
  if (!match) return null;
  const supported = match.score >= MIN_SEARCH_SCORE && Math.max(match.prefixScore, match.suffixScore) >= MIN_CONTEXT_SCORE;
  if (supported && match.quoteScore >= 1 - MAX_SEARCH_ERRORS) return match;
  const distinct = only && match.quoteScore >= MIN_DISTINCT_QUOTE_SCORE && (exact.match(WORDS) ?? []).length >= MIN_DISTINCT_WORDS;
  return distinct ? match : null;
}

/**
 * The mapped range with the edges the annotator chose: where the old quote began (ended) at a word
 * boundary, an edge that now falls inside a word is moved out to that word's edge (an edited word at
 * the edge belongs to the passage), and whitespace the old quote did not have at an edge is dropped.
 */
function wordEdges(oldText: string, t: Target, text: string, start: number, end: number): [number, number] {
  const isWord = (s: string, at: number): boolean => at >= 0 && at < s.length && WORD_CHAR.test(s[at]);
  if (start >= end) return [start, end];
  if (!isWord(oldText, t.start - 1)) while (isWord(text, start - 1) && isWord(text, start)) start--;
  if (!isWord(oldText, t.end)) while (isWord(text, end) && isWord(text, end - 1)) end++;
  if (!SPACE.test(t.exact[0])) while (start < end && SPACE.test(text[start])) start++;
  if (!SPACE.test(t.exact[t.exact.length - 1])) while (end > start && SPACE.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * `t` at `[start, end)` of `text`, with fresh context; `t` itself when that is where it already was.
 * A `changed` target takes the new wording and keeps the wording it was made on in `changedFrom`
 * (the first one, across several revisions, until someone accepts the change).
 */
function placed(t: Target, text: string, start: number, end: number, status: ReanchorStatus, revision: number | undefined): Target {
  const exact = text.slice(start, end);
  const context = quoteContext(text, start, end);
  const changedFrom = status === 'changed' ? (t.changedFrom ?? { exact: t.exact, ...(t.revision ? { revision: t.revision } : {}) }) : t.changedFrom;
  const same =
    !t.orphaned &&
    t.start === start && t.end === end && t.exact === exact &&
    t.prefix === context.prefix && t.suffix === context.suffix &&
    (revision === undefined || t.revision === revision) &&
    t.changedFrom === changedFrom;
  if (same) return t;
  const { orphaned: _orphaned, changedFrom: _from, revision: _revision, ...rest } = t;
  return {
    ...rest,
    start,
    end,
    exact,
    ...context,
    ...(changedFrom && changedFrom.exact !== exact ? { changedFrom } : {}),
    ...(revision !== undefined ? { revision } : t.revision !== undefined ? { revision: t.revision } : {}),
  };
}
