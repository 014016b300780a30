/**
 * Focus: the one annotation the user is looking at. Its passages get an outline (`hl-focus`), and a
 * brief flash when focused from its card; clicking a highlight in the text reports its annotation so
 * the page can focus the matching card.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';

/** Plugin state: the focused annotation, its document ranges, and a flash counter. */
export interface FocusState {
  id: string | null;
  ranges: readonly { from: number; to: number }[];
  /** Increases on each flash request; part of the decoration so the flash animation restarts. */
  flash: number;
  decorations: DecorationSet;
}

interface FocusMeta {
  id: string | null;
  ranges: readonly { from: number; to: number }[];
  flash: boolean;
}

export const focusKey = new PluginKey<FocusState>('focus');

function decorate(state: EditorState, id: string | null, ranges: FocusState['ranges'], flash: number, flashing: boolean): DecorationSet {
  if (!id) return DecorationSet.empty;
  const cls = flashing ? 'hl-focus hl-flash' : 'hl-focus';
  return DecorationSet.create(
    state.doc,
    ranges.map((r) => Decoration.inline(r.from, r.to, { nodeName: 'span', class: cls, 'data-focus': `${id}:${flash}` })),
  );
}

/** Focus annotation `id` (null clears) with its document ranges; `flash` plays the flash animation. */
export function setFocus(tr: Transaction, id: string | null, ranges: FocusState['ranges'] = [], flash = false): Transaction {
  const meta: FocusMeta = { id, ranges, flash };
  return tr.setMeta(focusKey, meta);
}

/** The focused annotation id in `state`. */
export function focusedId(state: EditorState): string | null {
  return focusKey.getState(state)?.id ?? null;
}

/** The focus plugin; `onActivate` is called with the annotation id when a highlight is clicked. */
export function focusPlugin(onActivate: (id: string) => void): Plugin<FocusState> {
  return new Plugin<FocusState>({
    key: focusKey,
    state: {
      init: () => ({ id: null, ranges: [], flash: 0, decorations: DecorationSet.empty }),
      apply(tr, prev, _old, newState) {
        const meta = tr.getMeta(focusKey) as FocusMeta | undefined;
        if (!meta) return tr.docChanged ? { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) } : prev;
        const flash = meta.flash ? prev.flash + 1 : prev.flash;
        return { id: meta.id, ranges: meta.ranges, flash, decorations: decorate(newState, meta.id, meta.ranges, flash, meta.flash) };
      },
    },
    props: {
      decorations: (state) => focusKey.getState(state)?.decorations,
      handleDOMEvents: {
        click(view: EditorView, event: MouseEvent) {
          // A click that ends a drag-selection is about the selection, not a highlight.
          const domSelection = view.dom.ownerDocument.getSelection();
          if ((domSelection && !domSelection.isCollapsed) || !view.state.selection.empty) return false;
          const target = event.target instanceof Element ? event.target.closest('[data-annotation-id]') : null;
          const id = target?.getAttribute('data-annotation-id');
          if (id) onActivate(id);
          return false;
        },
      },
    },
  });
}
