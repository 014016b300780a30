/**
 * The compare view's keys: `j` / `n` and `k` / `p` step through the aligned passages; in a column
 * that has keyboard focus (Tab to it), the selection keys of ui/keyboard-selection.ts select a
 * sentence and move the selection's ends, each selection becoming that column's pick; `l` links
 * the two picks as an inconsistency; Escape clears a keyboard selection. Every key becomes an action
 * or a selection; nothing else changes the page.
 */
import { isTyping } from '../ui/dom';
import { KeyboardSelection } from '../ui/keyboard-selection';
import type { CompareColumns } from './compare-columns';
import { canLink, type CompareAction, type CompareState } from './compare-state';

/** What the keys act on. */
export interface CompareKeyTarget {
  columns: CompareColumns;
  dispatch(action: CompareAction): void;
  state(): CompareState;
}

/** The column holding keyboard focus, if any. */
function focusedSide(columns: CompareColumns): 'a' | 'b' | null {
  const el = document.activeElement;
  if (!(el instanceof Node)) return null;
  return columns.panes.a.contains(el) ? 'a' : columns.panes.b.contains(el) ? 'b' : null;
}

/** The compare view's keydown handler (installed on the document). */
export function compareKeys(target: CompareKeyTarget): (e: KeyboardEvent) => void {
  const { columns } = target;
  const keys = new KeyboardSelection(() => {
    const side = focusedSide(columns);
    return side ? columns.selectable(side) : null;
  });
  return (e: KeyboardEvent) => {
    if (e.defaultPrevented || isTyping(e) || document.querySelector('dialog[open]')) return;
    if (e.key === 'Escape') {
      if (keys.clear()) e.preventDefault();
      return;
    }
    if (keys.handle(e)) {
      e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'l') {
      if (!canLink(target.state())) return;
      e.preventDefault();
      keys.forget();
      target.dispatch({ type: 'link' });
      return;
    }
    const step = passageStep(e);
    if (step !== 0 && stepPassage(columns, target.state().current, step)) e.preventDefault();
  };
}

/** The step a key asks for in the list of passages: j / n next, k / p previous, else 0. */
export function passageStep(e: KeyboardEvent): 1 | -1 | 0 {
  return e.key === 'j' || e.key === 'n' ? 1 : e.key === 'k' || e.key === 'p' ? -1 : 0;
}

/**
 * Jump both columns to the passage `step` away from `current` (from none: the first or the last) and
 * focus its entry in the list; false when there is no passage.
 */
export function stepPassage(columns: CompareColumns, current: number | null, step: 1 | -1): boolean {
  const entries = columns.list.el.querySelectorAll<HTMLElement>('.passage-entry');
  const count = entries.length;
  if (count === 0) return false;
  const next = current === null ? (step > 0 ? 0 : count - 1) : Math.min(count - 1, Math.max(0, current + step));
  columns.jump(next);
  entries[next]?.focus({ preventScroll: true });
  return true;
}
