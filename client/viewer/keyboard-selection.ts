/**
 * Selecting text without a mouse in the read-only viewer, which has no caret: `s` / `Shift+s` select
 * the next / previous sentence (from the selection, or from the top of the window when nothing is
 * selected), `Shift+ArrowRight` / `Shift+ArrowLeft` grow or shrink a selection by a word, and Escape
 * clears a selection made this way. Once selected, the popover and the `c` / `n` / `i` keys work as
 * after a mouse drag. The stepping rules are pure (sentence-steps.ts); this is the key handling.
 */
import { nextSentence, previousSentence, sentenceAtOrAfter, sentences, stepWord, type OffsetRange } from '../shared/sentence-steps';
import type { SourceView } from './source-view';
import { showStatus } from '../ui/status';

/** Keyboard selection for the view `getView()` returns (null while loading). */
export class KeyboardSelection {
  /** The range last selected with the keyboard, so Escape can clear it. */
  private last: OffsetRange | null = null;
  private list: OffsetRange[] | null = null;

  constructor(private readonly getView: () => SourceView | null) {}

  /** Handle `s`, `S` and Shift+arrows; true when the key was one of them (the caller prevents its default). */
  handle(e: KeyboardEvent): boolean {
    const view = this.getView();
    if (!view) return false;
    const current = view.selection() ?? this.last;
    if (e.key === 's' || e.key === 'S') {
      this.list ??= sentences(view.textDoc.text);
      const back = e.shiftKey || e.key === 'S';
      const next = back
        ? previousSentence(this.list, current ? current.start : view.readingOffset() + 1)
        : current
          ? nextSentence(this.list, current.end)
          : sentenceAtOrAfter(this.list, view.readingOffset());
      if (next) this.select(view, next);
      else showStatus(back ? 'No sentence before this one.' : 'No sentence after this one.', 'info');
      return true;
    }
    if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft') && view.selection()) {
      this.select(view, stepWord(view.textDoc.text, view.selection() as OffsetRange, e.key === 'ArrowRight' ? 1 : -1));
      return true;
    }
    return false;
  }

  private select(view: SourceView, range: OffsetRange): void {
    view.selectRange(range.start, range.end);
    this.last = { start: range.start, end: range.end };
  }

  /** Clear the selection if the keyboard made it; false (nothing done) otherwise. */
  clear(): boolean {
    const view = this.getView();
    const selected = view?.selection();
    if (!view || !this.last || !selected || selected.start !== this.last.start || selected.end !== this.last.end) return false;
    view.clearSelection();
    this.last = null;
    return true;
  }

  /** The keyboard selection was used up (made into an annotation or a draft passage). */
  forget(): void {
    this.last = null;
  }
}
