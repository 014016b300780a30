/**
 * Highlights: one inline decoration per annotation target in the open source, coloured by kind and
 * verdict (`hl hl-claim hl-verdict-false`), carrying `data-annotation-id` and, for screen readers,
 * `aria-describedby` naming its kind and verdict (the legend holds those descriptions). Each decoration renders its
 * own `<span>` (nodeName), so overlapping highlights nest as elements; each also carries its depth
 * in the stack (`data-depth`, see highlight-look.ts), by which the CSS draws its underline band
 * lower for each level, so every layer of an overlap stays visible in its own colour.
 *
 * Updates are incremental: the page hands over the spans of the annotations that appeared, changed
 * or went, and only those decorations, plus those of highlights overlapping them (whose depths may
 * shift), are replaced. ProseMirror then redraws the lines touched, not the document: with
 * thousands of highlights, adding one costs about the same as with ten. And only the highlights in
 * a window of lines around the visible part are drawn (the view moves the window as the page
 * scrolls): a long source with thousands of highlights opens with a few hundred spans, not tens of
 * thousands. Every highlight stays in the plugin's state, which the updates work on.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { AnnotationSpan } from '../shared/annotation-spans';
import { assignDepths, highlightClass, highlightDescriptionId } from '../shared/highlight-look';
import type { TextDocument } from './text-document';

/** A highlight as drawn: its span, document range and depth. Decorations point back to it. */
interface Drawn {
  span: AnnotationSpan;
  from: number;
  to: number;
  depth: number;
}

interface HighlightSpec {
  drawn: Drawn;
}

/** A document range: the window of lines whose highlights are drawn. */
export interface DocRange {
  from: number;
  to: number;
}

/** Plugin state: every highlight by annotation and as decorations, the window, and what is drawn. */
export interface HighlightsState {
  byId: ReadonlyMap<string, readonly Drawn[]>;
  decorations: DecorationSet;
  /** The range whose highlights are drawn; null draws them all. */
  window: DocRange | null;
  shown: DecorationSet;
}

/** What a transaction asks of the plugin. */
export interface HighlightsChange {
  /** Replace everything drawn with these spans. */
  reset?: readonly AnnotationSpan[];
  /** Annotations no longer drawn (or about to be redrawn by `add`). */
  remove?: readonly string[];
  /** Spans to draw, replacing any drawn for the same annotations. */
  add?: readonly AnnotationSpan[];
  /** Draw the highlights of this range only (null: all). */
  window?: DocRange | null;
}

export const highlightsKey = new PluginKey<HighlightsState>('highlights');

function decoration(d: Drawn): Decoration {
  const spec: HighlightSpec = { drawn: d };
  return Decoration.inline(d.from, d.to, {
    nodeName: 'span',
    class: highlightClass(d.span),
    'data-annotation-id': d.span.id,
    'data-depth': String(d.depth),
    'aria-describedby': highlightDescriptionId(d.span),
  }, spec);
}

function drawable(textDoc: TextDocument, span: AnnotationSpan): Drawn | null {
  const range = textDoc.rangeToPos(span.start, span.end);
  return range && range.to > range.from ? { span, from: range.from, to: range.to, depth: 0 } : null;
}

/** Longer spans first at equal starts, so the longer one is the outer element (as assignDepths orders). */
const byStart = (a: Drawn, b: Drawn) => a.from - b.from || b.to - a.to;

/** The decorations of `all` that lie in `window` (pieces are per line, so whole lines are drawn). */
function visible(state: EditorState, all: DecorationSet, window: DocRange | null): DecorationSet {
  return window ? DecorationSet.create(state.doc, all.find(window.from, window.to)) : all;
}

function build(state: EditorState, textDoc: TextDocument, spans: readonly AnnotationSpan[], window: DocRange | null): HighlightsState {
  const drawn = spans.map((s) => drawable(textDoc, s)).filter((d): d is Drawn => d !== null).sort(byStart);
  const depths = assignDepths(drawn.map((d) => ({ start: d.from, end: d.to })));
  const byId = new Map<string, Drawn[]>();
  drawn.forEach((d, i) => {
    d.depth = depths[i];
    const list = byId.get(d.span.id);
    if (list) list.push(d);
    else byId.set(d.span.id, [d]);
  });
  const decorations = DecorationSet.create(state.doc, drawn.map(decoration));
  return { byId, decorations, window, shown: visible(state, decorations, window) };
}

