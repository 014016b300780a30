/**
 * Highlights: one inline decoration per annotation target in the open source, coloured by kind and
 * verdict (`hl hl-claim hl-verdict-false`), carrying `data-annotation-id`. Each decoration renders its
 * own `<span>` (nodeName), so overlapping and nested highlights nest as elements and their translucent
 * backgrounds stack. Backgrounds alone blur together past two layers, so each highlight also carries
 * its depth in the stack (`data-depth`, see highlight-depth.ts), by which the CSS draws its underline
 * band lower for each level: every layer of an overlap stays visible in its own colour. Two passage marks that are not annotations are
 * drawn here too: the passage a form is open for (`hl-pending`) and the passages of the open source
 * in the inconsistency draft (`hl-draft`), so the user sees what they are about to link.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { AnnotationSpan } from '../shared/annotation-spans';
import { assignDepths } from '../shared/highlight-depth';
import { highlightClass } from '../shared/highlight-class';
import type { TextDocument } from './text-document';

/** Plugin state: the spans and pending range drawn, with their decorations. */
export const highlightsKey = new PluginKey<HighlightsState>('highlights');

/** The passage a form is being filled in for, drawn so the user sees what they are annotating. */
export interface PendingRange {
  start: number;
  end: number;
}

interface HighlightsMeta {
  spans?: readonly AnnotationSpan[];
  /** undefined keeps the current pending range; null clears it. */
  pending?: PendingRange | null;
  drafts?: readonly PendingRange[];
}

/** Plugin state: what is drawn and the decorations derived from it. */
export interface HighlightsState {
  spans: readonly AnnotationSpan[];
  pending: PendingRange | null;
  /** Passages of this source in the inconsistency draft. */
  drafts: readonly PendingRange[];
  decorations: DecorationSet;
}

function buildDecorations(
  state: EditorState,
  textDoc: TextDocument,
  spans: readonly AnnotationSpan[],
  pending: PendingRange | null,
  drafts: readonly PendingRange[],
): DecorationSet {
  const decos: Decoration[] = [];
  // Longer spans first, so at equal starts the longer one is the outer element.
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const depths = assignDepths(ordered);
  for (const [i, span] of ordered.entries()) {
    const range = textDoc.rangeToPos(span.start, span.end);
    if (!range) continue;
    decos.push(
      Decoration.inline(
        range.from,
        range.to,
        { nodeName: 'span', class: highlightClass(span), 'data-annotation-id': span.id, 'data-depth': String(depths[i]) },
        { annotationId: span.id },
      ),
    );
  }
  const pendingRange = pending ? textDoc.rangeToPos(pending.start, pending.end) : null;
  if (pendingRange) decos.push(Decoration.inline(pendingRange.from, pendingRange.to, { nodeName: 'span', class: 'hl-pending' }));
  for (const d of drafts) {
    const range = textDoc.rangeToPos(d.start, d.end);
    if (range) decos.push(Decoration.inline(range.from, range.to, { nodeName: 'span', class: 'hl-draft', title: 'In the inconsistency draft' }));
  }
  return DecorationSet.create(state.doc, decos);
}

/** Replace the drawn highlights with `spans`. */
export function setHighlights(tr: Transaction, spans: readonly AnnotationSpan[]): Transaction {
  const meta: HighlightsMeta = { spans };
  return tr.setMeta(highlightsKey, meta);
}

/** Mark (or with null, unmark) the passage an open form is about. */
export function setPending(tr: Transaction, pending: PendingRange | null): Transaction {
  const meta: HighlightsMeta = { pending };
  return tr.setMeta(highlightsKey, meta);
}

/** Mark these passages as being in the inconsistency draft (replacing the previous ones). */
export function setDraftRanges(tr: Transaction, drafts: readonly PendingRange[]): Transaction {
  const meta: HighlightsMeta = { drafts };
  return tr.setMeta(highlightsKey, meta);
}

/** The highlights plugin for a document built by `textDoc`. */
export function highlightsPlugin(textDoc: TextDocument): Plugin<HighlightsState> {
  return new Plugin<HighlightsState>({
    key: highlightsKey,
    state: {
      init: () => ({ spans: [], pending: null, drafts: [], decorations: DecorationSet.empty }),
      apply(tr, prev, _old, newState) {
        const meta = tr.getMeta(highlightsKey) as HighlightsMeta | undefined;
        if (!meta) return tr.docChanged ? { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) } : prev;
        const spans = meta.spans ?? prev.spans;
        const pending = meta.pending === undefined ? prev.pending : meta.pending;
        const drafts = meta.drafts ?? prev.drafts;
        return { spans, pending, drafts, decorations: buildDecorations(newState, textDoc, spans, pending, drafts) };
      },
    },
    props: {
      decorations: (state) => highlightsKey.getState(state)?.decorations,
    },
  });
}

