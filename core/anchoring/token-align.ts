/**
 * Token alignment of two revisions: the anchored blocks (in place and moved, see anchor-blocks.ts),
 * then a finer diff inside every gap that lies between two runs that are neighbours in both texts,
 * and next to moved text, between gaps that share one neighbour. Such gaps are where the words were
 * edited; they are small, so a patience step on tokens unique inside the gap and, below it, jsdiff's
 * Myers diff on the few remaining tokens are cheap there.
 */
import { diffArrays } from 'diff';
import { BREAK_ID, WORD } from './diff-tokens';
import type { TokenStream } from './diff-tokens';
import { anchorBlocks, heaviestChain, movedRuns } from './anchor-blocks';
import { partitionPoint } from '../text/binary-search';
import type { TokenRun } from './anchor-blocks';

/** Gaps up to this many token pairs (old x new) go straight to Myers. */
const SMALL_GAP = 4096;
/** Myers gives up beyond this many edits in one gap; the gap then stays one replacement. */
const MAX_GAP_EDITS = 2000;
const MAX_DEPTH = 24;
/**
 * Two gaps that share only one neighbour are paired only when this share of the larger one's words
 * and punctuation line up: otherwise text deleted next to a moved paragraph and text inserted next
 * to it would be aligned on a stock word or an emoji.
 */
const MIN_PAIRED_SHARE = 0.3;

/** Every run of equal tokens between `a` (old) and `b` (new), sorted by old position, not overlapping. */
export function alignTokens(a: TokenStream, b: TokenStream): TokenRun[] {
  const blocks = anchorBlocks(a, b);
  const chain = heaviestChain(blocks);
  const runs = [...chain, ...movedRuns(a, b, blocks, chain)].sort((x, y) => x.o - y.o);
  const count = runs.length;
  const byNew = runs.map((_, k) => k).sort((x, y) => runs[x].n - runs[y].n);
  const rank = new Int32Array(count);
  byNew.forEach((k, r) => (rank[k] = r));
  // Old gap k lies before runs[k] (k = count: at the end); new gap r before the r-th run in new order.
  const oldGap = (k: number): [number, number] => [k > 0 ? runs[k - 1].o + runs[k - 1].len : 0, k < count ? runs[k].o : a.count];
  const newGap = (r: number): [number, number] => {
    const left = r > 0 ? runs[byNew[r - 1]] : undefined;
    return [left ? left.n + left.len : 0, r < count ? runs[byNew[r]].n : b.count];
  };
  const rankOf = (k: number): number => (k < 0 ? -1 : k >= count ? count : rank[k]);
  const isMoved = (k: number): boolean => k >= 0 && k < count && runs[k].moved;
  const out = [...runs];
  // What is still unaligned of each new gap (whole gaps are consumed, or a head or a tail of one).
  const free = Array.from({ length: count + 1 }, (_, r) => newGap(r));

  // Edits: gaps between two runs that are neighbours in both texts. A gap empty on one side (text
  // deleted or inserted) stays free for the next step: its text may have gone to the other side of
  // a moved neighbour.
  const done = new Uint8Array(count + 1);
  for (let k = 0; k <= count; k++) {
    const r = rankOf(k);
    if (r !== rankOf(k - 1) + 1) continue;
    const [o0, o1] = oldGap(k);
    const [n0, n1] = free[r];
    diffGap(a.loose, b.loose, o0, o1, n0, n1, isMoved(k - 1) && isMoved(k), out, 0);
    if (o0 < o1 && n0 < n1) (done[k] = 1), (free[r] = [n1, n1]);
  }

  // Next to moved text a gap has a different neighbour on each side in the other text: its head
  // may have stayed after its left neighbour and its tail before its right one (the better pairing
  // first); failing both, the text may have crossed a neighbour that moved. A pairing counts only
  // when a fair share of the larger side lines up, so that a stray stock word pairs nothing.
  // `side`: a head pairing looks only at the new gap up to its first paragraph break, a tail pairing
  // only from its last; a pairing across a moved neighbour must line up a word, not just punctuation.
  const attempt = (o0: number, o1: number, r: number, by: number, side: 'head' | 'tail' | 'across'): [TokenRun[], number] | null => {
    if (r < 0 || r > count) return null;
    let [n0, n1] = free[r];
    if (side === 'head' && breakAt(b.loose, n0, n1, 1) >= 0) n1 = breakAt(b.loose, n0, n1, 1);
    if (side === 'tail' && breakAt(b.loose, n0, n1, -1) >= 0) n0 = breakAt(b.loose, n0, n1, -1);
    if (o0 >= o1 || n0 >= n1) return null;
    const found: TokenRun[] = [];
    diffGap(a.loose, b.loose, o0, o1, n0, n1, isMoved(by), found, 0);
    const score = found.reduce((sum, run) => sum + nonSpace(a.loose, run.o, run.o + run.len), 0);
    if (side === 'across' && !found.some((run) => a.kinds.subarray(run.o, run.o + run.len).includes(WORD))) return null;
    return score > 0 && score >= MIN_PAIRED_SHARE * Math.max(nonSpace(a.loose, o0, o1), nonSpace(b.loose, n0, n1)) ? [found, score] : null;
  };
  const take = (found: TokenRun[], r: number, head: boolean): void => {
    out.push(...found);
    free[r] = head ? [Math.max(...found.map((x) => x.n + x.len)), free[r][1]] : [free[r][0], Math.min(...found.map((x) => x.n))];
  };
  for (let k = 0; k <= count; k++) {
    const [from, to] = oldGap(k);
    if (done[k] || from === to) continue;
    const afterLeft = rankOf(k - 1) + 1;
    const beforeRight = rankOf(k);
    const firstBreak = breakAt(a.loose, from, to, 1);
    if (afterLeft !== beforeRight && firstBreak >= 0) {
      // Across a paragraph break, what precedes the break ends the left neighbour's paragraph and
      // what follows it starts the right neighbour's.
      const head = attempt(from, firstBreak, afterLeft, k - 1, 'head');
      if (head) take(head[0], afterLeft, true);
      const tail = attempt(breakAt(a.loose, from, to, -1), to, beforeRight, k, 'tail');
      if (tail) take(tail[0], beforeRight, false);
      if (head || tail) continue;
    } else if (afterLeft !== beforeRight) {
      const head = attempt(from, to, afterLeft, k - 1, 'head');
      const tail = attempt(from, to, beforeRight, k, 'tail');
      if (head && (!tail || head[1] >= tail[1])) {
        take(head[0], afterLeft, true);
        const rest = attempt(Math.max(...head[0].map((x) => x.o + x.len)), to, beforeRight, k, 'tail');
        if (rest) take(rest[0], beforeRight, false);
        continue;
      }
      if (tail) {
        take(tail[0], beforeRight, false);
        const rest = attempt(from, Math.min(...tail[0].map((x) => x.o)), afterLeft, k - 1, 'head');
        if (rest) take(rest[0], afterLeft, true);
        continue;
      }
    }
    for (const [r, by] of [[rankOf(k) + 1, k], [rankOf(k - 1), k - 1]]) {
      const across = attempt(from, to, r, by, 'across');
      if (across) {
        take(across[0], r, true);
        break;
      }
    }
  }
  return out.sort((x, y) => x.o - y.o);
}

