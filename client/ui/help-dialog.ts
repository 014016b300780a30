/**
 * The keyboard help, opened with `?` (on every page) or a Shortcuts button: a native <dialog> with
 * the keys of the page it was opened on first, then the keys that work everywhere. Escape or Close
 * shuts it and focus goes back to whatever had it before (the button, a card, the text).
 */
import { h, isTyping } from './dom';

/** A key (or key combination, as shown) and what it does. */
export type Shortcut = readonly [keys: string, does: string];

/** The pages with their own keys. */
export type HelpPage = 'viewer' | 'compare' | 'home' | 'annotations' | 'tags' | 'add' | 'changes' | 'inbox' | 'sign-in';

const PAGE_SHORTCUTS: Record<HelpPage, { title: string; keys: readonly Shortcut[]; note?: string }> = {
  viewer: {
    title: 'Reading a source',
    keys: [
      ['Select text, then c', 'Make a claim of the selected passage'],
      ['Select text, then n', 'Make a note of the selected passage'],
      ['Select text, then i', 'Start an inconsistency with the passage, or add it to the draft'],
      ['s / Shift+s', 'Select the sentence being read (then the next) / the previous one'],
      ['Shift+→ / Shift+←', 'Move the end of the selection: grow / shrink it by a word'],
      ['Alt+Shift+← / Alt+Shift+→', 'Move the start of the selection: grow / shrink it by a word'],
      ['Tab (with a selection)', 'Move to the popover’s buttons'],
      ['r / Shift+r', 'Go to the next / previous reused passage and list its copies'],
      ['m / Shift+m', 'Go to the next / previous suggestion mark in the margin and show it (Tab to Accept or Dismiss)'],
      ['Esc', 'Clear a keyboard selection; close the popover or the form'],
      ['Ctrl+Enter', 'Save the open form'],
      ['↓ / ↑ in Claimant or Tags', 'Go through the names in use; Enter takes one'],
      ['Tab / Enter on a card', 'Move between annotations / show its passage'],
      ['Enter on a card’s “History”', 'Show every change to it: who, when, each field before → after'],
    ],
    note: 'When the source changed since it was annotated, “Changed passages” at the top of the sidebar lists the reworded or removed passages: Accept keeps the new wording; Re-attach… selects it, you adjust the selection (s, Shift+arrows) and press Re-attach here; Dismiss… removes the passage after asking. “What changed” in the toolbar shows the two revisions side by side. Other people’s new annotations, edits and deletions show as they happen. If someone changes the annotation you are editing, the form says so at once; what you typed stays. Buttons your role does not allow are dimmed: hover or focus one to read why.',
  },
  compare: {
    title: 'Comparing two sources',
    keys: [
      ['j / n', 'Next aligned passage (both columns scroll to it)'],
      ['k / p', 'Previous aligned passage'],
      ['Tab / Enter in the passage list', 'Move between passages / jump to one'],
      ['Tab to a column, then s / Shift+s', 'Select the sentence being read in that column (then the next) / the previous one'],
      ['Shift+→ / Shift+←', 'Move the end of that selection by a word'],
      ['Alt+Shift+← / Alt+Shift+→', 'Move its start by a word'],
      ['l', 'Link the two selections as an inconsistency'],
    ],
    note: 'To link an inconsistency, select a passage in the left column and one in the right column (with the mouse or the keys above), then press “Link as inconsistency” or l. Your annotations are highlighted in both columns as in the viewer; click one that links the two sources to bring its other passage level in the other column.',
  },
  home: {
    title: 'The source list',
    keys: [
      ['Tab / Shift+Tab', 'Move between sources, the compare picker and the buttons'],
      ['Enter', 'Open the source (or follow the link) that has focus'],
    ],
  },
  annotations: {
    title: 'Searching annotations',
    keys: [
      ['Type in the search box', 'Find annotations by their quotes, notes, claimants and tags (every word must occur)'],
      ['Tab / Enter on a result', 'Move between results / open its passage in the viewer'],
      ['Enter on “History”', 'Show every change to that annotation: who, when, before → after'],
    ],
  },
  add: {
    title: 'Adding sources',
    keys: [
      ['Tab / Shift+Tab', 'Move between the text area, the details, the file picker and the web address'],
      ['Enter in a field', 'Add the pasted article (in the details) or fetch the address (in the web address)'],
      ['Space on the file picker', 'Choose files to add (or drop them on the zone with the mouse)'],
    ],
    note: 'Details marked “guessed” were found by Collate in the text; change any of them before adding. Files are added one at a time; one that fails does not stop the others.',
  },
  changes: {
    title: 'What changed',
    keys: [
      ['j / n', 'Next change (both columns scroll to it)'],
      ['k / p', 'Previous change'],
      ['Tab / Enter in the list of changes', 'Move between changes / jump to one'],
    ],
    note: 'The older revision is on the left, the newer on the right; words only in one of them are outlined (solid: only on the right, dashed: only on the left, dotted: reworded). Pick other revisions above the columns.',
  },
  inbox: {
    title: 'Triaging suggestions',
    keys: [
      ['j / k', 'Select the next / previous suggestion'],
      ['a', 'Accept the selected suggestion: a claim to check becomes a claim with its claimant, a typo a note with the correction, a difference an inconsistency'],
      ['d', 'Dismiss the selected suggestion'],
      ['u', 'Undo the last dismissal (in the Dismissed view: offer the selected one again)'],
      ['Enter', 'Open the selected suggestion’s passage in the text'],
      ['Tab', 'Move through the selected suggestion’s links and buttons, then the filters'],
    ],
    note: 'Accepted suggestions are saved to the active set. The Dismissed view lists what was dismissed, each with Undo.',
  },
  tags: {
    title: 'Tags',
    keys: [
      ['Enter on “Rename…”', 'Rename the tag; Enter saves, Esc cancels'],
      ['↓ / ↑ in the new name', 'Go through the tags in use, to merge into one'],
    ],
  },
  'sign-in': {
    title: 'Signing in',
    keys: [
      ['Tab / Shift+Tab', 'Move between the name, the token and the button'],
      ['Enter', 'Sign in'],
    ],
    note: 'An admin makes your account and gives you its token once (npm run cli -- user add <name> --role …); a lost token is replaced with “user token <name>”. After signing in you are back on the page you were on, with anything you were typing.',
  },
};

