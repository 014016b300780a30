/**
 * Client-side filtering of the sidebar and the highlights: by kind, verdict, tag and a free-text
 * search over the quoted passages, notes, claimants and tags. (Which sets show is the page's scope:
 * the active set, or all sets.) Pure code, unit tested.
 */
import { matchesFilter as matchesQuery } from '../../core/annotations/annotation-filter';
import type { Annotation, Kind, Verdict } from '../../core/model';

/** The sidebar filter; empty strings mean "any". */
export interface AnnotationFilter {
  kind: Kind | '';
  verdict: Verdict | '';
  tag: string;
  q: string;
}

/** A filter that lets everything through. */
export const NO_FILTER: AnnotationFilter = { kind: '', verdict: '', tag: '', q: '' };

/** True when no criterion is set. */
export function isEmptyFilter(f: AnnotationFilter): boolean {
  return !f.kind && !f.verdict && !f.tag && !f.q.trim();
}

/** Whether `a` passes filter `f`: the same rule as the API's query (core/annotations). */
export function matchesFilter(a: Annotation, f: AnnotationFilter): boolean {
  return matchesQuery(a, { kind: f.kind || undefined, verdict: f.verdict || undefined, tag: f.tag || undefined, q: f.q });
}

/** The annotations passing `f`, in their given order. */
export function filterAnnotations(annotations: readonly Annotation[], f: AnnotationFilter): Annotation[] {
  return annotations.filter((a) => matchesFilter(a, f));
}

/** All tags used by `annotations`, sorted case-insensitively, without duplicates. */
export function collectTags(annotations: readonly Annotation[]): string[] {
  const tags = new Set<string>();
  for (const a of annotations) for (const t of a.tags) tags.add(t);
  return [...tags].sort((x, y) => x.localeCompare(y, undefined, { sensitivity: 'base' }) || x.localeCompare(y));
}
