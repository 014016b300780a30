/**
 * The read-only ProseMirror view of one source with its feature plugins (highlights, reuse marks,
 * selection popover, focus), behind a small interface in text offsets: callers never see document
 * positions.
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { AnnotationSpan } from '../shared/annotation-spans';
import { focusPlugin, focusedId, setFocus } from './focus-plugin';
import { highlightsPlugin, setDraftRanges, setHighlights, setPending, type PendingRange } from './highlights-plugin';
import type { ReuseMark } from '../reuse/reuse-marks';
import { reusePlugin, reuseState, setActiveReuse, setReuseMarks, setReuseVisible, type ReuseEvents } from './reuse-plugin';
import { dismissPopover, domSelectionRange, focusPopover, selectedRange, selectionPopoverPlugin, type ActionLabels, type SelectionAction } from './selection-popover-plugin';
import { TextDocument } from './text-document';
import type { TextSpan } from '../shared/trim-range';

/** A text range in offsets, with the exact text it covers. */
export type TextRange = TextSpan;

/** Callbacks from the view to the page. */
export interface SourceViewHandlers {
  /** The user chose to annotate a selected range (popover button). */
  onAction(action: SelectionAction, range: TextRange): void;
  /** The user clicked the highlight of an annotation. */
  onHighlightClick(id: string): void;
  /** Pointer events on reuse marks. */
  reuse: ReuseEvents;
  /** Whether reuse marks show at first. */
  showReuse: boolean;
  /** The popover's button labels. */
  actionLabels?: ActionLabels;
}

/** A source shown in a non-editable ProseMirror view where text can be selected and highlighted. */
export class SourceView {
  readonly textDoc: TextDocument;
  private readonly view: EditorView;
  private spans: readonly AnnotationSpan[] = [];

  constructor(private readonly mount: HTMLElement, text: string, handlers: SourceViewHandlers) {
    this.textDoc = new TextDocument(text);
    // Focus comes back to the text when a form or popover closes. The mount takes it rather than
    // the editor: a focusable editor would run ProseMirror's focus handling (which rewrites the DOM
    // selection) on every click, in the middle of a mouse drag.
    mount.tabIndex = -1;
    const state = EditorState.create({
      doc: this.textDoc.doc,
      plugins: [
        reusePlugin(this.textDoc, handlers.reuse, handlers.showReuse),
        highlightsPlugin(this.textDoc),
        focusPlugin((id) => handlers.onHighlightClick(id)),
        selectionPopoverPlugin((action, range) => handlers.onAction(action, this.toTextRange(range)), handlers.actionLabels),
      ],
    });
    this.view = new EditorView(mount, {
      state,
      editable: () => false,
      attributes: { class: 'source-text', 'aria-label': 'Source text', role: 'document' },
    });
  }

  private toTextRange(range: { from: number; to: number }): TextRange {
    const start = this.textDoc.toOffset(range.from);
    const end = this.textDoc.toOffset(range.to);
    return { start, end, exact: this.textDoc.text.slice(start, end) };
  }

  /**
   * The current non-empty selection as a text range, or null. A selection showing in the page is
   * read as it shows (so an annotation quotes exactly what the user sees); one reaching out of the
   * text is none. Otherwise (focus moved to the popover's buttons) the last passage chosen holds.
   */
  selection(): TextRange | null {
    const shown = this.view.dom.ownerDocument.getSelection();
    const fromDom = shown && !shown.isCollapsed ? domSelectionRange(this.view) : undefined;
    if (fromDom === null) return null;
    const range = fromDom
      ? { from: Math.min(fromDom.anchor, fromDom.head), to: Math.max(fromDom.anchor, fromDom.head) }
      : selectedRange(this.view.state);
    if (!range) return null;
    const r = this.toTextRange(range);
    return r.end > r.start ? r : null;
  }

  /** Hide the selection popover until the selection changes. */
  dismissPopover(): void {
    this.view.dispatch(dismissPopover(this.view.state.tr));
  }

