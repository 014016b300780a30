/**
 * The account part of the header: who is signed in and their role, a Sign out button, and a small
 * note while the live updates are cut off ("Offline — reconnecting…"). A Collate without accounts
 * (`via: local`) shows no one and offers no sign-out: there is nobody else to be. Signed out, the
 * sections' links are hidden too (they would only lead back to the sign-in page).
 */
import type { UseCase } from '../../core/model';
import { errorMessage } from '../api/api-error';
import { signOut, type SessionInfo } from '../api/account-api';
import { onLiveStatus, stopLive, type LiveStatus } from '../live/live-connection';
import { signInHref } from '../shared/routes';
import { h } from '../ui/dom';
import { showStatus } from '../ui/status';
import { denied, onSessionChange, setSession } from './session';
import './account.css';

/** The header's links that lead to what only some roles may do. */
const NAV_NEEDS: readonly (readonly [string, UseCase])[] = [['#/add', 'source.import']];

const ROLE_WORDS: Record<string, string> = {
  viewer: 'may read and export',
  annotator: 'may annotate, and change their own annotations',
  editor: 'may change anyone’s annotations, sets, tags, suggestions and sources',
  admin: 'may do everything, and manage users',
};

/** Sign out, then show the sign-in page. */
async function signOutNow(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    await signOut();
  } catch (err) {
    button.disabled = false;
    showStatus(`Could not sign out: ${errorMessage(err)}`, 'error');
    return;
  }
  stopLive();
  setSession(null);
  location.hash = signInHref({ why: 'signed-out' });
}

/** Put the account bar at the end of `header` and keep it in line with the session and the live updates. */
export function mountAccountBar(header: HTMLElement): void {
  const live = h('span', { class: 'live-note', role: 'status', 'aria-live': 'polite' });
  const who = h('span', { class: 'account-who' });
  const bar = h('div', { class: 'account-bar', role: 'group', 'aria-label': 'Account' }, live, who);
  header.append(bar);

  const showLive = (s: LiveStatus) => {
    live.textContent = s === 'offline' ? 'Offline — reconnecting…' : '';
    live.dataset.status = s;
  };
  const showWho = (s: SessionInfo | null) => {
    document.body.classList.toggle('signed-out', s === null);
    // Sections of the header the person's role cannot use are left out (their pages say why).
    for (const [href, use] of NAV_NEEDS) {
      for (const a of header.querySelectorAll<HTMLAnchorElement>(`.app-nav a[href="${href}"]`)) a.hidden = denied(use) !== null;
    }
    if (!s || s.via === 'local') {
      who.replaceChildren();
      return;
    }
    const button = h('button', { type: 'button', class: 'btn btn-small btn-header', 'data-action': 'sign-out' }, 'Sign out');
    button.addEventListener('click', () => void signOutNow(button));
    who.replaceChildren(h('span', { class: 'account-name', title: `Signed in as ${s.user.name}, ${s.user.role}: ${ROLE_WORDS[s.user.role] ?? ''}` },
        h('span', { class: 'visually-hidden' }, 'Signed in as '),
        s.user.name,
        ' ',
        h('span', { class: `role-badge role-${s.user.role}` }, s.user.role),
      ));
    if (s.via === 'session') who.append(button);
  };
  onLiveStatus(showLive);
  onSessionChange(showWho);
  showLive('off');
}
