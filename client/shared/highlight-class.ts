/**
 * How an annotation's highlight is drawn and named, the same in the viewer, the compare columns and
 * the colour legend: CSS classes by kind and verdict, and the words a screen reader says for it.
 */
import type { Kind, Verdict } from '../../core/model';

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