/** The first (`dir` 1) or last (`dir` -1) paragraph break in `ids[from, to)`, or -1. */
function breakAt(ids: Int32Array, from: number, to: number, dir: 1 | -1): number {
  const k = dir > 0 ? ids.subarray(from, to).indexOf(BREAK_ID) : ids.subarray(from, to).lastIndexOf(BREAK_ID);
  return k < 0 ? -1 : from + k;
}

/** Whitespace and paragraph breaks have loose ids <= 0 (see diff-tokens.ts). */
const isSpace = (id: number): boolean => id <= 0;

/** How many tokens of `ids[from, to)` are not whitespace. */
function nonSpace(ids: Int32Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (!isSpace(ids[k])) n++;
  return n;
}

/** Appends the runs of equal tokens between old `[o0, o1)` and new `[n0, n1)`. */
function diffGap(
  a: Int32Array, b: Int32Array, o0: number, o1: number, n0: number, n1: number,
  moved: boolean, out: TokenRun[], depth: number,
): void {
  let p = 0;
  while (o0 + p < o1 && n0 + p < n1 && a[o0 + p] === b[n0 + p]) p++;
  let s = 0;
  while (o1 - s > o0 + p && n1 - s > n0 + p && a[o1 - 1 - s] === b[n1 - 1 - s]) s++;
  if (p) out.push({ o: o0, n: n0, len: p, moved });
  if (s) out.push({ o: o1 - s, n: n1 - s, len: s, moved });
  o0 += p;
  n0 += p;
  o1 -= s;
  n1 -= s;
  if (o0 === o1 || n0 === n1) return;
  if ((o1 - o0) * (n1 - n0) > SMALL_GAP && depth < MAX_DEPTH) {
    const anchors = increasingAnchors(a, o0, o1, b, n0, n1);
    if (anchors.length) {
      let po = o0;
      let pn = n0;
      for (const [i, j] of anchors) {
        diffGap(a, b, po, i, pn, j, moved, out, depth + 1);
        out.push({ o: i, n: j, len: 1, moved });
        po = i + 1;
        pn = j + 1;
      }
      diffGap(a, b, po, o1, pn, n1, moved, out, depth + 1);
      return;
    }
  }
  myers(a, b, o0, o1, n0, n1, moved, out);
}

