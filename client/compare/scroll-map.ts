/**
 * The correspondence between vertical positions in the two compare columns. Aligned passages give
 * anchor pairs (top with top, bottom with bottom); a position between anchors maps by linear
 * interpolation, so scrolling one column moves the other at the pace that keeps corresponding
 * passages level. Pure code, unit tested; the DOM side is scroll-sync.ts.
 */

/** A pair of positions (pixels from the top of each column's content) that should be level. */
export interface Anchor {
  a: number;
  b: number;
}

/**
 * A chain of anchors increasing on both sides, starting at (0, 0) and ending at the two content
 * heights. Passages are given in left reading order; one whose right side goes backwards (reordered
 * text) cannot be kept level without scrolling backwards, so its anchors are skipped.
 */
export function monotoneAnchors(pairs: readonly Anchor[], heightA: number, heightB: number): Anchor[] {
  const out: Anchor[] = [{ a: 0, b: 0 }];
  for (const p of pairs) {
    const last = out[out.length - 1];
    if (p.a < last.a || p.b < last.b || p.a > heightA || p.b > heightB) continue;
    if (p.a === last.a && p.b === last.b) continue;
    out.push({ a: p.a, b: p.b });
  }
  const last = out[out.length - 1];
  if (heightA >= last.a && heightB >= last.b && (heightA > last.a || heightB > last.b)) out.push({ a: heightA, b: heightB });
  return out;
}

/**
 * Map position `y` on side `from` to the other side through `anchors` (as monotoneAnchors returns
 * them). Between two anchors the position is interpolated; where one side's interval is empty (a
 * passage on one side only grows on the other) the start of the other interval is returned, so
 * the column that has nothing to show waits rather than jumps.
 */
export function mapPosition(anchors: readonly Anchor[], y: number, from: 'a' | 'b'): number {
  const to = from === 'a' ? 'b' : 'a';
  if (anchors.length === 0) return y;
  if (y <= anchors[0][from]) return anchors[0][to] + (y - anchors[0][from]);
  for (let i = 1; i < anchors.length; i++) {
    const p = anchors[i - 1];
    const q = anchors[i];
    if (y > q[from]) continue;
    const span = q[from] - p[from];
    if (span <= 0) return p[to];
    return p[to] + ((y - p[from]) / span) * (q[to] - p[to]);
  }
  const last = anchors[anchors.length - 1];
  return last[to] + (y - last[from]);
}
