/**
 * The user's annotations as the compare view draws them in one column: each drawable target in that
 * column's source becomes a layer (kind, verdict, depth in the overlap stack, tooltip), and a
 * segment of the column is cut into pieces at diff and layer boundaries, each piece listing the
 * layers covering it outermost first. Nesting one span per layer around each piece keeps the
 * column's text exactly the raw text (text nodes only) while the highlights overlap as in the viewer.
 * Pure code: no DOM.
 */
import type { Annotation, Kind, Verdict } from '../../core/model';
import { KIND_LABELS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { annotationSpans } from '../shared/annotation-spans';
import { assignDepths } from '../shared/highlight-look';
import { piecesOf, type DiffMark, type DiffRange } from './word-diff';

/** One highlighted range of one annotation in a column. */
export interface ColumnLayer {
  id: string;
  kind: Kind;
  verdict?: Verdict;
  start: number;
  end: number;
  /** Depth in the overlap stack (highlight-look.ts): which underline band it draws. */
  depth: number;
  /** Kind, verdict and the start of the note, for the tooltip. */
  title: string;
}

/** A run of a segment with one diff mark (or none) and the layers covering all of it, outermost first. */
export interface LayeredPiece {
  start: number;
  end: number;
  mark: DiffMark | null;
  /** Indexes into the column's layers. */
  layers: number[];
}

const NOTE_CHARS = 60;

/** "Claim, false: note start…": what a highlight's tooltip says about its annotation. */
export function annotationTitle(a: Pick<Annotation, 'kind' | 'note' | 'claim'>): string {
  let title = KIND_LABELS[a.kind];
  if (a.kind === 'claim') title += `, ${VERDICT_LABELS[a.claim?.verdict ?? 'unverified'].toLowerCase()}`;
  const note = (a.note ?? '').replace(/\s+/g, ' ').trim();
  if (note) title += `: ${note.length > NOTE_CHARS ? `${note.slice(0, NOTE_CHARS).trimEnd()}…` : note}`;
  return title;
}

/**
 * The layers of `annotations` in source `sourceId` (text length `textLength`), in text order
 * (longer first at equal starts, as they nest). Targets elsewhere, orphaned ones and ranges that do
 * not fit the text are left out, as in the viewer.
 */
export function columnLayers(annotations: readonly Annotation[], sourceId: string, textLength: number): ColumnLayer[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const spans = annotationSpans(annotations, sourceId, textLength).sort((x, y) => x.start - y.start || y.end - x.end);
  const depths = assignDepths(spans);
  return spans.map((s, i) => {
    const layer: ColumnLayer = { id: s.id, kind: s.kind, start: s.start, end: s.end, depth: depths[i], title: annotationTitle(byId.get(s.id)!) };
    if (s.verdict) layer.verdict = s.verdict;
    return layer;
  });
}

/**
 * Cut [start, end) into pieces at the boundaries of `diffs` (sorted, not overlapping) and of
 * `layers`; the pieces cover [start, end) in order without gaps. A piece's layers are sorted by
 * depth, then by their order in `layers`, so a shallower layer's span wraps a deeper one's.
 */
export function layeredPieces(start: number, end: number, diffs: readonly DiffRange[], layers: readonly ColumnLayer[]): LayeredPiece[] {
  const inside = layers.map((l, i) => ({ l, i })).filter(({ l }) => l.start < end && l.end > start);
  const out: LayeredPiece[] = [];
  for (const piece of piecesOf(start, end, diffs)) {
    const cuts = new Set<number>([piece.start, piece.end]);
    for (const { l } of inside) {
      if (l.start > piece.start && l.start < piece.end) cuts.add(l.start);
      if (l.end > piece.start && l.end < piece.end) cuts.add(l.end);
    }
    const points = [...cuts].sort((x, y) => x - y);
    for (let k = 0; k + 1 < points.length; k++) {
      const [from, to] = [points[k], points[k + 1]];
      const covering = inside
        .filter(({ l }) => l.start <= from && l.end >= to)
        .sort((x, y) => x.l.depth - y.l.depth || x.i - y.i)
        .map(({ i }) => i);
      out.push({ start: from, end: to, mark: piece.mark, layers: covering });
    }
  }
  return out;
}

/**
 * The first drawable target of `annotation` in source `other` (text length `otherLength`), where
 * clicking its highlight in this column scrolls the other column; null when it has none there.
 */
export function counterpartIn(annotation: Pick<Annotation, 'targets'>, other: string, otherLength: number): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const t of annotation.targets) {
    if (t.source !== other || t.orphaned || t.start < 0 || t.end > otherLength || t.end <= t.start) continue;
    if (!best || t.start < best.start) best = { start: t.start, end: t.end };
  }
  return best;
}

/** The annotations of both lists, each once (an annotation linking both sources is in both). */
export function mergeAnnotations(...lists: readonly (readonly Annotation[])[]): Annotation[] {
  const seen = new Map<string, Annotation>();
  for (const list of lists) for (const a of list) if (!seen.has(a.id)) seen.set(a.id, a);
  return [...seen.values()];
}
