/**
 * The source page's keys: `c` / `n` make a claim / note of the selection, `i` adds it to the
 * inconsistency draft, `r` / `Shift+r` step through reused passages, `m` / `Shift+m` through the
 * suggestions' margin marks, `?` opens the help, Escape closes what is open (a suggestion, copies,
 * form, popover) or clears a keyboard selection, Tab from a selection
 * goes to the popover's buttons, and the selection keys of ui/keyboard-selection.ts. Every key
 * becomes an action; nothing else changes the page.
 */
import { denied } from '../account/session';
import { isTyping } from '../ui/dom';
import { showStatus } from '../ui/status';
import type { ViewerParts } from './viewer-parts';

/** The page's keydown handler (installed on the document). */
export function viewerKeys(parts: ViewerParts): (e: KeyboardEvent) => void {
  const inside = (selector: string) => document.activeElement instanceof HTMLElement && !!document.activeElement.closest(selector);
  return (e: KeyboardEvent) => {
    const view = parts.view;
    // A modal dialog (the help) handles its own keys, Escape included.
    if (!view || e.defaultPrevented || document.querySelector('dialog[open]')) return;
    const state = parts.getState();
    if (e.key === 'Escape') {
      const inPopover = inside('.selection-popover, .copies-popover');
      if (parts.marksPopover.open) {
        // A suggestion's popover: closing it is all Escape does (focus goes back to the text from inside it).
        if (state.activeMark !== null) parts.dispatch({ type: 'activate-mark', key: null, byKey: false });
        const inMarks = parts.marksPopover.hasFocus;
        parts.marksPopover.hide();
        if (inMarks) view.focusText();
      } else if (parts.popover.open) {
        // The copies popover was open: closing it is all Escape does; focus goes back to the text.
        parts.popover.hide();
        parts.dispatch({ type: 'activate-reuse', index: null, byKey: false });
        if (inPopover) view.focusText();
      } else if (state.form) {
        parts.dispatch({ type: 'close-form' });
      } else if (view.selection()) {
        // A keyboard selection has no mouse to clear it: Escape does.
        if (!parts.keys.clear()) view.dismissPopover();
        if (inPopover) view.focusText();
      } else {
        parts.dispatch({ type: 'focus', id: null, from: 'card' });
      }
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && !inside('.selection-popover') && view.selection()) {
      // The popover sits at the end of the page: Tab from a selection goes to its buttons first.
      if (view.focusPopover()) e.preventDefault();
      return;
    }
    if (isTyping(e)) return;
    if (parts.keys.handle(e)) {
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '?') {
      e.preventDefault();
      parts.help.open();
      return;
    }
    if (e.key === 'c' || e.key === 'n' || e.key === 'i') {
      const range = view.selection();
      if (!range) return;
      e.preventDefault();
      if (e.key === 'i') addToDraft(parts);
      else openCreate(parts, e.key === 'c' ? 'claim' : 'note');
      return;
    }
    if (e.key.toLowerCase() === 'r') {
      e.preventDefault();
      parts.dispatch({ type: 'step-reuse', dir: e.shiftKey || e.key === 'R' ? -1 : 1 });
      return;
    }
    if (e.key.toLowerCase() === 'm') {
      e.preventDefault();
      // With no mark open, stepping starts where the reader is.
      parts.dispatch({ type: 'step-mark', dir: e.shiftKey || e.key === 'M' ? -1 : 1, from: state.activeMark === null ? view.readingOffset() : undefined });
    }
  };
}

/** Whether the user's role may not annotate (then the status line says why). */
function refused(): boolean {
  const reason = denied('annotation.create');
  if (reason) showStatus(reason, 'info');
  return reason !== null;
}

/** Open the form for a new claim or note of the selection (trimmed of surrounding whitespace). */
export function openCreate(parts: ViewerParts, kind: 'claim' | 'note'): void {
  if (refused()) return;
  const range = parts.view?.usableSelection();
  if (range) parts.dispatch({ type: 'open-create', kind, range });
}

/** Put the selected passage into the inconsistency draft (starting one if needed). */
export function addToDraft(parts: ViewerParts): void {
  if (refused()) return;
  const state = parts.getState();
  const range = parts.view?.usableSelection();
  if (!range || state.page.phase !== 'ready') return;
  parts.dispatch({ type: 'add-to-draft', passage: { source: parts.sourceId, title: state.page.value.source.title, start: range.start, end: range.end, exact: range.exact } });
}
