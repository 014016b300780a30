/**
 * Selecting text without a mouse in a read-only text (the viewer, a compare column), which has no
 * caret: `s` / `Shift+s` select the next / previous sentence (from the selection, or from the top of
 * the window when nothing is selected), `Shift+→` / `Shift+←` move the selection's end by a word,
 * `Alt+Shift+←` / `Alt+Shift+→` move its start, and Escape clears a selection made this way. Once
 * selected, a passage is used as after a mouse drag. The stepping rules are pure
 * (shared/sentence-steps.ts); this is the key handling, over any text that can say and set its
 * selection in offsets.
 */
import { nextSentence, previousSentence, sentenceAtOrAfter, sentences, stepWord, stepWordStart, type OffsetRange } from '../shared/sentence-steps';
import { showStatus } from './status';

/** A text the keyboard can select in, in offsets into its raw text. */
export interface SelectableText {
  readonly text: string;
  /** The current non-empty selection in this text, or null. */
  selection(): OffsetRange | null;
  /** Select [start, end) as a drag would, bringing it into view. */
  select(range: OffsetRange): void;
  /** The offset of the text at the top of the visible part (where reading is). */
  readingOffset(): number;
  /** Clear the selection. */
  clear(): void;
}

/** Keyboard selection in the text `target()` returns (null while there is none). */
export class KeyboardSelection {
  /** The range last selected with the keyboard, so Escape can clear it. */
  private last: OffsetRange | null = null;
  private list: { text: string; sentences: OffsetRange[] } | null = null;

  constructor(private readonly target: () => SelectableText | null) {}

  /** Handle the selection keys; true when the key was one of them (the caller prevents its default). */
  handle(e: KeyboardEvent): boolean {
    const t = this.target();
    if (!t || e.ctrlKey || e.metaKey) return false;
    const current = t.selection();
    if ((e.key === 's' || e.key === 'S') && !e.altKey) {
      if (this.list?.text !== t.text) this.list = { text: t.text, sentences: sentences(t.text) };
      const list = this.list.sentences;
      const back = e.shiftKey || e.key === 'S';
      const from = current ?? this.last;
      const next = back
        ? previousSentence(list, from ? from.start : t.readingOffset() + 1)
        : from
          ? nextSentence(list, from.end)
          : sentenceAtOrAfter(list, t.readingOffset());
      if (next) this.select(t, next);
      else showStatus(back ? 'No sentence before this one.' : 'No sentence after this one.', 'info');
      return true;
    }
    if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft') && current) {
      const dir = e.key === 'ArrowRight' ? 1 : -1;
      // Alt moves the start (Alt+Shift+← takes in a word), without it the end moves.
      this.select(t, e.altKey ? stepWordStart(t.text, current, dir) : stepWord(t.text, current, dir));
      return true;
    }
    return false;
  }

  private select(t: SelectableText, range: OffsetRange): void {
    t.select(range);
    this.last = { start: range.start, end: range.end };
  }

  /** Clear the selection if the keyboard made it; false (nothing done) otherwise. */
  clear(): boolean {
    const t = this.target();
    const selected = t?.selection();
    if (!t || !this.last || !selected || selected.start !== this.last.start || selected.end !== this.last.end) return false;
    t.clear();
    this.last = null;
    return true;
  }

  /** The keyboard selection was used up (made into an annotation or a draft passage). */
  forget(): void {
    this.last = null;
  }
}
