/**
 * Cutting an aligned chain into pieces at paragraph (block) boundaries shared by both sides. Pieces are
 * the unit of the boilerplate decision: a reused closing paragraph followed by the author's biography is
 * one chain, but two decisions. Adjacent pieces that get the same decision are joined again, so an
 * ordinary reuse still comes out as one passage.
 */
import type { Segment } from './align';

/** A chain cut at shared block boundaries: `starts[k]` is the index in `segments` where piece k begins. */
export interface PiecedChain {
  readonly segments: readonly Segment[];
  readonly starts: readonly number[];
}

/** Token span of segments [from, to) of a chain: [i0, i1) in A and [j0, j1) in B. */
export interface TokenSpan {
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

/** The token span covered by segments [from, to). */
export function spanOf(segments: readonly Segment[], from: number, to: number): TokenSpan {
  const first = segments[from];
  const last = segments[to - 1];
  return { i0: first.i, i1: last.i + last.len, j0: first.j, j1: last.j + last.len };
}

/**
 * Cuts `chain` wherever both sides start a new block at aligned tokens: inside an exact run, or between
 * two runs when both sides changed block across the gap.
 */
export function cutAtBlocks(chain: readonly Segment[], blocksA: Int32Array, blocksB: Int32Array): PiecedChain {
  const segments: Segment[] = [];
  const starts: number[] = [0];
  for (let k = 0; k < chain.length; k++) {
    const seg = chain[k];
    if (k > 0) {
      const prev = segments[segments.length - 1];
      const lastA = prev.i + prev.len - 1;
      const lastB = prev.j + prev.len - 1;
      if (blocksA[seg.i] !== blocksA[lastA] && blocksB[seg.j] !== blocksB[lastB]) starts.push(segments.length);
    }
    let from = 0;
    let gap = seg.gap;
    for (let t = 1; t < seg.len; t++) {
      const newA = blocksA[seg.i + t] !== blocksA[seg.i + t - 1];
      const newB = blocksB[seg.j + t] !== blocksB[seg.j + t - 1];
      if (newA && newB) {
        segments.push({ i: seg.i + from, j: seg.j + from, len: t - from, gap });
        starts.push(segments.length);
        from = t;
        gap = 0;
      }
    }
    segments.push({ i: seg.i + from, j: seg.j + from, len: seg.len - from, gap });
  }
  return { segments, starts };
}

/** Segment index range [from, to) of piece `k`. */
export function pieceRange(chain: PiecedChain, k: number): [number, number] {
  const to = k + 1 < chain.starts.length ? chain.starts[k + 1] : chain.segments.length;
  return [chain.starts[k], to];
}
