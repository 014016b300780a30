/**
 * Seed-and-extend alignment of one document pair. Shared fingerprints are the seeds; each is extended
 * along its diagonal to a maximal exact match (MEM) of tokens. MEMs are chained in text order on both
 * sides when the gap between them is small and alike (a few words substituted, inserted or dropped),
 * judged by an exact LCS of the gap, which is tiny by construction. Chain ends are then pushed over
 * short edits to exact runs too short to carry a fingerprint. One chain is one reuse: a passage edited
 * here and there comes out whole rather than as a spray of fragments.
 */
import type { Fingerprints } from './fingerprint';
import { anchors, hashSeeds, seedDiagonal, seedI } from './seeds';

/** An exact run A[i, i+len) == B[j, j+len) inside a chain. */
export interface Segment {
  i: number;
  j: number;
  len: number;
  /** Words matched (LCS) in the gap between the previous segment of the chain and this one. */
  gap: number;
}

/** Tuning of the aligner; the defaults suit "a few edits per hundred words". */
export interface AlignParams {
  /** Shingle length of the fingerprints: an anchor guarantees this many equal words. */
  readonly n: number;
  /** Chains matching fewer words are dropped. */
  readonly minWords: number;
}

/** Widest gap (in words, on either side) bridged between two exact runs. */
const MAX_GAP = 16;
/** Most unmatched words (both sides together) in one bridged gap... */
const MAX_COST = 6;
/** ...or in a gap that matches at least as many words as it leaves unmatched (clustered edits). */
const MAX_COST_SIMILAR = 12;
/** Predecessors examined per MEM when chaining. */
const LOOKBACK = 64;
/** Shortest exact run picked up when pushing a chain end over an edit... */
const MIN_EXTENSION_RUN = 3;
/** ...at most this many words away on either side. */
const MAX_EXTENSION_GAP = 10;

const lcsRow = new Int32Array(MAX_GAP + 1);

/** Length of the longest common subsequence of A[ai, ai+an) and B[bj, bj+bn), both at most MAX_GAP. */
function gapLcs(a: Int32Array, ai: number, an: number, b: Int32Array, bj: number, bn: number): number {
  if (an === 0 || bn === 0) return 0;
  lcsRow.fill(0, 0, bn + 1);
  for (let x = 0; x < an; x++) {
    let diag = 0;
    const ax = a[ai + x];
    for (let y = 1; y <= bn; y++) {
      const up = lcsRow[y];
      lcsRow[y] = ax === b[bj + y - 1] ? diag + 1 : up > lcsRow[y - 1] ? up : lcsRow[y - 1];
      diag = up;
    }
  }
  return lcsRow[bn];
}

/** Whether a gap leaving `cost` words unmatched and matching `l` words is a small edit, not new text. */
function bridgeable(cost: number, l: number): boolean {
  return cost <= MAX_COST || (cost <= MAX_COST_SIMILAR && l >= cost);
}

interface Mem {
  i: number;
  j: number;
  len: number;
}

/** Extends each seed to a maximal exact match, skipping seeds inside a MEM already found. */
function maximalMatches(a: Int32Array, b: Int32Array, seeds: Float64Array, n: number): Mem[] {
  const mems: Mem[] = [];
  let lastDiag = -1;
  let lastEnd = -1;
  for (let k = 0; k < seeds.length; k++) {
    const i = seedI(seeds[k]);
    const diag = seedDiagonal(seeds[k]);
    if (diag === lastDiag && i < lastEnd) continue;
    const j = i + diag - a.length;
    let e = i;
    while (e < a.length && e - i + j < b.length && a[e] === b[e - i + j]) e++;
    if (e - i < n) continue; // hash collision, not a real shared n-gram
    let s = i;
    while (s > 0 && s - i + j > 0 && a[s - 1] === b[s - 1 - i + j]) s--;
    mems.push({ i: s, j: s - i + j, len: e - s });
    lastDiag = diag;
    lastEnd = e;
  }
  return mems.sort((p, q) => p.i - q.i || p.j - q.j);
}

