/**
 * Re-anchoring at the level of annotations, for the service that stores a new revision of a source:
 * one mapping for the whole revision, every target on that source carried through it, targets on
 * other sources untouched, and what the store must write (only the annotations that changed) with a
 * report for the "what changed" view. Pure: the caller writes the result in one transaction.
 */
import type { Annotation, Target } from '../model';
import { reanchorTargets } from './reanchor-targets';
import type { ReanchorStatus } from './reanchor-targets';
import { diffTexts } from './text-diff';

/** A source's previous and new text. */
export interface SourceRevision {
  source: string;
  oldText: string;
  newText: string;
  /** The new revision's number, recorded on the targets placed in it. */
  revision?: number;
}

/** A target that did not simply stay: where it was and where it is now. */
export interface TargetChange {
  annotation: string;
  /** Index of the target in the annotation's `targets`. */
  index: number;
  status: Exclude<ReanchorStatus, 'unchanged'>;
  before: Target;
  after: Target;
}

/** Targets on the revised source, by outcome. */
export type ReanchorReport = Record<ReanchorStatus, number>;

export interface ReanchoredAnnotations {
  /** Every annotation given, in order; the same object where nothing changed. */
  annotations: Annotation[];
  /** Only the annotations with a changed target: what must be written. */
  updated: Annotation[];
  /** The targets that moved, changed or are orphaned, with their old and new state. */
  changes: TargetChange[];
  report: ReanchorReport;
}

/**
 * Carries every target on `revision.source` from the old text to the new one. Annotations are
 * returned with their targets replaced; `revision` and `modified` of the annotation itself are the
 * caller's to set when it writes them.
 */
export function reanchorAnnotations(annotations: readonly Annotation[], revision: SourceRevision): ReanchoredAnnotations {
  const on = annotations.flatMap((a) => a.targets.filter((t) => t.source === revision.source));
  const mapping = on.length ? diffTexts(revision.oldText, revision.newText) : undefined;
  const results = reanchorTargets(revision.oldText, revision.newText, on, { revision: revision.revision, mapping });
  const report: ReanchorReport = { unchanged: 0, moved: 0, changed: 0, orphaned: 0 };
  const changes: TargetChange[] = [];
  const updated: Annotation[] = [];
  let next = 0;
  const out = annotations.map((a) => {
    let touched = false;
    const targets = a.targets.map((before, index) => {
      if (before.source !== revision.source) return before;
      const { target: after, status } = results[next++];
      report[status]++;
      if (status !== 'unchanged') changes.push({ annotation: a.id, index, status, before, after });
      if (after !== before) touched = true;
      return after;
    });
    if (!touched) return a;
    const changed = { ...a, targets };
    updated.push(changed);
    return changed;
  });
  return { annotations: out, updated, changes, report };
}
