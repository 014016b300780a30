/**
 * The coarse half of the revision diff: long runs of tokens that two revisions share, found from
 * anchors instead of by a general diff, so the cost stays near linear in the text length however many
 * paragraphs moved. An anchor is a shingle of consecutive words that occurs exactly once in each text
 * (the idea of patience diff, on shingles because single words repeat too often in prose); each anchor
 * grows into a maximal block of equal tokens. The heaviest chain of blocks in order on both sides is
 * the text that stayed in place; blocks off that chain that still cover text on both sides are moves.
 */
import { BREAK, WORD } from './diff-tokens';
import type { TokenStream } from './diff-tokens';
import { lowerBound } from '../text/binary-search';

/** Old tokens `[o, o + len)` equal new tokens `[n, n + len)` (by loose id). */
export interface TokenRun {
  o: number;
  n: number;
  len: number;
  /** Found off the in-order chain: the text was moved. */
  moved: boolean;
}

/** Words per shingle: long enough to be unique in prose, short enough to fit between edits. */
const SHINGLE_WORDS = 4;
/** Fewest tokens (about four words with their spaces) a moved block must keep to count as moved. */
const MIN_MOVE_TOKENS = 8;

/** Hash of the loose ids of words `w .. w + SHINGLE_WORDS - 1`, for every `w` that starts a shingle. */
function shingleHashes(s: TokenStream): Int32Array {
  const n = Math.max(0, s.words.length - SHINGLE_WORDS + 1);
  const out = new Int32Array(n);
  for (let w = 0; w < n; w++) {
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = Math.imul(h ^ s.loose[s.words[w + k]], 0x01000193);
    out[w] = h;
  }
  return out;
}

/** For each hash: the shingle that has it, or -1 when it occurs more than once. */
function uniqueIndex(hashes: Int32Array): Map<number, number> {
  const at = new Map<number, number>();
  for (let w = 0; w < hashes.length; w++) at.set(hashes[w], at.has(hashes[w]) ? -1 : w);
  return at;
}

/**
 * Maximal blocks of equal tokens grown from the shingles unique in both texts, in old order. Blocks
 * may overlap where text repeats; a hash collision yields a block too short to cover its shingle and
 * is dropped.
 */
export function anchorBlocks(a: TokenStream, b: TokenStream): TokenRun[] {
  const ha = shingleHashes(a);
  const hb = shingleHashes(b);
  const onlyA = uniqueIndex(ha);
  const onlyB = uniqueIndex(hb);
  const blocks: TokenRun[] = [];
  const reached = new Map<number, number>(); // diagonal (n - o) -> old end of its last block
  for (let w = 0; w < ha.length; w++) {
    if (onlyA.get(ha[w]) !== w) continue;
    const v = onlyB.get(ha[w]);
    if (v === undefined || v < 0) continue;
    const i = a.words[w];
    const j = b.words[v];
    if ((reached.get(j - i) ?? -1) > i) continue;
    let s = i;
    let t = j;
    while (s > 0 && t > 0 && a.loose[s - 1] === b.loose[t - 1]) s--, t--;
    let e = i;
    let f = j;
    while (e < a.count && f < b.count && a.loose[e] === b.loose[f]) e++, f++;
    if (e <= a.words[w + SHINGLE_WORDS - 1]) continue;
    [s, e] = withinParagraphs(a.kinds, s, e);
    t = j - (i - s);
    blocks.push({ o: s, n: t, len: e - s, moved: false });
    reached.set(j - i, e);
  }
  return blocks;
}

/**
 * Block edges pulled back so that a block does not reach across a paragraph break unless it goes on
 * to a word on the other side: the punctuation closing a paragraph belongs to it, not to the block
 * of whatever paragraph followed it in the other text (which matters when paragraphs moved).
 */
function withinParagraphs(kinds: Uint8Array, s: number, e: number): [number, number] {
  let k = s;
  while (k < e && kinds[k] !== WORD) if (kinds[k++] === BREAK) s = k;
  k = e - 1;
  while (k >= s && kinds[k] !== WORD) if (kinds[k--] === BREAK) e = k + 1;
  return [s, e];
}