/** Chains MEMs by dynamic programming over colinear, bridgeable predecessors. */
function chainMatches(a: Int32Array, b: Int32Array, mems: Mem[]): Segment[][] {
  const m = mems.length;
  const score = new Float64Array(m);
  const pred = new Int32Array(m).fill(-1);
  const trim = new Int32Array(m);
  const gapMatch = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const K = mems[k];
    score[k] = K.len;
    for (let p = k - 1; p >= 0 && p >= k - LOOKBACK; p--) {
      const P = mems[p];
      if (P.i >= K.i || P.j >= K.j) continue;
      const pe = P.i + P.len;
      const pf = P.j + P.len;
      const tr = Math.max(0, pe - K.i, pf - K.j);
      if (tr >= K.len) continue;
      const ga = K.i + tr - pe;
      const gb = K.j + tr - pf;
      if (ga > MAX_GAP || gb > MAX_GAP || Math.abs(ga - gb) > MAX_COST) continue;
      const l = gapLcs(a, pe, ga, b, pf, gb);
      const cost = ga + gb - 2 * l;
      if (!bridgeable(cost, l)) continue;
      const s = score[p] + K.len - tr + l - 0.5 * cost;
      if (s > score[k]) {
        score[k] = s;
        pred[k] = p;
        trim[k] = tr;
        gapMatch[k] = l;
      }
    }
  }
  const order = Array.from({ length: m }, (_, k) => k).sort((x, y) => score[y] - score[x] || x - y);
  const used = new Uint8Array(m);
  const chains: Segment[][] = [];
  for (const end of order) {
    if (used[end]) continue;
    const nodes: number[] = [];
    for (let cur = end; cur >= 0 && !used[cur]; cur = pred[cur]) {
      nodes.push(cur);
      used[cur] = 1;
    }
    nodes.reverse();
    chains.push(
      nodes.map((k, t) => {
        const K = mems[k];
        const tr = t === 0 ? 0 : trim[k];
        return { i: K.i + tr, j: K.j + tr, len: K.len - tr, gap: t === 0 ? 0 : gapMatch[k] };
      }),
    );
  }
  return chains;
}

/**
 * The best exact run reachable from the chain end (i, j) over a bridgeable gap, searching forwards
 * (dir 1) or backwards (dir -1). With `pairs`, two-word runs are taken right after a one-word
 * substitution or indel, the commonest edit; anything else needs three.
 */
function nextRun(a: Int32Array, b: Int32Array, i: number, j: number, dir: 1 | -1, pairs: boolean): Segment | undefined {
  let best: Segment | undefined;
  let bestGain = 0;
  for (let da = 0; da <= MAX_EXTENSION_GAP; da++) {
    for (let db = Math.max(0, da - MAX_COST); db <= MAX_EXTENSION_GAP && db <= da + MAX_COST; db++) {
      // First token of the candidate run, on each side (the last one when going backwards).
      const x = dir === 1 ? i + da : i - 1 - da;
      const y = dir === 1 ? j + db : j - 1 - db;
      if (x < 0 || y < 0 || x >= a.length || y >= b.length || a[x] !== b[y]) continue;
      let r = 1;
      while (
        x + dir * r >= 0 && y + dir * r >= 0 && x + dir * r < a.length && y + dir * r < b.length &&
        a[x + dir * r] === b[y + dir * r]
      ) r++;
      // Cheap rejections before the gap LCS: the run is too short whatever the gap, or even a gap
      // matching min(da, db) words (cost |da - db|) could not beat the best run found so far.
      const skew = da > db ? da - db : db - da;
      if (r < 2 || (r < MIN_EXTENSION_RUN && (!pairs || skew > 2))) continue;
      if (r + Math.min(da, db) - 0.5 * skew <= bestGain) continue;
      const l = dir === 1 ? gapLcs(a, i, da, b, j, db) : gapLcs(a, x + 1, da, b, y + 1, db);
      const cost = da + db - 2 * l;
      if (!bridgeable(cost, l) || (r < MIN_EXTENSION_RUN && (!pairs || cost > 2))) continue;
      const gain = r + l - 0.5 * cost;
      if (gain > bestGain) {
        bestGain = gain;
        best = dir === 1 ? { i: x, j: y, len: r, gap: l } : { i: x - r + 1, j: y - r + 1, len: r, gap: l };
      }
    }
  }
  return best;
}

/**
 * Pushes the chain's ends over short edits to exact runs too short to carry a fingerprint. Two-word
 * runs (`pairs`) only refine the ends of a chain already accepted: they must not make a reuse.
 */
function extendEnds(a: Int32Array, b: Int32Array, chain: Segment[], pairs: boolean): void {
  for (;;) {
    const last = chain[chain.length - 1];
    const next = nextRun(a, b, last.i + last.len, last.j + last.len, 1, pairs);
    if (!next) break;
    chain.push(next);
  }
  for (;;) {
    const first = chain[0];
    const prev = nextRun(a, b, first.i, first.j, -1, pairs);
    if (!prev) break;
    // The gap LCS belongs to the segment after the gap.
    first.gap = prev.gap;
    prev.gap = 0;
    chain.unshift(prev);
  }
}

/** Occurrences from which a word counts as common in a document (an absolute floor, or 1 in 100). */
const COMMON_MIN = 4;
const COMMON_SHARE = 1 / 100;

function occurrences(words: Int32Array, word: number, stopAt: number): number {
  let count = 0;
  for (let t = 0; t < words.length && count < stopAt; t++) if (words[t] === word) count++;
  return count;
}

/**
 * Matched words of a chain minus the common words at its two ends (words frequent in both documents,
 * such as "the", "of" or the story's topic words). A stock phrase padded by a few common words on
 * either side is not reuse: its distinctive core stays below `minWords`. Only called for short chains.
 */
