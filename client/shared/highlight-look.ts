/**
 * How an annotation's highlight is drawn and named, the same in the viewer, the compare columns and
 * the colour legend: CSS classes by kind and verdict, the words a screen reader says for it, and the
 * depth of its underline band where highlights overlap. Translucent backgrounds alone do not keep
 * overlapping layers apart (a red, a green and a yellow highlight over one passage blend into one
 * muddy colour), so each highlight also draws a band at its own depth: the first of a stack at depth
 * 0, one overlapping it at depth 1, and so on; a highlight keeps one depth over its whole length, so
 * its band runs straight even where other highlights start and stop inside it. Pure code.
 */
import type { Kind, Verdict } from '../../core/model';
import { KIND_LABELS, VERDICT_LABELS } from '../../core/model/vocabulary';

/** What decides a highlight's look: the kind, and for claims the verdict. */
export interface HighlightLook {
  kind: Kind;
  verdict?: Verdict;
}

/** CSS classes of a highlight: `hl`, its kind, and for claims its verdict. */
export function highlightClass(look: HighlightLook): string {
  const classes = ['hl', `hl-${look.kind}`];
  if (look.kind === 'claim') classes.push(`hl-verdict-${look.verdict ?? 'unverified'}`);
  return classes.join(' ');
}

/** What a screen reader says about a highlight: "Claim, verdict False", "Note". */
export function highlightLabel(look: HighlightLook): string {
  return look.kind === 'claim' ? `Claim, verdict ${VERDICT_LABELS[look.verdict ?? 'unverified']}` : KIND_LABELS[look.kind];
}

/** The id of the element holding `highlightLabel(look)` (the colour legend has one per look). */
export function highlightDescriptionId(look: HighlightLook): string {
  return look.kind === 'claim' ? `hl-desc-claim-${look.verdict ?? 'unverified'}` : `hl-desc-${look.kind}`;
}

/** The deepest band drawn; deeper highlights share it (the CSS has rules up to this depth). */
export const MAX_DEPTH = 4;

/** A range [start, end) in text offsets. */
export interface DepthRange {
  start: number;
  end: number;
}

/**
 * The depth of each range of `ranges` (same order): ranges are taken by start (longer first at equal
 * starts) and each gets the lowest depth not held by a range still open at its start, so ranges that
 * overlap never share a depth (up to MAX_DEPTH) and a range overlapping nothing gets depth 0.
 * Empty or reversed ranges get depth 0 and hold nothing.
 */
export function assignDepths(ranges: readonly DepthRange[]): number[] {
  const order = ranges.map((_, i) => i).sort((x, y) => ranges[x].start - ranges[y].start || ranges[y].end - ranges[x].end || x - y);
  const depths = new Array<number>(ranges.length).fill(0);
  // openUntil[d]: where the range holding depth d ends (-Infinity when free).
  const openUntil: number[] = [];
  for (const i of order) {
    const { start, end } = ranges[i];
    if (end <= start) continue;
    let d = 0;
    while (d < openUntil.length && openUntil[d] > start) d++;
    openUntil[d] = end;
    depths[i] = Math.min(d, MAX_DEPTH);
  }
  return depths;
}
