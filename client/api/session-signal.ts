/**
 * Where the API wrappers report that the server no longer knows who is asking (401
 * `unauthenticated`: never signed in, or the session ended mid-use), so the account code can keep
 * what the user was typing and send them to the sign-in page. The wrappers only report; what
 * happens is registered once by the app's start (account/app-session.ts). Kept apart from the
 * wrappers so every one of them (JSON calls, downloads, the live events) reports the same way.
 */

type Listener = () => void;

let listener: Listener | null = null;

/** Call `fn` whenever an API answer says nobody is signed in; returns its removal. */
export function onUnauthenticated(fn: Listener): () => void {
  listener = fn;
  return () => {
    if (listener === fn) listener = null;
  };
}

/**
 * Report a 401 from `path` (under /api). The session routes answer 401 as part of their own use (a
 * wrong token, "nobody is signed in" at start-up): their callers decide, so they are not reported.
 */
export function reportUnauthenticated(path: string): void {
  if (/^\/session(?:[/?]|$)/.test(path)) return;
  listener?.();
}

/** The seconds of a Retry-After header (a number of seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
