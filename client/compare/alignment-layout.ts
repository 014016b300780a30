/**
 * Turns the reuse passages of two sources into what the compare view draws: the passages between
 * exactly these two sources, oriented so that `a` is the left source, and for each side a list of
 * segments covering its whole text, each either plain text or (part of) one aligned passage.
 * Pure code: no DOM, unit tested on the seed texts.
 */
import type { ReusePassage, ReuseSpan } from '../../core/model';

/** A passage between the two compared sources, `a` on the left source and `b` on the right one. */
export interface OrientedPassage {
  a: ReuseSpan;
  b: ReuseSpan;
  words: number;
  similarity: number;
  boilerplate: boolean;
}

/** A run [start, end) of one side's raw text; `passage` indexes the oriented passages, or is null. */
export interface Segment {
  start: number;
  end: number;
  passage: number | null;
}

/** Everything both columns need. */
export interface CompareLayout {
  passages: OrientedPassage[];
  a: Segment[];
  b: Segment[];
}

/**
 * The passages joining sources `a` and `b`, whichever way round the server listed them, swapped so
 * that `.a` is on source `a`, in reading order of the left text (then of the right one). Exact
 * duplicates (the same pair listed from both ends) are kept once.
 */
export function passagesBetween(passages: readonly ReusePassage[], a: string, b: string): OrientedPassage[] {
  const out: OrientedPassage[] = [];
  const seen = new Set<string>();
  for (const p of passages) {
    let left: ReuseSpan;
    let right: ReuseSpan;
    if (p.a.source === a && p.b.source === b) [left, right] = [p.a, p.b];
    else if (p.a.source === b && p.b.source === a) [left, right] = [p.b, p.a];
    else continue;
    const key = `${left.start}:${left.end}:${right.start}:${right.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ a: { ...left }, b: { ...right }, words: p.words, similarity: p.similarity, boilerplate: p.boilerplate });
  }
  return out.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start || x.a.end - y.a.end);
}

/**
 * Segments covering [0, length) without gaps or overlaps. Spans are clamped to the text; where two
 * spans overlap, the one starting first keeps the shared text and the other starts after it (a span
 * left empty gets no segment). Gaps between spans become plain segments.
 */
export function segmentsOf(length: number, spans: readonly { start: number; end: number; passage: number }[]): Segment[] {
  const sorted = spans
    .map((s) => ({ start: clamp(s.start, length), end: clamp(s.end, length), passage: s.passage }))
    .filter((s) => s.end > s.start)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, pos);
    if (s.end <= start) continue;
    if (start > pos) out.push({ start: pos, end: start, passage: null });
    out.push({ start, end: s.end, passage: s.passage });
    pos = s.end;
  }
  if (pos < length || out.length === 0) out.push({ start: pos, end: length, passage: null });
  return out;
}

function clamp(n: number, length: number): number {
  return Math.min(Math.max(0, n), length);
}

/** The layout of sources `a` (text `textA`) and `b` (text `textB`) from the server's passages. */
export function compareLayout(passages: readonly ReusePassage[], a: string, b: string, textA: string, textB: string): CompareLayout {
  const oriented = passagesBetween(passages, a, b);
  return {
    passages: oriented,
    a: segmentsOf(textA.length, oriented.map((p, i) => ({ ...p.a, passage: i }))),
    b: segmentsOf(textB.length, oriented.map((p, i) => ({ ...p.b, passage: i }))),
  };
}

/**
 * The passage whose span on `side` contains [start, end), else the one overlapping it most, else
 * the nearest one after it, else null: where a `focus` link lands.
 */
export function passageAt(passages: readonly OrientedPassage[], side: 'a' | 'b', start: number, end: number): number | null {
  let best: number | null = null;
  let bestOverlap = 0;
  for (let i = 0; i < passages.length; i++) {
    const s = passages[i][side];
    const overlap = Math.min(s.end, Math.max(end, start + 1)) - Math.max(s.start, start);
    if (overlap > bestOverlap) [best, bestOverlap] = [i, overlap];
  }
  if (best !== null) return best;
  let after: number | null = null;
  for (let i = 0; i < passages.length; i++) {
    const s = passages[i][side];
    if (s.start >= end && (after === null || s.start < passages[after][side].start)) after = i;
  }
  return after;
}