/** The stored decorations of `d` (one per line it crosses). */
function piecesOf(set: DecorationSet, d: Drawn): Decoration[] {
  return set.find(d.from, d.to, (spec: HighlightSpec) => spec.drawn === d);
}

function update(prev: HighlightsState, state: EditorState, textDoc: TextDocument, change: HighlightsChange): HighlightsState {
  const added = (change.add ?? []).map((s) => drawable(textDoc, s)).filter((d): d is Drawn => d !== null);
  const going = new Set([...(change.remove ?? []), ...(change.add ?? []).map((s) => s.id)]);
  const removed = [...going].flatMap((id) => prev.byId.get(id) ?? []);
  // Highlights overlapping what changes, and those overlapping them, may change depth: the cluster.
  const cluster = new Set<Drawn>(added);
  const frontier: { from: number; to: number }[] = [...removed, ...added];
  while (frontier.length > 0) {
    const r = frontier.pop() as { from: number; to: number };
    for (const piece of prev.decorations.find(r.from, r.to)) {
      const d = (piece.spec as HighlightSpec).drawn;
      if (going.has(d.span.id) || cluster.has(d) || !(d.from < r.to && d.to > r.from)) continue;
      cluster.add(d);
      frontier.push(d);
    }
  }
  const members = [...cluster].sort(byStart);
  const depths = assignDepths(members.map((d) => ({ start: d.from, end: d.to })));
  const stale: Decoration[] = removed.flatMap((d) => piecesOf(prev.decorations, d));
  const fresh: Drawn[] = [];
  const isAdded = new Set(added);
  members.forEach((d, i) => {
    if (isAdded.has(d)) {
      d.depth = depths[i];
      fresh.push(d);
    } else if (d.depth !== depths[i]) {
      stale.push(...piecesOf(prev.decorations, d));
      fresh.push({ ...d, depth: depths[i] });
    }
  });
  const byId = new Map(prev.byId);
  for (const id of going) byId.delete(id);
  for (const d of fresh) {
    const others = (byId.get(d.span.id) ?? []).filter((x) => !(x.from === d.from && x.to === d.to && x.span === d.span));
    byId.set(d.span.id, [...others, d]);
  }
  const freshDecos = fresh.map(decoration);
  // DecorationSet's remove and add consume the arrays they are given: each gets its own copy.
  const decorations = prev.decorations.remove([...stale]).add(state.doc, [...freshDecos]);
  if (!prev.window) return { byId, decorations, window: null, shown: decorations };
  const { from, to } = prev.window;
  const inWindow = freshDecos.filter((d) => d.from <= to && d.to >= from);
  return { byId, decorations, window: prev.window, shown: prev.shown.remove([...stale]).add(state.doc, inWindow) };
}

/** Ask the plugin for `change` in this transaction. */
export function changeHighlights(tr: Transaction, change: HighlightsChange): Transaction {
  return tr.setMeta(highlightsKey, change);
}

/** The highlights plugin for a document built by `textDoc`. */
export function highlightsPlugin(textDoc: TextDocument, window: DocRange | null = null): Plugin<HighlightsState> {
  return new Plugin<HighlightsState>({
    key: highlightsKey,
    state: {
      init: () => ({ byId: new Map(), decorations: DecorationSet.empty, window, shown: DecorationSet.empty }),
      apply(tr, prev, _old, newState) {
        const change = tr.getMeta(highlightsKey) as HighlightsChange | undefined;
        if (!change) return prev;
        let next = prev;
        if (change.window !== undefined) next = { ...next, window: change.window, shown: visible(newState, next.decorations, change.window) };
        if (change.reset) return build(newState, textDoc, change.reset, next.window);
        if (change.add || change.remove) next = update(next, newState, textDoc, change);
        return next;
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.shown,
    },
  });
}