/**
 * The chain of blocks in order on both sides that covers the most tokens: a weighted longest
 * increasing subsequence of the blocks' starts, O(B log B) with a Fenwick tree of prefix maxima over
 * new-side starts. Neighbouring blocks may overlap where both grew over the same punctuation and
 * whitespace (a block grows left from its anchor as far as the texts agree); the overlap is cut from
 * the later block rather than losing either. `blocks` must be sorted by `o`.
 */
export function heaviestChain(blocks: readonly TokenRun[]): TokenRun[] {
  const count = blocks.length;
  if (count === 0) return [];
  const starts = [...new Set(blocks.map((x) => x.n))].sort((x, y) => x - y);
  const tree = new Float64Array(starts.length + 1);
  const treeWho = new Int32Array(starts.length + 1).fill(-1);
  const score = new Float64Array(count);
  const prev = new Int32Array(count).fill(-1);
  for (let j = 0; j < count; ) {
    // Blocks with the same old start cannot follow each other: score them all, then make them available.
    let same = j;
    while (same < count && blocks[same].o === blocks[j].o) same++;
    for (let k = j; k < same; k++) {
      let best = 0;
      let who = -1;
      for (let r = lowerBound(starts, blocks[k].n); r > 0; r -= r & -r) {
        if (tree[r] > best) (best = tree[r]), (who = treeWho[r]);
      }
      score[k] = best + blocks[k].len;
      prev[k] = who;
    }
    for (let k = j; k < same; k++) {
      for (let r = lowerBound(starts, blocks[k].n) + 1; r <= starts.length; r += r & -r) {
        if (score[k] > tree[r]) (tree[r] = score[k]), (treeWho[r] = k);
      }
    }
    j = same;
  }
  let top = 0;
  for (let j = 1; j < count; j++) if (score[j] > score[top]) top = j;
  const picked: TokenRun[] = [];
  for (let j = top; j >= 0; j = prev[j]) picked.push(blocks[j]);
  const chain: TokenRun[] = [];
  let oldEnd = 0;
  let newEnd = 0;
  for (const b of picked.reverse()) {
    const cut = Math.max(0, oldEnd - b.o, newEnd - b.n);
    if (cut >= b.len) continue;
    chain.push(cut ? { ...b, o: b.o + cut, n: b.n + cut, len: b.len - cut } : b);
    oldEnd = b.o + b.len;
    newEnd = b.n + b.len;
  }
  return chain;
}

/**
 * The moved runs: parts of the blocks off the chain whose tokens are free on both sides, longest
 * block first, each at least MIN_MOVE_TOKENS long (shorter leftovers are as likely chance repeats).
 */
export function movedRuns(a: TokenStream, b: TokenStream, blocks: readonly TokenRun[], chain: readonly TokenRun[]): TokenRun[] {
  const usedA = new Uint8Array(a.count);
  const usedB = new Uint8Array(b.count);
  const take = (r: TokenRun): void => {
    usedA.fill(1, r.o, r.o + r.len);
    usedB.fill(1, r.n, r.n + r.len);
  };
  chain.forEach(take);
  const onChain = new Set(chain);
  const moves: TokenRun[] = [];
  const rest = blocks.filter((x) => !onChain.has(x)).sort((x, y) => y.len - x.len);
  for (const block of rest) {
    let from = -1;
    for (let k = 0; k <= block.len; k++) {
      const free = k < block.len && !usedA[block.o + k] && !usedB[block.n + k];
      if (free && from < 0) from = k;
      if (!free && from >= 0) {
        if (k - from >= MIN_MOVE_TOKENS) {
          const run = { o: block.o + from, n: block.n + from, len: k - from, moved: true };
          take(run);
          moves.push(run);
        }
        from = -1;
      }
    }
  }
  return moves;
}
