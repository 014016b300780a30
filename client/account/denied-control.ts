/**
 * A control the signed-in person's role does not allow: it stays in its place, so the page looks
 * the same to everyone, but reads as unavailable (`aria-disabled`, dimmed), says why in its tooltip
 * (which screen readers read as its description), and a click or Enter on it shows the reason in
 * the status line instead of doing anything. It stays focusable, so keyboard users can learn why.
 */
import type { UseCase } from '../../core/model';
import { showStatus } from '../ui/status';
import { denied } from './session';
import './account.css';

/** Mark `el` as not allowed for `reason` (null leaves it as it is); returns `el`. */
export function markDenied<E extends HTMLElement>(el: E, reason: string | null): E {
  if (reason === null) return el;
  el.setAttribute('aria-disabled', 'true');
  el.classList.add('is-denied');
  el.title = reason;
  el.dataset.denied = reason;
  // Capture listeners on the target run before the ones `h()` added, so the action never starts.
  const stop = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type === 'click') showStatus(reason, 'info');
  };
  el.addEventListener('click', stop, true);
  return el;
}

/** Mark `el` for use case `use` (on a record `creator` made) as the session allows it. */
export function guard<E extends HTMLElement>(el: E, use: UseCase, creator?: string): E {
  return markDenied(el, denied(use, creator));
}
