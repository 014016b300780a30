/**
 * Carrying work across duplicate coverage: where a passage was reused, the words a user annotated
 * in one copy are found in every other copy, so one claim or note can be repeated on all of them.
 * Within an aligned passage, the two sides' words are matched with a word-level diff (jsdiff's
 * diffArrays over folded word hashes), and the annotated words map to their counterparts.
 */
import { diffArrays } from 'diff';
import type { ReusePassage } from '../model';
import { tokenize } from '../reuse/tokenize';
import { rangesOverlap, type SourceRange, type TextRange } from '../text/text-range';

export interface Copy extends SourceRange {
  exact: string;
  /** The aligned passage the copy comes from. */
  boilerplate: boolean;
  similarity: number;
}

/**
 * Where `[start, end)` of the A side of an aligned passage stands on the B side, or null when none
 * of its words has a counterpart. Offsets are raw-text offsets in both texts.
 */
export function mapAcross(
  textA: string,
  sideA: TextRange,
  textB: string,
  sideB: TextRange,
  range: TextRange,
): TextRange | null {
  const a = tokenize(textA.slice(sideA.start, sideA.end));
  const b = tokenize(textB.slice(sideB.start, sideB.end));
  const counterpart = new Int32Array(a.hashes.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const part of diffArrays(Array.from(a.hashes), Array.from(b.hashes))) {
    const n = part.count ?? part.value.length;
    if (part.added) j += n;
    else if (part.removed) i += n;
    else for (let k = 0; k < n; k++) counterpart[i++] = j++;
  }
  let first = -1;
  let last = -1;
  for (let t = 0; t < a.hashes.length; t++) {
    const token = { start: a.starts[t] + sideA.start, end: a.ends[t] + sideA.start };
    if (!rangesOverlap(token, range) || counterpart[t] < 0) continue;
    if (first < 0) first = t;
    last = t;
  }
  if (first < 0) return null;
  return { start: b.starts[counterpart[first]] + sideB.start, end: b.ends[counterpart[last]] + sideB.start };
}

/**
 * Every copy of `span` in other sources: for each aligned passage that holds most of the span on one
 * side, its counterpart on the other side. A span mostly outside a passage is not carried, since
 * the rest of it was not reused.
 */
export function copiesOf(span: SourceRange, passages: readonly ReusePassage[], textOf: (source: string) => string | undefined): Copy[] {
  const out: Copy[] = [];
  const seen = new Set<string>();
  const length = span.end - span.start;
  for (const p of passages) {
    for (const [mine, other] of [
      [p.a, p.b],
      [p.b, p.a],
    ] as const) {
      if (mine.source !== span.source) continue;
      const from = Math.max(span.start, mine.start);
      const to = Math.min(span.end, mine.end);
      if (to <= from || (to - from) * 2 < length) continue;
      const textA = textOf(mine.source);
      const textB = textOf(other.source);
      if (textA === undefined || textB === undefined) continue;
      const mapped = mapAcross(textA, mine, textB, other, { start: from, end: to });
      if (!mapped) continue;
      const key = `${other.source}:${mapped.start}:${mapped.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ source: other.source, ...mapped, exact: textB.slice(mapped.start, mapped.end), boilerplate: p.boilerplate, similarity: p.similarity });
    }
  }
  return out.sort((x, y) => x.source.localeCompare(y.source) || x.start - y.start);
}
