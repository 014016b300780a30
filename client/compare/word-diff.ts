/**
 * Word-level differences inside one aligned passage, as ranges of raw-text offsets on each side.
 * jsdiff's diffWordsWithSpace keeps every character of both inputs in its output (common parts are
 * identical on both sides), so walking its changes reproduces exact offsets; diffWords would not,
 * since it may rewrite the whitespace of common parts.
 */
import { diffWordsWithSpace } from 'diff';

/**
 * How a range differs from the other side. The left side (a) is read as the older text: its
 * words missing on the right are `removed`, the right side's extra words are `inserted`, and a
 * removal next to an insertion is a replacement, marked `changed` on both sides.
 */
export type DiffMark = 'inserted' | 'removed' | 'changed';

/** A marked range [start, end) of raw-text offsets on one side. */
export interface DiffRange {
  start: number;
  end: number;
  mark: DiffMark;
}

/** The marked ranges of both sides, each sorted by start and not overlapping. */
export interface PassageDiff {
  a: DiffRange[];
  b: DiffRange[];
}

/** A run of a segment with at most one mark: what one text node (or one mark span) shows. */
export interface Piece {
  start: number;
  end: number;
  mark: DiffMark | null;
}

const ONLY_SPACE = /^\s*$/;

/**
 * Diff the spans `textA` and `textB` word by word. `offsetA` and `offsetB` are the raw-text offsets
 * where the spans start, so the returned ranges are raw-text offsets too. Differences in whitespace
 * alone (a line break against a space) are not marked: they carry no wording change.
 */
export function wordDiff(textA: string, textB: string, offsetA = 0, offsetB = 0): PassageDiff {
  const changes = diffWordsWithSpace(textA, textB);
  const out: PassageDiff = { a: [], b: [] };
  let posA = offsetA;
  let posB = offsetB;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    const len = c.value.length;
    if (!c.added && !c.removed) {
      posA += len;
      posB += len;
      continue;
    }
    // A removal and an insertion side by side form one replacement, whichever comes first.
    const next = changes[i + 1];
    const paired = next !== undefined && ((c.removed && next.added) || (c.added && next.removed));
    const removed = c.removed ? c : paired ? next : undefined;
    const added = c.added ? c : paired ? next : undefined;
    const mark = (kind: DiffMark): DiffMark => (removed && added && !ONLY_SPACE.test(removed.value) && !ONLY_SPACE.test(added.value) ? 'changed' : kind);
    if (removed) {
      if (!ONLY_SPACE.test(removed.value)) push(out.a, posA, posA + removed.value.length, mark('removed'));
      posA += removed.value.length;
    }
    if (added) {
      if (!ONLY_SPACE.test(added.value)) push(out.b, posB, posB + added.value.length, mark('inserted'));
      posB += added.value.length;
    }
    if (paired) i++;
  }
  if (posA !== offsetA + textA.length || posB !== offsetB + textB.length) {
    throw new RangeError('Word diff lost characters: the change list does not cover both texts');
  }
  return out;
}

function push(list: DiffRange[], start: number, end: number, mark: DiffMark): void {
  const last = list[list.length - 1];
  // Adjacent ranges of one mark read as one change.
  if (last && last.end === start && last.mark === mark) last.end = end;
  else list.push({ start, end, mark });
}

/**
 * Cut [start, end) into pieces at the boundaries of `ranges` (sorted, not overlapping), each piece
 * carrying the mark of the range it lies in or null. Ranges reaching outside are clipped, so a
 * segment cut short by an overlapping passage still shows the right marks.
 */
export function piecesOf(start: number, end: number, ranges: readonly DiffRange[]): Piece[] {
  const pieces: Piece[] = [];
  let pos = start;
  for (const r of ranges) {
    if (r.end <= pos) continue;
    if (r.start >= end) break;
    const from = Math.max(r.start, pos);
    const to = Math.min(r.end, end);
    if (from > pos) pieces.push({ start: pos, end: from, mark: null });
    pieces.push({ start: from, end: to, mark: r.mark });
    pos = to;
  }
  if (pos < end) pieces.push({ start: pos, end, mark: null });
  return pieces;
}
