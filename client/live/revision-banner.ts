/**
 * The notice a page shows when a source it displays gets a new revision while it is open (a live
 * update): the text is not swapped under the reader; they are told, and reload when ready. Before
 * reloading, what is typed in an open form is kept, and comes back in the reloaded page.
 */
import { h } from '../ui/dom';
import './live.css';

/** A banner, hidden until `show`. */
export interface RevisionBanner {
  el: HTMLElement;
  show(message: string): void;
}

/** Build the banner; `onReload` runs when the reader asks for the new text. */
export function revisionBanner(onReload: () => void): RevisionBanner {
  const text = h('span', { class: 'revision-banner-text' });
  const button = h('button', { type: 'button', class: 'btn btn-small btn-primary', 'data-action': 'reload-source', onclick: () => onReload() }, 'Reload the text');
  const el = h('div', { class: 'revision-banner', role: 'status', hidden: true }, text, ' ', button);
  return {
    el,
    show(message) {
      text.textContent = message;
      el.hidden = false;
    },
  };
}

/**
 * Draw the page of the current address again, as the router does when the address changes (the
 * router listens for `hashchange`; the address itself stays), so nothing stale is kept.
 */
export function redrawRoute(): void {
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
