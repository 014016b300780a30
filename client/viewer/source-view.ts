/**
 * The read-only ProseMirror view of one source with its three feature plugins (highlights, selection
 * popover, focus), behind a small interface in text offsets: callers never see document positions.
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { AnnotationSpan } from './annotation-spans';
import { focusPlugin, focusedId, setFocus } from './focus-plugin';
import { highlightsPlugin, setHighlights, setPending, type PendingRange } from './highlights-plugin';
import { dismissPopover, selectedRange, selectionPopoverPlugin, type SelectionAction } from './selection-popover-plugin';
import { TextDocument } from './text-document';

/** A text range in offsets, with the exact text it covers. */
export interface TextRange {
  start: number;
  end: number;
  exact: string;
}

/** Callbacks from the view to the page. */
export interface SourceViewHandlers {
  /** The user chose to annotate a selected range (popover button). */
  onAction(action: SelectionAction, range: TextRange): void;
  /** The user clicked the highlight of an annotation. */
  onHighlightClick(id: string): void;
}

/** A source shown in a non-editable ProseMirror view where text can be selected and highlighted. */
export class SourceView {
  readonly textDoc: TextDocument;
  private readonly view: EditorView;
  private spans: readonly AnnotationSpan[] = [];

  constructor(mount: HTMLElement, text: string, handlers: SourceViewHandlers) {
    this.textDoc = new TextDocument(text);
    const state = EditorState.create({
      doc: this.textDoc.doc,
      plugins: [
        highlightsPlugin(this.textDoc),
        focusPlugin((id) => handlers.onHighlightClick(id)),
        selectionPopoverPlugin((action, range) => handlers.onAction(action, this.toTextRange(range))),
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

  /** The current non-empty selection as a text range, or null. */
  selection(): TextRange | null {
    const range = selectedRange(this.view.state);
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

  /** Release the view and its popover. */
  destroy(): void {
    this.view.destroy();
  }
}
