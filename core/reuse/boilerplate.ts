/**
 * Deciding which reused passages are site boilerplate: text an outlet repeats across its pages
 * (navigation, "Note to our Readers", sidebars, footers, author biographies). Such passages are flagged,
 * never hidden. Only passages between two documents of the same outlet (given, or inferred by
 * outlet-inference.ts when a document has none) can be boilerplate; three signals are combined, any
 * one suffices:
 *
 * 1. Frequency: the passage's fingerprints recur in at least {@link MIN_FREQUENT_DOCS} documents and
 *    {@link FREQUENT_SHARE} of the outlet's documents. Decisive in real corpora, where chrome is on most
 *    pages; useless with two documents per outlet, where everything shared is in "all" of them.
 * 2. Chrome shape at an edge: the chain touches several short blocks (headings, dates, "Learn More"),
 *    at least {@link NAV_SHARE} of its blocks on both sides, and lies in the header or footer zone of
 *    both documents: at most {@link EDGE_WORDS} words of unshared prose between it and the document start
 *    (or end). Short blocks and other shared chains do not count as prose, so a footer made of several
 *    shared pieces with differing dates or list items in between is one zone. In an outlet big enough
 *    for frequency to tell ({@link INFORMATIVE_OUTLET} documents), this only confirms pieces that recur
 *    beyond the pair: a reused paragraph that happens to sit right above the footer in both documents
 *    joins the footer's chain, but it is rare in the outlet and is not flagged with it.
 * 3. Author footer: a piece naming the (common) author of both documents, in the footer or header zone.
 *    Deliberate choice: a shared author biography ("Mina Fabulous follows the news...") is boilerplate,
 *    like any other byline furniture. The reused paragraphs just before it are prose without short
 *    blocks and without the author's name, so they stay real reuse; pieces are cut at the paragraph
 *    boundary for that reason (see pieces.ts).
 */
import type { Fingerprints } from './fingerprint';
import type { PiecedChain } from './pieces';
import { pieceRange, spanOf } from './pieces';
import type { TokenizedText } from './tokenize';
import { lowerBound } from '../text/binary-search';

/** Blocks of at most this many words count as short (navigation, headings, dates). */
export const SHORT_BLOCK_WORDS = 5;
/** Share of short blocks among the blocks a chain touches for it to look like chrome. */
export const NAV_SHARE = 0.4;
/** Unshared prose allowed between a boilerplate chain and the document edge. */
export const EDGE_WORDS = 50;
/** Frequency signal: minimum documents of the outlet holding the passage... */
export const MIN_FREQUENT_DOCS = 3;
/** ...and minimum share of the outlet's documents. */
export const FREQUENT_SHARE = 0.4;
/** Outlet size from which frequency is trusted to veto the shape signal for rare pieces. */
export const INFORMATIVE_OUTLET = 6;
/** Fingerprints sampled per piece for the frequency signal. */
const FREQUENCY_SAMPLES = 7;

/** What boilerplate detection needs to know about one document. */
export interface BoilerplateDoc {
  readonly tokens: TokenizedText;
  readonly fingerprints: Fingerprints;
  /** Word hashes of the author's name, when known. */
  readonly author?: Int32Array;
  /** {@link proseBefore} of the tokens. */
  readonly prose: Int32Array;
}

/** Prose tokens (outside short blocks) before each token: `prose[t]` counts tokens [0, t). */
export function proseBefore(tokens: TokenizedText): Int32Array {
  const n = tokens.hashes.length;
  const before = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) before[t + 1] = before[t] + (tokens.blockWords[tokens.blocks[t]] > SHORT_BLOCK_WORDS ? 1 : 0);
  return before;
}

/**
 * Unshared prose words before `t0` and from `t1` on, in a document whose shared spans (this pair's
 * chains) are `spans`, sorted by start and merged.
 */
function unsharedProse(prose: Int32Array, spans: readonly [number, number][], t0: number, t1: number): [number, number] {
  const n = prose.length - 1;
  let before = prose[t0];
  let after = prose[n] - prose[t1];
  for (const [s, e] of spans) {
    if (s < t0) before -= prose[Math.min(e, t0)] - prose[s];
    if (e > t1) after -= prose[e] - prose[Math.max(s, t1)];
  }
  return [before, after];
}

