/**
 * How an annotation's highlight is drawn and named, the same in the viewer, the compare columns and
 * the colour legend: CSS classes by kind and verdict, and the words a screen reader says for it.
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
