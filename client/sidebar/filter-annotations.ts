/**
 * Client-side filtering of the sidebar: by kind, verdict, tag, set and a free-text search over the
 * quoted passages, notes, claimants and tags. Pure code, unit tested.
 */
import type { Annotation, Kind, Verdict } from '../../core/model';

/** The sidebar filter; empty strings mean "any". */
export interface AnnotationFilter {
  kind: Kind | '';
  verdict: Verdict | '';
  tag: string;
  set: string;
  q: string;
}

/** A filter that lets everything through. */
export const NO_FILTER: AnnotationFilter = { kind: '', verdict: '', tag: '', set: '', q: '' };

/** True when no criterion is set. */
export function isEmptyFilter(f: AnnotationFilter): boolean {
  return !f.kind && !f.verdict && !f.tag && !f.set && !f.q.trim();
}

/** Whether `a` passes filter `f`. The search is case-insensitive and needs every word to occur. */
export function matchesFilter(a: Annotation, f: AnnotationFilter): boolean {
  if (f.kind && a.kind !== f.kind) return false;
  // A verdict only narrows claims: other kinds have none.
  if (f.verdict && a.claim?.verdict !== f.verdict) return false;
  if (f.tag && !a.tags.includes(f.tag)) return false;
  if (f.set && a.set !== f.set) return false;
  const words = f.q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [...a.targets.map((t) => t.exact), a.note, a.claim?.claimant ?? '', ...a.tags].join('\n').toLowerCase();
  return words.every((w) => haystack.includes(w));
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
