/**
 * Which annotations a query selects. One definition serves the API's query string, the exports'
 * filters and the sidebar, so "kind=claim&tag=x" means the same thing everywhere.
 */
import type { Annotation } from '../model/schemas';

export interface AnnotationFilter {
  source?: string;
  set?: string;
  kind?: string;
  tag?: string;
  verdict?: string;
  /** Case-insensitive search over quotes, note, claimant and tags: every word must occur. */
  q?: string;
}

export function matchesFilter(a: Annotation, f: AnnotationFilter): boolean {
  if (f.source && !a.targets.some((t) => t.source === f.source)) return false;
  if (f.set && a.set !== f.set) return false;
  if (f.kind && a.kind !== f.kind) return false;
  if (f.tag && !a.tags.some((t) => t.toLowerCase() === f.tag!.toLowerCase())) return false;
  if (f.verdict && a.claim?.verdict !== f.verdict) return false;
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    const haystack = [...a.targets.map((t) => t.exact), a.note, a.claim?.claimant ?? '', ...a.tags].join('\n').toLowerCase();
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

/**
 * Text order: by source id, then by the start of the first target in that source. With a `source`
 * given, the target in that source decides, so the sidebar reads top to bottom.
 */
export function compareAnnotations(source?: string): (a: Annotation, b: Annotation) => number {
  const key = (x: Annotation) => {
    const t = (source && x.targets.find((t) => t.source === source)) || x.targets[0];
    return t;
  };
  return (a, b) => {
    const ta = key(a);
    const tb = key(b);
    if (ta.source !== tb.source) return ta.source < tb.source ? -1 : 1;
    return ta.start - tb.start || ta.end - tb.end || a.created.localeCompare(b.created);
  };
}