function mergedSpans(chains: readonly PiecedChain[], side: 'a' | 'b'): [number, number][] {
  const spans = chains.map((chain): [number, number] => {
    const s = spanOf(chain.segments, 0, chain.segments.length);
    return side === 'a' ? [s.i0, s.i1] : [s.j0, s.j1];
  });
  spans.sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/** Short blocks and all blocks touched by tokens [t0, t1). */
function blockShape(tokens: TokenizedText, t0: number, t1: number): [number, number] {
  let short = 0;
  const first = tokens.blocks[t0];
  const last = tokens.blocks[t1 - 1];
  for (let blk = first; blk <= last; blk++) if (tokens.blockWords[blk] <= SHORT_BLOCK_WORDS) short++;
  return [short, last - first + 1];
}

function containsRun(words: Int32Array, t0: number, t1: number, run: Int32Array): boolean {
  if (run.length === 0) return false;
  outer: for (let t = t0; t + run.length <= t1; t++) {
    for (let k = 0; k < run.length; k++) if (words[t + k] !== run[k]) continue outer;
    return true;
  }
  return false;
}

function sameWords(x: Int32Array | undefined, y: Int32Array | undefined): x is Int32Array {
  if (!x || !y || x.length === 0 || x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/**
 * Boilerplate signals that depend on the pair alone (signals 2 and 3), computed whatever the two
 * outlets: they count only between documents of one outlet (see {@link decide}'s callers), but the
 * chrome shape is also what links documents into an inferred outlet (outlet-inference.ts), and the
 * outlets themselves may be inferred after the pair was aligned.
 */
export interface PairSignals {
  /** Per chain: chrome-shaped and in the header or footer zone of both documents. */
  readonly chromeShape: boolean[];
  /** Per chain, per piece: names the common author, at an edge. */
  readonly authorFooter: boolean[][];
}

/** Computes the pair-level signals; signal 1 depends on the whole corpus, see {@link decide}. */
export function pairSignals(a: BoilerplateDoc, b: BoilerplateDoc, chains: readonly PiecedChain[]): PairSignals {
  const chromeShape = chains.map(() => false);
  const authorFooter = chains.map((c) => c.starts.map(() => false));
  if (chains.length === 0) return { chromeShape, authorFooter };
  const spansA = mergedSpans(chains, 'a');
  const spansB = mergedSpans(chains, 'b');
  const atEdge = (i0: number, i1: number, j0: number, j1: number): boolean => {
    const [beforeA, afterA] = unsharedProse(a.prose, spansA, i0, i1);
    const [beforeB, afterB] = unsharedProse(b.prose, spansB, j0, j1);
    return (beforeA <= EDGE_WORDS && beforeB <= EDGE_WORDS) || (afterA <= EDGE_WORDS && afterB <= EDGE_WORDS);
  };
  const author = sameWords(a.author, b.author) ? a.author : undefined;
  chains.forEach((chain, c) => {
    const whole = spanOf(chain.segments, 0, chain.segments.length);
    const [shortA, allA] = blockShape(a.tokens, whole.i0, whole.i1);
    const [shortB, allB] = blockShape(b.tokens, whole.j0, whole.j1);
    const navLike = shortA > 0 && shortB > 0 && shortA + shortB >= NAV_SHARE * (allA + allB);
    chromeShape[c] = navLike && atEdge(whole.i0, whole.i1, whole.j0, whole.j1);
    if (!author) return;
    for (let k = 0; k < chain.starts.length; k++) {
      const [from, to] = pieceRange(chain, k);
      const s = spanOf(chain.segments, from, to);
      authorFooter[c][k] =
        containsRun(a.tokens.hashes, s.i0, s.i1, author) &&
        containsRun(b.tokens.hashes, s.j0, s.j1, author) &&
        atEdge(s.i0, s.i1, s.j0, s.j1);
    }
  });
  return { chromeShape, authorFooter };
}

/**
 * Up to {@link FREQUENCY_SAMPLES} fingerprint hashes evenly spread over the n-grams that start in
 * tokens [t0, t1) of a document and end inside the chain's tokens [c0, c1). A piece too short to start
 * one (a one-word menu line at the chain's end) is judged by the n-grams of the chain that cover it.
 */
export function sampleFingerprints(fp: Fingerprints, t0: number, t1: number, c0: number, c1: number, n: number): number[] {
  const pos = fp.positions;
  let lo = lowerBound(pos, t0);
  let end = lo;
  while (end < pos.length && pos[end] < t1 && pos[end] + n <= c1) end++;
  if (end === lo) {
    lo = lowerBound(pos, Math.max(c0, t0 - n + 1));
    end = lo;
    while (end < pos.length && pos[end] < t1 && pos[end] + n <= c1) end++;
  }
  const count = end - lo;
  if (count <= FREQUENCY_SAMPLES) return Array.from(fp.hashes.subarray(lo, end));
  const out: number[] = [];
  for (let s = 0; s < FREQUENCY_SAMPLES; s++) out.push(fp.hashes[lo + Math.floor(((s + 0.5) * count) / FREQUENCY_SAMPLES)]);
  return out;
}

/** Median number of the outlet's documents holding the sampled fingerprints (0 without samples). */
export function outletFrequency(samples: readonly number[], outletDocs: (hash: number) => number): number {
  if (samples.length === 0) return 0;
  const counts = samples.map(outletDocs).sort((x, y) => x - y);
  return counts[counts.length >> 1];
}

/**
 * Final decision for one piece of a same-outlet pair, given the pair signals, the piece's outlet
 * frequency (see {@link outletFrequency}) and the outlet's document count.
 */
export function decide(chromeShape: boolean, authorFooter: boolean, frequency: number, outletSize: number): boolean {
  if (authorFooter) return true;
  if (frequency >= MIN_FREQUENT_DOCS && frequency >= FREQUENT_SHARE * outletSize) return true;
  return chromeShape && (outletSize < INFORMATIVE_OUTLET || frequency >= MIN_FREQUENT_DOCS);
}