function coreWords(a: Int32Array, b: Int32Array, chain: readonly Segment[]): number {
  const common = new Map<number, boolean>();
  const isCommon = (word: number): boolean => {
    let c = common.get(word);
    if (c === undefined) {
      const ta = Math.max(COMMON_MIN, Math.ceil(a.length * COMMON_SHARE));
      const tb = Math.max(COMMON_MIN, Math.ceil(b.length * COMMON_SHARE));
      c = occurrences(a, word, ta) >= ta && occurrences(b, word, tb) >= tb;
      common.set(word, c);
    }
    return c;
  };
  const matched: number[] = [];
  for (const seg of chain) for (let t = 0; t < seg.len; t++) matched.push(a[seg.i + t]);
  let lo = 0;
  let hi = matched.length;
  while (lo < hi && isCommon(matched[lo])) lo++;
  while (hi > lo && isCommon(matched[hi - 1])) hi--;
  return matchedWords(chain) - lo - (matched.length - hi);
}

/** Least similarity of a short chain: a few edits per hundred words, not three in ten. */
const MIN_SHORT_SIMILARITY = 0.85;

/** A short chain is reuse when it is similar enough and its distinctive core is long enough. */
function acceptShort(a: Int32Array, b: Int32Array, chain: readonly Segment[], words: number, minWords: number): boolean {
  const first = chain[0];
  const last = chain[chain.length - 1];
  const span = last.i + last.len - first.i + (last.j + last.len - first.j);
  return (2 * words) / span >= MIN_SHORT_SIMILARITY && coreWords(a, b, chain) >= minWords;
}

/** Words matched by a run of segments: exact runs plus LCS of the gaps inside it. */
export function matchedWords(segments: readonly Segment[], from = 0, to = segments.length): number {
  let total = 0;
  for (let k = from; k < to; k++) total += segments[k].len + (k > from ? segments[k].gap : 0);
  return total;
}

function overlap(s0: number, e0: number, s1: number, e1: number): number {
  return Math.max(0, Math.min(e0, e1) - Math.max(s0, s1));
}

/** Drops chains lying mostly inside a bigger chain on both sides (echoes of the same reuse). */
function dropContained(chains: Segment[][]): Segment[][] {
  const spans = chains.map((c) => {
    const last = c[c.length - 1];
    return { c, i0: c[0].i, i1: last.i + last.len, j0: c[0].j, j1: last.j + last.len, m: matchedWords(c) };
  });
  spans.sort((x, y) => y.m - x.m || x.i0 - y.i0 || x.j0 - y.j0);
  const kept: typeof spans = [];
  for (const s of spans) {
    const inside = kept.some(
      (k) => overlap(s.i0, s.i1, k.i0, k.i1) * 2 > s.i1 - s.i0 && overlap(s.j0, s.j1, k.j0, k.j1) * 2 > s.j1 - s.j0,
    );
    if (!inside) kept.push(s);
  }
  return kept.sort((x, y) => x.i0 - y.i0 || x.j0 - y.j0).map((s) => s.c);
}

/** Chains the seeds' maximal matches and keeps the chains that are reuse (see {@link alignPair}). */
function alignSeeds(a: Int32Array, b: Int32Array, seeds: Float64Array, params: AlignParams, firstOnly: boolean): Segment[][] {
  if (seeds.length === 0) return [];
  const mems = maximalMatches(a, b, seeds, params.n);
  const chains = chainMatches(a, b, mems);
  const out: Segment[][] = [];
  for (const chain of chains) {
    extendEnds(a, b, chain, false);
    const words = matchedWords(chain);
    if (words >= params.minWords && (words >= 3 * params.minWords || acceptShort(a, b, chain, words, params.minWords))) {
      if (firstOnly) return [chain];
      extendEnds(a, b, chain, true);
      out.push(chain);
    }
  }
  return dropContained(out);
}

/**
 * Aligns two tokenised documents around their shared fingerprints. Returns the chains matching at
 * least `minWords` words, ordered by position in A. Pure: depends on the two documents only.
 */
export function alignPair(
  a: Int32Array,
  fa: Fingerprints,
  b: Int32Array,
  fb: Fingerprints,
  params: AlignParams,
): Segment[][] {
  return alignSeeds(a, b, anchors(fa, fb, a.length), params, false);
}

/**
 * The first chain that {@link alignPair} would accept among those grown from the occurrences of one
 * shared fingerprint `hash` alone, or undefined: the cheap confirmation of a pair whose only rare
 * evidence is that fingerprint (usually a chance collision of common words, rejected in microseconds).
 */
export function alignOnHash(
  a: Int32Array,
  fa: Fingerprints,
  b: Int32Array,
  fb: Fingerprints,
  hash: number,
  params: AlignParams,
): Segment[] | undefined {
  return alignSeeds(a, b, hashSeeds(fa, fb, a.length, hash), params, true)[0];
}