/**
 * jsdiff's Myers diff of old `[o0, o1)` and new `[n0, n1)`, words and punctuation first: with
 * whitespace in, a space could be matched in place of a word, which an edit-distance diff counts the
 * same. The whitespace next to two matched tokens is matched with them; inside what is left between
 * matches (replaced words), a diff of all tokens lines up the spaces, so that two replaced words stay
 * two replacements.
 */
function myers(a: Int32Array, b: Int32Array, o0: number, o1: number, n0: number, n1: number, moved: boolean, out: TokenRun[]): void {
  const inA: number[] = [];
  const inB: number[] = [];
  for (let i = o0; i < o1; i++) if (!isSpace(a[i])) inA.push(i);
  for (let j = n0; j < n1; j++) if (!isSpace(b[j])) inB.push(j);
  const words = lcsPairs(inA.map((i) => a[i]), inB.map((j) => b[j]));
  if (!words) return;
  const pairs: [number, number][] = [];
  const taken = (i: number, j: number): boolean => pairs.length > 0 && (pairs[pairs.length - 1][0] >= i || pairs[pairs.length - 1][1] >= j);
  const alike = (i: number, j: number): boolean => i >= o0 && j >= n0 && i < o1 && j < n1 && isSpace(a[i]) && a[i] === b[j] && !taken(i, j);
  for (const [x, y] of words) {
    const i = inA[x];
    const j = inB[y];
    if (alike(i - 1, j - 1)) pairs.push([i - 1, j - 1]);
    pairs.push([i, j]);
    if (alike(i + 1, j + 1)) pairs.push([i + 1, j + 1]);
  }
  let lastO = o0;
  let lastN = n0;
  for (const [i, j] of [...pairs, [o1, n1] as [number, number]]) {
    if (i > lastO && j > lastN) {
      for (const [x, y] of lcsPairs(Array.from(a.subarray(lastO, i)), Array.from(b.subarray(lastN, j))) ?? []) {
        out.push({ o: lastO + x, n: lastN + y, len: 1, moved });
      }
    }
    if (i < o1) out.push({ o: i, n: j, len: 1, moved });
    lastO = i + 1;
    lastN = j + 1;
  }
}

/** The index pairs of equal items that jsdiff's Myers diff lines up; undefined past MAX_GAP_EDITS. */
function lcsPairs(x: number[], y: number[]): [number, number][] | undefined {
  const changes = diffArrays(x, y, { maxEditLength: MAX_GAP_EDITS });
  if (!changes) return undefined;
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const c of changes) {
    if (c.added) j += c.count;
    else if (c.removed) i += c.count;
    else for (let q = 0; q < c.count; q++) pairs.push([i++, j++]);
  }
  return pairs;
}

/**
 * Patience step: the tokens (not whitespace) that occur once in old `[o0, o1)` and once in new
 * `[n0, n1)`, paired, reduced to the longest run increasing on both sides.
 */
function increasingAnchors(a: Int32Array, o0: number, o1: number, b: Int32Array, n0: number, n1: number): [number, number][] {
  const inA = new Map<number, number>();
  for (let i = o0; i < o1; i++) if (!isSpace(a[i])) inA.set(a[i], inA.has(a[i]) ? -1 : i);
  const inB = new Map<number, number>();
  for (let j = n0; j < n1; j++) if (inA.has(b[j])) inB.set(b[j], inB.has(b[j]) ? -1 : j);
  const pairs: [number, number][] = [];
  for (let i = o0; i < o1; i++) {
    const j = inB.get(a[i]);
    if (j !== undefined && j >= 0 && inA.get(a[i]) === i) pairs.push([i, j]);
  }
  // Longest increasing subsequence by new index (pairs are already in old order).
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const pile = partitionPoint(tails.length, (t) => pairs[tails[t]][1] < pairs[k][1]);
    if (pile > 0) back[k] = tails[pile - 1];
    tails[pile] = k;
  }
  const lis: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = back[k]) lis.push(pairs[k]);
  return lis.reverse();
}
