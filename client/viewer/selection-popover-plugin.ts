/**
 * The selection popover: when the user has selected a passage, a small toolbar appears next to the
 * selection offering to make a claim or a note of it, or to start (or add it to) an inconsistency
 * across sources. Escape dismisses it until the selection changes. The same actions are on the
 * keyboard (`c`, `n`, `i`), handled by the page through `selectedRange`; Tab reaches the buttons.
 *
 * It reacts to finished selections only: while the mouse button is down nothing shows (a popover
 * opening under a moving pointer would take the drag over, and the selection would run out of the
 * text), and at release the selection is read from the DOM as the user sees it. A selection with an
 * end outside the text offers nothing: its passage is not a passage of this source.
 */
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { h } from '../ui/dom';

/** What can be done with one selection: a claim, a note, or a passage of an inconsistency draft. */
export type SelectionAction = 'claim' | 'note' | 'inconsistency';

/** The label of each action's button, asked again each time the popover shows (it may change). */
export type ActionLabels = (action: SelectionAction) => string;

/** Why an action is not allowed (the user's role), or null; such a button shows dimmed with the reason. */
export type ActionDenied = (action: SelectionAction) => string | null;

const DEFAULT_LABELS: ActionLabels = (action) => (action === 'claim' ? 'Claim' : action === 'note' ? 'Note' : 'Inconsistency');

/** Plugin state: the selected document range (null when empty), whether the user dismissed it, and whether a mouse drag is under way. */
export interface PopoverState {
  range: { from: number; to: number } | null;
  dismissed: boolean;
  dragging: boolean;
}

type PopoverMeta = 'dismiss' | { drag: 'start' } | { drag: 'end'; range: { from: number; to: number } | null } | { clear: true };

export const selectionPopoverKey = new PluginKey<PopoverState>('selection-popover');

/** Hide the popover until the selection changes. */
export function dismissPopover(tr: Transaction): Transaction {
  const meta: PopoverMeta = 'dismiss';
  return tr.setMeta(selectionPopoverKey, meta);
}

/**
 * The document range of the DOM selection when both its ends lie in the view's text, `null` when it
 * is collapsed or reaches outside the text, `undefined` when it cannot be read.
 */
export function domSelectionRange(view: EditorView): { anchor: number; head: number } | null | undefined {
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return undefined;
  if (sel.isCollapsed) return null;
  if (!view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return null;
  try {
    const anchor = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const head = view.posAtDOM(sel.focusNode, sel.focusOffset);
    return anchor === head ? null : { anchor, head };
  } catch {
    return undefined;
  }
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
    deniedOf?: ActionDenied,
  ) {
    const button = (action: SelectionAction, key: string) => {
      const label = h('span', { class: 'popover-label' }, labelOf(action));
      this.labels.set(action, label);
      const denied = deniedOf?.(action) ?? null;
      return h(
        'button',
        {
          type: 'button',
          class: `popover-btn popover-${action}${denied ? ' is-denied' : ''}`,
          'data-action': action,
          // Still reachable, with the reason: the page says it again when the button is used.
          'aria-disabled': denied ? 'true' : null,
          title: denied,
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
    view.dom.addEventListener('mousedown', this.onMouseDown);
    // Capture: the release may happen over any element, which might stop its propagation.
    document.addEventListener('mouseup', this.onMouseUp, true);
    this.update();
  }

  /**
   * Read the DOM selection into the editor state ourselves. ProseMirror skips a DOM selection equal to
   * the last one it saw, so re-selecting the same words after the selection was cleared (Escape, a
   * cancelled form) would otherwise leave the popover hidden. During a mouse drag nothing is read:
   * the release settles it.
   */
  private readonly onSelectionChange = (): void => {
    if (selectionPopoverKey.getState(this.view.state)?.dragging) return;
    const sel = this.view.dom.ownerDocument.getSelection();
    if (!sel || !sel.anchorNode || !sel.focusNode) return;
    const inside = this.view.dom.contains(sel.anchorNode);
    // Selections wholly elsewhere (a form field) leave the passage chosen in the text as it was.
    if (!inside && !this.view.dom.contains(sel.focusNode)) return;
    const range = domSelectionRange(this.view);
    if (range === undefined) return;
    if (range === null) {
      // Collapsed, or reaching out of the text: nothing here is selected any more.
      if (selectedRange(this.view.state)) this.view.dispatch(this.view.state.tr.setMeta(selectionPopoverKey, { clear: true } satisfies PopoverMeta));
      return;
    }
    const { state } = this.view;
    if (state.selection.anchor === range.anchor && state.selection.head === range.head && selectedRange(state)) return;
    this.view.dispatch(state.tr.setSelection(TextSelection.between(state.doc.resolve(range.anchor), state.doc.resolve(range.head))));
  };

  private readonly onMouseDown = (e: MouseEvent): void => {
    if (e.button !== 0) return;
    const meta: PopoverMeta = { drag: 'start' };
    this.view.dispatch(this.view.state.tr.setMeta(selectionPopoverKey, meta));
  };

  /** The drag ended (anywhere on the page): take the selection as it now shows. */
  private readonly onMouseUp = (): void => {
    if (!selectionPopoverKey.getState(this.view.state)?.dragging) return;
    const range = domSelectionRange(this.view) ?? null;
    const { state } = this.view;
    let tr = state.tr;
    if (range) tr = tr.setSelection(TextSelection.between(state.doc.resolve(range.anchor), state.doc.resolve(range.head)));
    const sel = tr.selection;
    const meta: PopoverMeta = { drag: 'end', range: range && !sel.empty ? { from: sel.from, to: sel.to } : null };
    this.view.dispatch(tr.setMeta(selectionPopoverKey, meta));
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
    this.view.dom.removeEventListener('mousedown', this.onMouseDown);
    document.removeEventListener('mouseup', this.onMouseUp, true);
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
  deniedOf?: ActionDenied,
): Plugin<PopoverState> {
  return new Plugin<PopoverState>({
    key: selectionPopoverKey,
    state: {
      init: () => ({ range: null, dismissed: false, dragging: false }),
      apply(tr, prev, _old, newState) {
        const meta = tr.getMeta(selectionPopoverKey) as PopoverMeta | undefined;
        if (meta === 'dismiss') return { ...prev, dismissed: true };
        if (meta && 'drag' in meta) {
          return meta.drag === 'start' ? { range: null, dismissed: false, dragging: true } : { range: meta.range, dismissed: false, dragging: false };
        }
        if (meta && 'clear' in meta) return { range: null, dismissed: false, dragging: prev.dragging };
        // Mid-drag selections are not finished: only the release counts.
        if (prev.dragging || (!tr.selectionSet && !tr.docChanged)) return prev;
        const sel = newState.selection;
        const range = sel.empty ? null : { from: sel.from, to: sel.to };
        const same = range && prev.range && range.from === prev.range.from && range.to === prev.range.to;
        return same ? prev : { range, dismissed: false, dragging: false };
      },
    },
    view: (view) => {
      const popover = new PopoverView(view, onAction, labelOf, deniedOf);
      popovers.set(view, popover);
      return popover;
    },
  });
}
