/**
 * The read-only ProseMirror view of one source with its feature plugins (highlights, reuse marks,
 * suggestion margin marks, selection popover, focus), behind a small interface in text offsets:
 * callers never see document positions.
 */
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { ReuseMark } from '../reuse/reuse-marks';
import { trimQuote, type OffsetRange, type TextSpan } from '../shared/trim-range';
import { focusPlugin, setFocus } from './focus-plugin';
import { changeHighlights, highlightsPlugin, type HighlightsChange } from './highlights-plugin';
import { LineWindow } from './line-window';
import { passageMarksPlugin, setDraftRanges, setPending } from './passage-marks-plugin';
import { reusePlugin, reuseState, setActiveReuse, setReuseMarks, setReuseVisible, type ReuseEvents } from './reuse-plugin';
import { setActiveSuggestionMark, setSuggestionMarks, setSuggestionMarksVisible, setSuggestionMarksWindow, suggestionMarksPlugin, type MarkDrawing, type MarkEvents } from './suggestion-marks-plugin';
import { dismissPopover, domSelectionRange, focusPopover, selectedRange, selectionPopoverPlugin, type ActionDenied, type ActionLabels, type SelectionAction } from './selection-popover-plugin';
import type { SelectableText } from '../ui/keyboard-selection';
import { TextDocument } from './text-document';

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
  /** Pointer, focus and clicks on the suggestions' margin marks, and whether they show at first. */
  marks?: MarkEvents & { visible: boolean };
  /** Why a popover action is not allowed (the user's role), or null. */
  actionDenied?: ActionDenied;
}

const NO_MARK_EVENTS: MarkEvents = { onEnter: () => {}, onLeave: () => {}, onActivate: () => {} };

/** A source shown in a non-editable ProseMirror view where text can be selected and highlighted. */
export class SourceView implements SelectableText {
  readonly textDoc: TextDocument;
  private readonly view: EditorView;
  /** The transaction collecting a batch's changes, and what to do once it is applied. */
  private batchTr: Transaction | null = null;
  private afterBatch: (() => void)[] = [];
  /** Which lines' highlights are drawn: those near the visible part. */
  private readonly lines: LineWindow;

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
        highlightsPlugin(this.textDoc, this.textDoc.linesRange(0, LineWindow.FIRST_LINES)),
        suggestionMarksPlugin(this.textDoc, handlers.marks ?? NO_MARK_EVENTS, handlers.marks?.visible ?? true, this.textDoc.linesRange(0, LineWindow.FIRST_LINES)),
        passageMarksPlugin(this.textDoc),
        focusPlugin((id) => handlers.onHighlightClick(id)),
        selectionPopoverPlugin((action, range) => handlers.onAction(action, this.toTextRange(range)), handlers.actionLabels, handlers.actionDenied),
      ],
    });
    this.view = new EditorView(mount, {
      state,
      editable: () => false,
      attributes: { class: 'source-text', 'aria-label': 'Source text', role: 'document' },
    });
    this.lines = new LineWindow(this.view.dom, this.textDoc.lineCount, (first, last) => {
      const window = this.textDoc.linesRange(first, last);
      this.change((tr) => setSuggestionMarksWindow(changeHighlights(tr, { window }), window));
    });
  }

  /** The raw text shown. */
  get text(): string {
    return this.textDoc.text;
  }

  /** Select `range` as a drag would (for keyboard selection). */
  select(range: OffsetRange): void {
    this.selectRange(range.start, range.end);
  }

  /** Clear the selection (Escape on a keyboard selection). */
  clear(): void {
    this.clearSelection();
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

  /**
   * The selection without the whitespace around it (a drag from past the end of a short line takes
   * the line break along); null when nothing else is selected, and then nothing is made of it.
   */
  usableSelection(): TextSpan | null {
    const range = this.selection();
    return range ? trimQuote(this.textDoc.text, range) : null;
  }

  /**
   * Run `fn`, sending the changes it makes (highlights, marks, focus, popover) to ProseMirror as one
   * transaction: the view is redrawn once, however many parts of the page changed.
   */
  batch(fn: () => void): void {
    if (this.batchTr) {
      fn();
      return;
    }
    this.batchTr = this.view.state.tr;
    try {
      fn();
    } finally {
      const tr = this.batchTr;
      this.batchTr = null;
      this.view.dispatch(tr);
      for (const then of this.afterBatch.splice(0)) then();
    }
  }

  /** Make a change now, or as part of the batch under way. */
  private change(make: (tr: Transaction) => Transaction, then?: () => void): void {
    if (this.batchTr) {
      this.batchTr = make(this.batchTr);
      if (then) this.afterBatch.push(then);
      return;
    }
    this.view.dispatch(make(this.view.state.tr));
    then?.();
  }

  /** Hide the selection popover until the selection changes. */
  dismissPopover(): void {
    this.change((tr) => dismissPopover(tr));
  }

  /** Collapse the selection (after an annotation was made of it). */
  clearSelection(): void {
    const tr = this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, this.view.state.selection.to));
    this.view.dispatch(tr);
    window.getSelection()?.removeAllRanges();
  }

  /** Mark the passage a form is open for (null: none). */
  setPending(range: OffsetRange | null): void {
    this.change((tr) => setPending(tr, range));
  }

  /** Mark the passages of this source that are in the inconsistency draft. */
  setDraftRanges(ranges: readonly OffsetRange[]): void {
    this.change((tr) => setDraftRanges(tr, ranges));
  }

  /** Move keyboard focus to the text (without scrolling), where `s`, `c`, `n` and `r` act. */
  focusText(): void {
    this.mount.focus({ preventScroll: true });
  }

  /**
   * Change the highlights drawn: a `reset` replaces them all, `add` and `remove` touch only those
   * annotations (and the overlapping ones whose depth shifts), so ProseMirror redraws those lines only.
   */
  changeHighlights(change: HighlightsChange): void {
    this.change((tr) => changeHighlights(tr, change));
  }

  /**
   * Outline annotation `id`'s passages here (`spans`, in offsets); with `reveal`, scroll to the first
   * one and flash it.
   */
  focus(id: string | null, spans: readonly OffsetRange[] = [], reveal = false): void {
    const ranges = id ? spans.map((r) => this.textDoc.rangeToPos(r.start, r.end)).filter((r): r is { from: number; to: number } => r !== null) : [];
    const scroll = id !== null && reveal && ranges.length > 0;
    this.change(
      (tr) => setFocus(tr, id, ranges, scroll),
      () => {
        if (!scroll || id === null) return;
        const el = this.view.dom.querySelector(`.hl-focus[data-focus^="${CSS.escape(id)}:"]`);
        el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      },
    );
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

  /** Draw these suggestion margin marks (sorted by start), replacing any before. */
  setSuggestionMarks(marks: readonly MarkDrawing[]): void {
    this.change((tr) => setSuggestionMarks(tr, marks));
  }

  /** Show or hide the suggestion margin marks. */
  setSuggestionMarksVisible(visible: boolean): void {
    this.change((tr) => setSuggestionMarksVisible(tr, visible));
  }

  /** Make margin mark `key` the active one (its passage tinted; null: none). */
  activateSuggestionMark(key: string | null): void {
    this.change((tr) => setActiveSuggestionMark(tr, key));
  }

  /** The button of margin mark `key`, when drawn. */
  suggestionMarkElement(key: string): HTMLElement | null {
    return this.view.dom.querySelector<HTMLElement>(`.sg-mark[data-mark="${CSS.escape(key)}"]`);
  }

  /** Release the view and its popover. */
  destroy(): void {
    this.lines.destroy();
    this.view.destroy();
  }
}
