/**
 * Which fields of an annotation a change touched, with their values before and after: what the
 * history of an annotation records, so a verdict changed from "false" to "true" can always be
 * traced to a person and a time.
 */
import type { Annotation } from '../model/schemas';
import type { FieldChange } from '../model/records';

/** The fields a person can change; id, revision, times and creator follow from the change itself. */
export const TRACKED_FIELDS = ['set', 'kind', 'targets', 'tags', 'note', 'claim'] as const;
type Tracked = (typeof TRACKED_FIELDS)[number];

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

/** The fields that differ between two versions of one annotation. */
export function fieldChanges(before: Annotation, after: Annotation): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of TRACKED_FIELDS) {
    const b = before[field as Tracked];
    const a = after[field as Tracked];
    if (same(b, a)) continue;
    const change: FieldChange = { field };
    if (b !== undefined) change.before = b;
    if (a !== undefined) change.after = a;
    out.push(change);
  }
  return out;
}

/** Every tracked field of a deleted annotation, as "before" values, so the record can be read back. */
export function deletedFields(a: Annotation): FieldChange[] {
  return TRACKED_FIELDS.filter((f) => a[f] !== undefined).map((field) => ({ field, before: a[field] }));
}
