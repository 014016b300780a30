/**
 * Cross-site request forgery guard for every state-changing request (POST, PUT, PATCH, DELETE).
 *
 * A browser marks where a request comes from: `Origin` on every such request from a page, and
 * `Sec-Fetch-Site` on every request at all in current browsers. Where either is present it must
 * say "this app" (the Origin is one of our own, or Sec-Fetch-Site is `same-origin`), whatever
 * credentials the request carries; otherwise 403.
 *
 * A request with neither comes from a program (curl, a script), not a page. It is let through
 * unless it carries a session cookie: cookies are sent by browsers on their own, so they must come
 * with proof of origin, while a bearer token or the single-user mode's loopback trust is something
 * the program holds itself. What the program may then do is up to authentication and permissions.
 */
import type { RequestHandler } from 'express';
import { HttpError } from './http-error';
import { isOwnOrigin } from './own-addresses';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(publicUrl: URL | undefined, hasSessionCookie: (cookieHeader: string | undefined) => boolean): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    if (origin !== undefined) {
      if (isOwnOrigin(req, origin, publicUrl)) return next();
      return next(new HttpError(403, 'forbidden_origin', `requests from ${origin === 'null' ? 'an opaque origin' : `"${origin.slice(0, 100)}"`} may not change anything here`));
    }
    if (site !== undefined) {
      if (site === 'same-origin') return next();
      return next(new HttpError(403, 'forbidden_origin', `a ${String(site).slice(0, 20)} request may not change anything here`));
    }
    if (hasSessionCookie(req.headers.cookie)) {
      return next(new HttpError(403, 'forbidden_origin', 'a request signed in by cookie must say where it comes from (Origin); programs use Authorization: Bearer <token>'));
    }
    next();
  };
}
