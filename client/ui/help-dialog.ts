/**
 * The keyboard help, opened with `?` or the Help button: a native <dialog>, so Escape closes it and
 * focus returns where it was.
 */
import { h } from './dom';

const SHORTCUTS: [string, string][] = [
  ['Select text, then c', 'Make a claim of the selected passage'],
  ['Select text, then n', 'Make a note of the selected passage'],
  ['Select text, then i', 'Start an inconsistency with the passage, or add it to the one in the tray'],
  ['s / Shift+s', 'Select the next / previous sentence'],
  ['Shift+→ / Shift+←', 'Grow / shrink the selection by a word'],
  ['Tab (with a selection)', 'Move to the popover’s buttons'],
  ['r / Shift+r', 'Go to the next / previous reused passage and list its copies'],
  ['Esc', 'Clear a keyboard selection; close the popover, a form or this help'],
  ['Ctrl+Enter', 'Save the open form'],
  ['Tab / Enter on a card', 'Move between annotations / show its passage'],
  ['?', 'Show this help'],
];

/** A help dialog appended to the body; `open()` shows it, `destroy()` removes it. */
export function helpDialog(): { open(): void; destroy(): void } {
  const dialog = h('dialog', { class: 'help-dialog', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title' }, 'Keyboard shortcuts'),
    h('dl', {}, SHORTCUTS.map(([k, d]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, d)])),
    h('form', { method: 'dialog' }, h('button', { class: 'btn' }, 'Close')),
  );
  document.body.appendChild(dialog);
  return {
    open: () => {
      if (!dialog.open) dialog.showModal();
    },
    destroy: () => dialog.remove(),
  };
}