const EVERYWHERE: readonly Shortcut[] = [
  ['?', 'Show this help'],
  ['Esc', 'Close this help or any dialog'],
];

function shortcutList(keys: readonly Shortcut[]): HTMLElement {
  return h('dl', {}, keys.map(([k, d]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, d)]));
}

/** A mounted help dialog. */
export interface HelpDialog {
  open(): void;
  destroy(): void;
}

/** A help dialog for `page`, appended to the body; `open()` shows it, `destroy()` removes it. */
export function helpDialog(page: HelpPage = 'viewer'): HelpDialog {
  const own = PAGE_SHORTCUTS[page];
  const dialog = h('dialog', { class: 'help-dialog', 'aria-labelledby': 'help-title', 'data-page': page },
    h('h2', { id: 'help-title' }, 'Keyboard shortcuts'),
    h('section', { class: 'help-section', 'data-section': page },
      h('h3', {}, own.title),
      shortcutList(own.keys),
      own.note ? h('p', { class: 'help-note' }, own.note) : null,
    ),
    h('section', { class: 'help-section', 'data-section': 'everywhere' }, h('h3', {}, 'Everywhere'), shortcutList(EVERYWHERE)),
    h('form', { method: 'dialog' }, h('button', { class: 'btn' }, 'Close')),
  );
  let opener: HTMLElement | null = null;
  // Put focus back explicitly: with nothing focusable remembered, browsers leave it on <body>.
  dialog.addEventListener('close', () => {
    const back = opener;
    opener = null;
    if (back && back.isConnected && back !== document.body) back.focus({ preventScroll: true });
  });
  document.body.appendChild(dialog);
  return {
    open: () => {
      if (dialog.open) return;
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    },
    destroy: () => dialog.remove(),
  };
}

/** The "Shortcuts ?" button opening `help`. */
export function helpButton(help: HelpDialog): HTMLButtonElement {
  return h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'help', 'aria-keyshortcuts': '?', onclick: () => help.open() }, 'Shortcuts ?');
}

/**
 * Open `help` on `?` typed outside a text field while no dialog is open; returns the listener's
 * removal. For pages that have no other key handling of their own.
 */
export function helpOnQuestionMark(help: HelpDialog): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== '?' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
    if (document.querySelector('dialog[open]')) return;
    e.preventDefault();
    help.open();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

/** A page's help: the dialog, opened by `?` anywhere on the page; `destroy` removes both. */
export function pageHelp(page: HelpPage): { help: HelpDialog; destroy(): void } {
  const help = helpDialog(page);
  const stopKey = helpOnQuestionMark(help);
  return {
    help,
    destroy() {
      stopKey();
      help.destroy();
    },
  };
}