  /** Collapse the selection (after an annotation was made of it). */
  clearSelection(): void {
    const tr = this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, this.view.state.selection.to));
    this.view.dispatch(tr);
    window.getSelection()?.removeAllRanges();
  }

  /** Mark the passage a form is open for (null: none). */
  setPending(range: PendingRange | null): void {
    this.view.dispatch(setPending(this.view.state.tr, range));
  }

  /** Mark the passages of this source that are in the inconsistency draft. */
  setDraftRanges(ranges: readonly PendingRange[]): void {
    this.view.dispatch(setDraftRanges(this.view.state.tr, ranges));
  }

  /** Move keyboard focus to the text (without scrolling), where `s`, `c`, `n` and `r` act. */
  focusText(): void {
    this.mount.focus({ preventScroll: true });
  }

  /** Draw these highlights (replacing the previous ones), keeping the focus outline if still present. */
  setHighlights(spans: readonly AnnotationSpan[]): void {
    this.spans = spans;
    let tr = setHighlights(this.view.state.tr, spans);
    const focused = focusedId(this.view.state);
    if (focused !== null) tr = setFocus(tr, spans.some((s) => s.id === focused) ? focused : null, this.rangesOf(focused));
    this.view.dispatch(tr);
  }

  private rangesOf(id: string): { from: number; to: number }[] {
    return this.spans
      .filter((s) => s.id === id)
      .map((s) => this.textDoc.rangeToPos(s.start, s.end))
      .filter((r): r is { from: number; to: number } => r !== null);
  }

  /** Outline an annotation's passages; with `reveal`, scroll to the first one and flash it. */
  focus(id: string | null, reveal = false): void {
    const ranges = id ? this.rangesOf(id) : [];
    this.view.dispatch(setFocus(this.view.state.tr, id, ranges, reveal && ranges.length > 0));
    if (id && reveal && ranges.length > 0) {
      const el = this.view.dom.querySelector(`.hl-focus[data-focus^="${CSS.escape(id)}:"]`);
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }

  /**
   * Select the text range [start, end) as a mouse drag would: the DOM selection is set, and the
   * popover follows it. The range is scrolled into view.
   */
  selectRange(start: number, end: number): void {
    const range = this.textDoc.rangeToPos(start, end);
    if (!range || range.to <= range.from) return;
    const from = this.view.domAtPos(range.from, 1);
    const to = this.view.domAtPos(range.to, -1);
    const dom = document.createRange();
    dom.setStart(from.node, from.offset);
    dom.setEnd(to.node, to.offset);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(dom);
    // Take the selection now rather than on the (asynchronous) selectionchange event.
    const { state } = this.view;
    this.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, range.from, range.to)));
    this.scrollToPos(range.from);
  }

  /** Bring document position `pos` to the middle of the window, unless it is comfortably in view. */
  private scrollToPos(pos: number): void {
    const { node } = this.view.domAtPos(pos, 1);
    const el = node instanceof Element ? node : node.parentElement;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > window.innerHeight - 80) el.scrollIntoView({ block: 'center' });
  }

  /** The text offset of the first line showing at the top of the window (where reading is). */
  readingOffset(): number {
    const box = this.view.dom.getBoundingClientRect();
    // Probe at the left edge of the text itself (a line's box), not of the editor and its padding,
    // so the hit lands on the first character of the top line rather than beside it.
    const line = this.view.dom.querySelector('p.line');
    const left = (line ?? this.view.dom).getBoundingClientRect().left + 1;
    const hit = this.view.posAtCoords({ left, top: Math.max(box.top + 2, 4) });
    return hit ? this.textDoc.toOffset(hit.pos) : 0;
  }

  /** Move keyboard focus to the selection popover; false when it is not showing. */
  focusPopover(): boolean {
    return focusPopover(this.view);
  }

  /** Draw these reuse marks (replacing any before). */
  setReuseMarks(marks: readonly ReuseMark[]): void {
    this.view.dispatch(setReuseMarks(this.view.state.tr, marks));
  }

  /** Show or hide the reuse marks. */
  setReuseVisible(visible: boolean): void {
    this.view.dispatch(setReuseVisible(this.view.state.tr, visible));
  }

  /** Outline reuse mark `index` (null: none) and scroll to it; returns its element. */
  activateReuse(index: number | null): HTMLElement | null {
    this.view.dispatch(setActiveReuse(this.view.state.tr, index));
    if (index === null) return null;
    const el = this.view.dom.querySelector<HTMLElement>(`[data-reuse="${index}"]`);
    if (el) {
      const rect = el.getBoundingClientRect();
      if (rect.top < 80 || rect.bottom > window.innerHeight - 80) el.scrollIntoView({ block: 'center' });
    }
    return el;
  }

  /** The outlined reuse mark, if any. */
  activeReuse(): number | null {
    return reuseState(this.view.state)?.active ?? null;
  }

  /** Release the view and its popover. */
  destroy(): void {
    this.view.destroy();
  }
}
