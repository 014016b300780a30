/**
 * The selection popover: when the user selects a passage, a small toolbar appears next to the
 * selection offering to make a claim or a note of it, or to start (or add it to) an inconsistency
 * across sources. Escape dismisses it until the selection changes. The same actions are on the
 * keyboard (`c`, `n`, `i`), handled by the page through `selectedRange`; Tab reaches the buttons.
 */
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { h } from '../ui/dom';

/** What can be done with one selection: a claim, a note, or a passage of an inconsistency draft. */
export type SelectionAction = 'claim' | 'note' | 'inconsistency';

/** The label of each action's button, asked again each time the popover shows (it may change). */
export type ActionLabels = (action: SelectionAction) => string;

const DEFAULT_LABELS: ActionLabels = (action) => (action === 'claim' ? 'Claim' : action === 'note' ? 'Note' : 'Inconsistency');

/** Plugin state: the selected document range (null when empty) and whether the user dismissed it. */
export interface PopoverState {
  range: { from: number; to: number } | null;
  dismissed: boolean;
}

export const selectionPopoverKey = new PluginKey<PopoverState>('selection-popover');

/** Hide the popover until the selection changes. */
export function dismissPopover(tr: Transaction): Transaction {
  return tr.setMeta(selectionPopoverKey, 'dismiss');
}

/** The non-empty selected range in `state`, or null. */
export function selectedRange(state: EditorState): { from: number; to: number } | null {
  return selectionPopoverKey.getState(state)?.range ?? null;
}

class PopoverView {
  private readonly el: HTMLElement;
  private readonly labels = new Map<SelectionAction, HTMLElement>();

  constructor(
    private readonly view: EditorView,
    private readonly onAction: (action: SelectionAction, range: { from: number; to: number }) => void,
    private readonly labelOf: ActionLabels,
  ) {
    const button = (action: SelectionAction, key: string) => {
      const label = h('span', { class: 'popover-label' }, labelOf(action));
      this.labels.set(action, label);
      return h(
        'button',
        {
          type: 'button',
          class: `popover-btn popover-${action}`,
          'data-action': action,
          // Keep the text selection: a mousedown on the button would otherwise collapse it.
          onmousedown: (e: Event) => e.preventDefault(),
          onclick: () => {
            const range = selectedRange(this.view.state);
            if (range) this.onAction(action, range);
          },
        },
        label,
        h('kbd', {}, key),
      );
    };
    this.el = h('div', { class: 'selection-popover', role: 'toolbar', 'aria-label': 'Annotate selection', hidden: true },
      button('claim', 'c'),
      button('note', 'n'),
      button('inconsistency', 'i'),
    );
    document.body.appendChild(this.el);
    document.addEventListener('selectionchange', this.onSelectionChange);
    this.update();
  }

  /**
   * Read the DOM selection into the editor state ourselves. ProseMirror skips a DOM selection equal to
   * the last one it saw, so re-selecting the same words after the selection was cleared (Escape, a
   * cancelled form) would otherwise leave the popover hidden.
   */
  private readonly onSelectionChange = (): void => {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return;
    // Selections elsewhere (a form field) leave the last passage chosen in the text as it was.
    if (!this.view.dom.contains(sel.anchorNode) || !this.view.dom.contains(sel.focusNode)) return;
    const { state } = this.view;
    let anchor: number;
    let head: number;
    try {
      anchor = this.view.posAtDOM(sel.anchorNode, sel.anchorOffset);
      head = sel.isCollapsed ? anchor : this.view.posAtDOM(sel.focusNode, sel.focusOffset);
    } catch {
      return;
    }
    const current = state.selection;
    if (current.anchor === anchor && current.head === head) return;
    const $anchor = state.doc.resolve(anchor);
    const $head = state.doc.resolve(head);
    this.view.dispatch(state.tr.setSelection(TextSelection.between($anchor, $head)));
  };

  update(): void {
    const state = selectionPopoverKey.getState(this.view.state);
    if (!state?.range || state.dismissed) {
      this.el.hidden = true;
      return;
    }
    for (const [action, label] of this.labels) label.textContent = this.labelOf(action);
    const end = this.view.coordsAtPos(state.range.to, -1);
    const start = this.view.coordsAtPos(state.range.from, 1);
    this.el.hidden = false;
    const width = this.el.offsetWidth;
    // Below the selection's end, kept inside the viewport horizontally.
    const left = Math.max(8, Math.min(end.left - width / 2, document.documentElement.clientWidth - width - 8));
    const below = end.bottom + 8;
    const top = below + this.el.offsetHeight > window.innerHeight && start.top > this.el.offsetHeight + 16
      ? start.top - this.el.offsetHeight - 8
      : below;
    this.el.style.left = `${left + window.scrollX}px`;
    this.el.style.top = `${top + window.scrollY}px`;
  }

  /** Move keyboard focus to the first button, when the popover shows. */
  focusFirst(): boolean {
    const first = this.el.querySelector<HTMLElement>('button');
    if (this.el.hidden || !first) return false;
    first.focus();
    return true;
  }

  destroy(): void {
    document.removeEventListener('selectionchange', this.onSelectionChange);
    this.el.remove();
  }
}

const popovers = new WeakMap<EditorView, PopoverView>();

/** Focus the popover's first button (for Tab from the text); false when it is not showing. */
export function focusPopover(view: EditorView): boolean {
  return popovers.get(view)?.focusFirst() ?? false;
}

/** The selection popover plugin; `onAction` receives the chosen action and the selected document range. */
export function selectionPopoverPlugin(
  onAction: (action: SelectionAction, range: { from: number; to: number }) => void,
  labelOf: ActionLabels = DEFAULT_LABELS,
): Plugin<PopoverState> {
  return new Plugin<PopoverState>({
    key: selectionPopoverKey,
    state: {
      init: () => ({ range: null, dismissed: false }),
      apply(tr, prev, _old, newState) {
        if (tr.getMeta(selectionPopoverKey) === 'dismiss') return { ...prev, dismissed: true };
        if (!tr.selectionSet && !tr.docChanged) return prev;
        const sel = newState.selection;
        const range = sel.empty ? null : { from: sel.from, to: sel.to };
        const same = range && prev.range && range.from === prev.range.from && range.to === prev.range.to;
        return same ? prev : { range, dismissed: false };
      },
    },
    view: (view) => {
      const popover = new PopoverView(view, onAction, labelOf);
      popovers.set(view, popover);
      return popover;
    },
  });
}
