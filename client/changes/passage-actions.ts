/**
 * What the actions of the "Changed passages" section send, worked out without the server: a PATCH of
 * an annotation's targets re-anchors every target it lists and drops their `changedFrom`, so
 *
 * - accepting a change sends the same targets (the new wording stays; the old one is let go);
 * - re-attaching sends the target's new passage (the text the user selected) in its place;
 * - dismissing a passage removes it from the annotation. An annotation cannot lose its last
 *   passage, nor an inconsistency or reuse record its second-to-last: dismissing there deletes the
 *   annotation, and the section says so before it is confirmed.
 *
 * An orphaned target cannot be sent back (its quote is not in the text any more), so a change to an
 * annotation that also has another orphaned passage is refused with a reason: that passage must be
 * re-attached or dismissed first, or it would be lost. A PATCH also accepts the annotation's other
 * changed passages, which `alsoAccepts` counts so the section can say so. Pure code.
 */
import type { Annotation, PatchAnnotation, TargetInput } from '../../core/model';
import { LINKING_KINDS } from '../../core/model/vocabulary';
import type { TextSpan } from '../shared/trim-range';
import { changeOf } from '../shared/target-changes';

/** A PATCH to send, a deletion to confirm, or why neither is possible. */
export type PassagePlan =
  | { kind: 'patch'; body: PatchAnnotation }
  | { kind: 'delete' }
  | { kind: 'blocked'; reason: string };

const BLOCKED = 'Another passage of this annotation is gone as well: re-attach or dismiss that one first, or it would be lost.';

function inputOf(t: { source: string; start: number; end: number; exact: string }): TargetInput {
  return { source: t.source, start: t.start, end: t.end, exact: t.exact };
}

/** The targets of `a` as a PATCH takes them, with target `index` replaced (or, given null, left out). */
function targetsWith(a: Annotation, index: number, replacement: TargetInput | null): TargetInput[] | string {
  const out: TargetInput[] = [];
  for (const [i, t] of a.targets.entries()) {
    if (i === index) {
      if (replacement) out.push(replacement);
      continue;
    }
    if (t.orphaned) return BLOCKED;
    out.push(inputOf(t));
  }
  return out;
}

/** Accept the new wording of every changed passage of `a` (none may be orphaned). */
export function acceptPlan(a: Annotation): PassagePlan {
  if (!a.targets.some((t) => changeOf(t) === 'changed')) return { kind: 'blocked', reason: 'Nothing to accept: no passage of this annotation changed.' };
  const targets = targetsWith(a, -1, null);
  return typeof targets === 'string' ? { kind: 'blocked', reason: targets } : { kind: 'patch', body: { revision: a.revision, targets } };
}

/** Re-attach target `index` of `a` to `span` of source `source` (the text selected in the viewer). */
export function reattachPlan(a: Annotation, index: number, source: string, span: TextSpan | null): PassagePlan {
  if (!span || span.end <= span.start) return { kind: 'blocked', reason: 'Select the passage’s new wording in the text first.' };
  const targets = targetsWith(a, index, { source, start: span.start, end: span.end, exact: span.exact });
  return typeof targets === 'string' ? { kind: 'blocked', reason: targets } : { kind: 'patch', body: { revision: a.revision, targets } };
}

/** Remove target `index` from `a`, or delete `a` when it would be left with too few passages. */
export function dismissPlan(a: Annotation, index: number): PassagePlan {
  const least = LINKING_KINDS.includes(a.kind) ? 2 : 1;
  if (a.targets.length - 1 < least) return { kind: 'delete' };
  const targets = targetsWith(a, index, null);
  return typeof targets === 'string' ? { kind: 'blocked', reason: targets } : { kind: 'patch', body: { revision: a.revision, targets } };
}

/** How many other changed passages of `a` (than target `index`) a PATCH of its targets accepts too. */
export function alsoAccepts(a: Annotation, index: number): number {
  return a.targets.filter((t, i) => i !== index && changeOf(t) === 'changed').length;
}
