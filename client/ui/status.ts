/**
 * The status line: one place at the bottom of the page where saves, errors and conflicts are
 * reported. Errors stay until dismissed or replaced; successes fade after a few seconds.
 */
import { h } from './dom';

/** What the message is about; errors get role="alert" styling and stay on screen. */
export type StatusTone = 'info' | 'success' | 'error';

let region: HTMLElement | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function ensureRegion(): HTMLElement {
  if (region && document.body.contains(region)) return region;
  region = h('div', { class: 'status-line', role: 'status', 'aria-live': 'polite', hidden: true });
  document.body.appendChild(region);
  return region;
}

/** Show a message in the status line. */
export function showStatus(message: string, tone: StatusTone = 'info'): void {
  const el = ensureRegion();
  clearTimeout(timer);
  el.hidden = false;
  el.dataset.tone = tone;
  el.setAttribute('role', tone === 'error' ? 'alert' : 'status');
  const close = h('button', { type: 'button', class: 'status-close', 'aria-label': 'Dismiss message', onclick: () => clearStatus() }, '×');
  el.replaceChildren(h('span', { class: 'status-text' }, message), close);
  if (tone !== 'error') timer = setTimeout(clearStatus, 4000);
}

/** Hide the status line. */
export function clearStatus(): void {
  clearTimeout(timer);
  if (region) {
    region.hidden = true;
    region.replaceChildren();
  }
}
