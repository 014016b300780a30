/**
 * A position mapping from one revision of a text to the next, in the manner of ProseMirror's
 * `Mapping`: `map(pos, assoc)` takes an old UTF-16 offset to a new one and says whether the text
 * around it was deleted. It is built from the segments the two revisions share (see text-diff.ts);
 * everything between segments was deleted, replaced or inserted.
 */
import { partitionPoint } from '../text/binary-search';
import { splitsSurrogatePair } from '../text/surrogates';

/** Old characters `[oldStart, oldStart + length)` equal new characters `[newStart, newStart + length)`. */
export interface Segment {
  oldStart: number;
  newStart: number;
  length: number;
  /** The text was moved, not kept in place. */
  moved: boolean;
}

/** Where an old position went. */
export interface MapResult {
  pos: number;
  /** The position was strictly inside text that was deleted or replaced. */
  deleted: boolean;
  /** The position was carried along with moved text. */
  moved: boolean;
}

/** Old `[oldStart, oldEnd)` was replaced by new `[newStart, newEnd)` (either may be empty). */
export interface Replacement {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** -1: the position sticks to the text before it; 1: to the text after it. */
export type Assoc = -1 | 1;

export class TextMapping {
  /** Shared segments, sorted by old offset, overlapping neither in the old nor in the new text. */
  readonly segments: readonly Segment[];
  /** Place of each segment in new-text order. */
  private readonly newRank: Int32Array;

  /** @throws RangeError when the segments are out of order, overlap or leave either text. */
  constructor(
    readonly oldText: string,
    readonly newText: string,
    segments: readonly Segment[],
  ) {
    let oldEnd = 0;
    for (const s of segments) {
      if (!(s.length > 0 && s.oldStart >= oldEnd && s.oldStart + s.length <= oldText.length && s.newStart >= 0 && s.newStart + s.length <= newText.length)) {
        throw new RangeError(`Segment ${s.oldStart}+${s.length} -> ${s.newStart} does not fit the texts or overlaps the previous one`);
      }
      oldEnd = s.oldStart + s.length;
    }
    const byNew = segments.map((_, k) => k).sort((x, y) => segments[x].newStart - segments[y].newStart);
    this.newRank = new Int32Array(segments.length);
    byNew.forEach((k, r) => {
      const before = r > 0 ? segments[byNew[r - 1]] : undefined;
      if (before && segments[k].newStart < before.newStart + before.length) throw new RangeError('Segments overlap in the new text');
      this.newRank[k] = r;
    });
    this.segments = segments;
  }

  /** The new offset of old offset `pos`. */
  map(pos: number, assoc: Assoc = 1): number {
    return this.mapResult(pos, assoc).pos;
  }

  /**
   * The new offset of old offset `pos`, and how it got there. A position inside kept text moves with
   * it; at the boundary of a replaced range it stays outside the range (before the new text at its
   * start, after it at its end), as in ProseMirror; strictly inside a deleted range it goes to the
   * side `assoc` points to. The result never splits a surrogate pair of the new text.
   *
   * @throws RangeError when `pos` is not an offset in the old text.
   */
  mapResult(pos: number, assoc: Assoc = 1): MapResult {
    if (!(Number.isInteger(pos) && pos >= 0 && pos <= this.oldText.length)) {
      throw new RangeError(`Position ${pos} is not inside a text of length ${this.oldText.length}`);
    }
    const segs = this.segments;
    const k = this.lastStartingAtOrBefore(pos);
    const seg = k >= 0 ? segs[k] : undefined;
    let result: MapResult;
    if (seg && pos < seg.oldStart + seg.length) {
      const before = k > 0 ? segs[k - 1] : undefined;
      // At a boundary between two segments, assoc picks the side (an insertion may lie between).
      result =
        pos === seg.oldStart && assoc < 0 && before && before.oldStart + before.length === pos
          ? { pos: before.newStart + before.length, deleted: false, moved: before.moved }
          : { pos: seg.newStart + (pos - seg.oldStart), deleted: false, moved: seg.moved };
    } else if (seg && pos === seg.oldStart + seg.length) {
      result = { pos: seg.newStart + seg.length, deleted: false, moved: seg.moved };
    } else if (pos === 0 || pos === this.oldText.length) {
      result = { pos: pos === 0 ? 0 : this.newText.length, deleted: false, moved: false };
    } else {
      const after = segs[k + 1];
      const side = assoc < 0 ? (seg ? seg.newStart + seg.length : 0) : after ? after.newStart : this.newText.length;
      result = { pos: side, deleted: true, moved: false };
    }
    result.pos = this.whole(result.pos, assoc);
    return result;
  }

  /**
   * What was kept of old `[oldStart, oldEnd)` and landed inside new `[newStart, newEnd)`: the
   * segments clipped to both ranges, in old order. What survived of a passage at its new place.
   */
  kept(oldStart: number, oldEnd: number, newStart: number, newEnd: number): Segment[] {
    const out: Segment[] = [];
    const segs = this.segments;
    for (let k = Math.max(0, this.lastStartingAtOrBefore(oldStart)); k < segs.length && segs[k].oldStart < oldEnd; k++) {
      const s = segs[k];
      const shift = s.newStart - s.oldStart;
      const from = Math.max(s.oldStart, oldStart, newStart - shift);
      const to = Math.min(s.oldStart + s.length, oldEnd, newEnd - shift);
      if (to > from) out.push({ oldStart: from, newStart: from + shift, length: to - from, moved: s.moved });
    }
    return out;
  }

  /**
   * The replaced stretch that old position `pos` lies strictly inside, when the kept text on both
   * sides of it is kept side by side in the new text too (so the new text between them took its
   * place); undefined for a kept position or text deleted next to moved text.
   */
  replacementAt(pos: number): Replacement | undefined {
    const k = this.lastStartingAtOrBefore(pos);
    const left = k >= 0 ? this.segments[k] : undefined;
    const right = this.segments[k + 1];
    const oldStart = left ? left.oldStart + left.length : 0;
    const oldEnd = right ? right.oldStart : this.oldText.length;
    if (!(oldStart < pos && pos < oldEnd)) return undefined;
    const leftRank = k >= 0 ? this.newRank[k] : -1;
    const rightRank = right ? this.newRank[k + 1] : this.segments.length;
    if (rightRank !== leftRank + 1) return undefined;
    return { oldStart, oldEnd, newStart: left ? left.newStart + left.length : 0, newEnd: right ? right.newStart : this.newText.length };
  }

  /** Index of the last segment starting at or before `pos`, or -1. */
  private lastStartingAtOrBefore(pos: number): number {
    return partitionPoint(this.segments.length, (k) => this.segments[k].oldStart <= pos) - 1;
  }

  /** `pos`, moved off the middle of a surrogate pair towards `assoc`. */
  private whole(pos: number, assoc: Assoc): number {
    return splitsSurrogatePair(this.newText, pos) ? pos + (assoc < 0 ? -1 : 1) : pos;
  }
}
