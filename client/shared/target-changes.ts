/**
 * What a source's revision did to an annotation's passages, as the targets carry it: a passage whose
 * words changed was re-attached to the new wording and keeps the words it was annotated on in
 * `changedFrom`; a passage that is gone is `orphaned`. A claim on such a passage may no longer hold as
 * judged, so its verdict is flagged for a re-check until every change is accepted or re-attached.
 * Pure code, shared by the viewer's sidebar, the annotations page and the "What changed" view.
 */
import type { Annotation, Target } from '../../core/model';

/** How a passage stands after a revision of its source. */
export type PassageChange = 'changed' | 'orphaned';

/** The change of target `t`, or null when it quotes its source as it is. */
export function changeOf(t: Target): PassageChange | null {
  if (t.orphaned) return 'orphaned';
  if (t.changedFrom && t.changedFrom.exact !== t.exact) return 'changed';
  return null;
}

/** One changed or orphaned passage of an annotation. */
export interface ChangedPassage {
  annotation: Annotation;
  /** The target's index in `annotation.targets`. */
  index: number;
  target: Target;
  change: PassageChange;
  /** The words as annotated (before the change). */
  before: string;
  /** The words now, or null when the passage is gone. */
  after: string | null;
}

/** The changed and orphaned passages of `a` (in `sourceId` only, when given). */
export function changedPassagesOf(a: Annotation, sourceId?: string): ChangedPassage[] {
  const out: ChangedPassage[] = [];
  a.targets.forEach((target, index) => {
    if (sourceId !== undefined && target.source !== sourceId) return;
    const change = changeOf(target);
    if (!change) return;
    out.push({
      annotation: a,
      index,
      target,
      change,
      before: change === 'changed' ? target.changedFrom!.exact : target.exact,
      after: change === 'changed' ? target.exact : null,
    });
  });
  return out;
}

/**
 * Every changed or orphaned passage in source `sourceId` among `annotations`, in text order
 * (orphaned ones, whose offsets belong to an older text, after the others).
 */
export function changedPassages(annotations: Iterable<Annotation>, sourceId: string): ChangedPassage[] {
  const out: ChangedPassage[] = [];
  for (const a of annotations) {
    // Most annotations never changed: this is asked on every change to a page of 10,000 of them.
    if (!a.targets.some((t) => t.orphaned || t.changedFrom)) continue;
    out.push(...changedPassagesOf(a, sourceId));
  }
  const rank = (p: ChangedPassage) => (p.change === 'orphaned' ? 1 : 0);
  return out.sort((x, y) => rank(x) - rank(y) || x.target.start - y.target.start || x.annotation.id.localeCompare(y.annotation.id));
}

/** Whether `a` is a claim whose verdict should be checked again: one of its passages changed or is gone. */
export function needsRecheck(a: Annotation): boolean {
  return a.kind === 'claim' && a.targets.some((t) => changeOf(t) !== null);
}

/** What the re-check flag says, on hover and to screen readers. */
export const RECHECK_EXPLANATION = 'The wording this claim was judged on changed (or is gone) in a later revision of the source: check the verdict again, then accept the change or re-attach the passage.';
