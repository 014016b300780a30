/**
 * The session over the app's life: who is signed in is asked once before the first page mounts,
 * the header's account bar follows it, the live updates run while someone is signed in, and from
 * then on any API call answering 401 (the session expired, was ended elsewhere, or nobody signed in
 * yet) keeps what the user was typing (kept-drafts.ts), forgets the session and opens the sign-in
 * page, set to come back to the page the user was on. Several calls failing at once send them
 * there once.
 */
import { getSession, type SessionInfo } from '../api/account-api';
import { onUnauthenticated } from '../api/session-signal';
import { startLive, stopLive } from '../live/live-connection';
import { parseRoute, signInHref } from '../shared/routes';
import { mountAccountBar } from './account-bar';
import { keepDrafts } from './kept-drafts';
import { currentSession, onSessionChange, setSession } from './session';

/** The page to come back to after signing in: the one shown now. */
function hereHash(): string {
  return location.hash && location.hash !== '#' ? location.hash : '#/';
}

/** Go to the sign-in page, keeping drafts; it says the session ended when someone was signed in. */
export function sessionLost(): void {
  if (parseRoute(location.hash).name === 'sign-in') return;
  const was = currentSession();
  keepDrafts();
  // Dialogs live on the body, outside the page: they would stay open over the sign-in page.
  for (const dialog of document.querySelectorAll<HTMLDialogElement>('dialog[open]')) dialog.close();
  setSession(null);
  location.hash = signInHref({ back: hereHash(), why: was && was.via === 'session' ? 'expired' : undefined });
}

/** Read the session and set up what follows it; resolves once the first page may mount. */
export async function startAppSession(header: HTMLElement | null): Promise<void> {
  if (header) mountAccountBar(header);
  onUnauthenticated(sessionLost);
  onSessionChange((s) => (s ? startLive() : stopLive()));
  let session: SessionInfo | null;
  try {
    session = await getSession();
  } catch {
    // The server is out of reach: the page shows its own error, and reloading tries again.
    return;
  }
  setSession(session);
  if (!session && parseRoute(location.hash).name !== 'sign-in') {
    // Replace, not push: Back must not return to a page that would only send here again.
    history.replaceState(null, '', signInHref({ back: hereHash() }));
  }
}
