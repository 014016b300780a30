/**
 * What happens when the server stops knowing who is asking (any API call answered 401: the session
 * expired, was ended elsewhere, or nobody signed in yet): what the user was typing is kept
 * (kept-drafts.ts), the session is forgotten, and the sign-in page opens, set to come back to the
 * page the user was on. Several calls failing at once send them there once.
 */
import { onUnauthenticated } from '../api/session-signal';
import { parseRoute, signInHref } from '../shared/routes';
import { keepDrafts } from './kept-drafts';
import { currentSession, setSession } from './session';

/** Go to the sign-in page, keeping drafts; `why` defaults to "expired" when someone was signed in. */
export function sessionLost(): void {
  if (parseRoute(location.hash).name === 'sign-in') return;
  const was = currentSession();
  keepDrafts();
  // Dialogs live on the body, outside the page: they would stay open over the sign-in page.
  for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) dialog.close();
  setSession(null);
  const back = location.hash && location.hash !== '#' ? location.hash : '#/';
  location.hash = signInHref({ back, why: was && was.via === 'session' ? 'expired' : undefined });
}

/** Send the user to the sign-in page whenever an API call answers 401 (once, at start). */
export function installSessionLost(): () => void {
  return onUnauthenticated(sessionLost);
}
