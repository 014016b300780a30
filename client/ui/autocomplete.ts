/**
 * Autocomplete on a text field, as an ARIA combobox: while the user types, a list under the field
 * offers the names in use that fit (shared/vocabulary-match.ts); arrow keys move through it, Enter
 * or a click takes the highlighted name, Escape closes it (and only it). In list mode (tags) the
 * entry at the caret is completed and ", " follows, so the next tag can be typed at once.
 */
import { completions, otherTokens, replaceToken, tokenAt, type NameCount } from '../shared/vocabulary-match';
import { h } from './dom';

/** How the field is completed. */
export interface AutocompleteOptions {
  /** The names on offer (read on each keystroke: they may arrive after the field was built). */
  entries(): readonly NameCount[];
  /** A comma separated list (tags) rather than one value (claimant). */
  list: boolean;
  /** Names the list, for screen readers: "Tags in use". */
  label: string;
}

let counter = 0;

/** Attach autocomplete to `input`; returns the element to place right after it (the list). */
export function attachAutocomplete(input: HTMLInputElement, opts: AutocompleteOptions): HTMLElement {
  const id = `ac${++counter}`;
  const listbox = h('ul', { class: 'autocomplete', id: `${id}-list`, role: 'listbox', 'aria-label': opts.label, hidden: true });
  let offered: NameCount[] = [];
  let active = -1;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);

  const token = () => (opts.list ? tokenAt(input.value, input.selectionStart ?? input.value.length) : { start: 0, end: input.value.length, text: input.value.trim() });

  const close = () => {
    listbox.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const highlight = (i: number) => {
    active = i;
    listbox.querySelectorAll('[role="option"]').forEach((el, k) => el.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${id}-opt-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const take = (i: number) => {
    const entry = offered[i];
    if (!entry) return;
    if (opts.list) {
      const next = replaceToken(input.value, token(), entry.name);
      input.value = next.value;
      input.setSelectionRange(next.caret, next.caret);
    } else {
      input.value = entry.name;
    }
    close();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    close();
  };

  const open = () => {
    const t = token();
    const exclude = opts.list ? otherTokens(input.value, t) : [];
    offered = completions(opts.entries(), t.text, exclude);
    // Nothing to add when the only name offered is what is typed already.
    if (offered.length === 0 || (offered.length === 1 && offered[0].name === t.text)) {
      close();
      return;
    }
    listbox.replaceChildren(
      ...offered.map((e, i) =>
        h('li', {
          id: `${id}-opt-${i}`, role: 'option', class: 'autocomplete-option', 'aria-selected': 'false',
          // Keep focus in the field: the choice is made on mousedown.
          onmousedown: (ev: Event) => {
            ev.preventDefault();
            take(i);
          },
        }, h('span', { class: 'autocomplete-name' }, e.name), h('span', { class: 'autocomplete-count' }, String(e.count))),
      ),
    );
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };

  input.addEventListener('input', () => open());
  input.addEventListener('focus', () => {
    if (input.value.trim() === '' || opts.list) open();
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (listbox.hidden) open();
      if (listbox.hidden) return;
      e.preventDefault();
      const n = offered.length;
      highlight(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && !listbox.hidden && active >= 0) {
      e.preventDefault();
      e.stopPropagation();
      take(active);
    } else if (e.key === 'Escape' && !listbox.hidden) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  return listbox;
}
