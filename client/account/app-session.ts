/**
 * The session at the app's start: who is signed in is asked once before the first page mounts, the
 * header's account bar follows it, the live updates run while someone is signed in, and every API
 * call answering 401 from then on leads to the sign-in page (session-lost.ts). Nobody signed in at
 * start: the sign-in page replaces the page asked for, and returns to it afterwards.
 */
import { getSession } from '../api/account-api';
import { startLive, stopLive } from '../live/live-connection';
import { parseRoute, signInHref } from '../shared/routes';
import { mountAccountBar } from './account-bar';
import { onSessionChange, setSession } from './session';
import { installSessionLost } from './session-lost';

/** Read the session and set up what follows it; resolves once the first page may mount. */
export async function startAppSession(header: HTMLElement | null): Promise<void> {
  if (header) mountAccountBar(header);
  installSessionLost();
  onSessionChange((s) => (s ? startLive() : stopLive()));
  let session;
  try {
    session = await getSession();
  } catch {
    // The server is out of reach: the page shows its own error, and reloading tries again.
    return;
  }
  setSession(session);
  const route = parseRoute(location.hash);
  if (!session && route.name !== 'sign-in') {
    // Replace, not push: Back must not return to a page that would only send here again.
    const back = location.hash && location.hash !== '#' ? location.hash : '#/';
    history.replaceState(null, '', signInHref({ back }));
  }
}
