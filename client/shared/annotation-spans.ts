/**
 * Which passages of the open source each annotation covers, as text ranges. Pure code shared by the
 * highlights (drawing), the sidebar (text order) and the focus plugin (scrolling to a card's passage).
 */
import type { Annotation, Kind, Verdict } from '../../core/model';

/** One highlighted range of one annotation in the open source, in text offsets. */
export interface AnnotationSpan {
  id: string;
  kind: Kind;
  verdict?: Verdict;
  start: number;
  end: number;
}

/**
 * The drawable spans of `annotations` in source `sourceId` (text of length `textLength`): targets in
 * other sources, orphaned targets and ranges that do not fit the text are left out.
 */
export function annotationSpans(annotations: readonly Annotation[], sourceId: string, textLength: number): AnnotationSpan[] {
  const spans: AnnotationSpan[] = [];
  for (const a of annotations) {
    for (const t of a.targets) {
      if (t.source !== sourceId || t.orphaned) continue;
      if (t.start < 0 || t.end > textLength || t.end <= t.start) continue;
      spans.push({ id: a.id, kind: a.kind, verdict: a.claim?.verdict, start: t.start, end: t.end });
    }
  }
  return spans;
}

/**
 * Sort key of an annotation in a source: the start of its first drawable target there, or Infinity
 * (orphaned or elsewhere only) so such cards go last.
 */
export function textOrderKey(a: Annotation, sourceId: string): number {
  let best = Infinity;
  for (const t of a.targets) if (t.source === sourceId && !t.orphaned && t.start < best) best = t.start;
  return best;
}

/** Annotations sorted by where they start in the source; ties keep creation order. */
export function sortInTextOrder(annotations: readonly Annotation[], sourceId: string): Annotation[] {
  return [...annotations].sort((a, b) => textOrderKey(a, sourceId) - textOrderKey(b, sourceId) || a.created.localeCompare(b.created));
}
