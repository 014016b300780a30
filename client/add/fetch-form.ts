/**
 * The web address part of "Add sources": an address, fetched by the server (`POST
 * /api/sources/fetch`: public addresses only, at most 10 seconds and 5 MB), with its progress and
 * then the source added (or the new revision of one added from that address before), or why it
 * failed in words. The address typed stays after a failure, to correct it.
 */
import { h } from '../ui/dom';
import { outcomeView } from './add-results';
import type { AddAction, FetchState } from './add-state';

/** The form element and a way to bring it in line with the state. */
export interface FetchForm {
  el: HTMLElement;
  render(prev: FetchState | null, next: FetchState): void;
}

/** Build the form; what the user does goes to `dispatch`. */
export function fetchForm(dispatch: (action: AddAction) => void): FetchForm {
  const url = h('input', { type: 'url', id: 'add-url', name: 'url', placeholder: 'https://…', autocomplete: 'url', 'aria-describedby': 'add-url-hint' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', 'data-action': 'fetch' }, 'Fetch and add');
  const status = h('div', { class: 'fetch-status', role: 'status', 'aria-live': 'polite' });
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  url.addEventListener('input', () => dispatch({ type: 'fetch-url', url: url.value }));

  const el = h('form', { class: 'add-fetch', novalidate: true, 'aria-labelledby': 'add-fetch-title', onsubmit: (e: Event) => { e.preventDefault(); dispatch({ type: 'fetch' }); } },
    h('h2', { id: 'add-fetch-title' }, 'Fetch a web page'),
    h('div', { class: 'field' },
      h('label', { for: url.id }, 'Web address'),
      h('div', { class: 'fetch-row' }, url, submit),
      h('span', { class: 'field-hint', id: 'add-url-hint' }, 'The article is taken out of the page with its title, outlet, author and date. A page added before gets a new revision.'),
    ),
    status,
    error,
  );

  return {
    el,
    render(prev, next) {
      if (url.value !== next.url) url.value = next.url;
      if (prev?.phase === next.phase && prev.outcome === next.outcome && prev.message === next.message) return;
      submit.disabled = next.phase === 'fetching';
      submit.textContent = next.phase === 'fetching' ? 'Fetching…' : 'Fetch and add';
      status.replaceChildren(
        next.phase === 'fetching' ? `Fetching ${next.url.trim()}… (this can take up to 10 seconds)` : '',
        next.phase === 'done' && next.outcome ? outcomeView(next.outcome) : '',
      );
      error.hidden = next.phase !== 'failed';
      error.textContent = next.phase === 'failed' ? next.message ?? '' : '';
    },
  };
}
