/**
 * Refuses requests whose Host header is not a name of this server (own-addresses.ts) with 421
 * Misdirected Request. This is what stops DNS rebinding: a page on evil.example whose name is made
 * to resolve to 127.0.0.1 reaches this server, but its requests still say `Host: evil.example`.
 * Static files are refused too, so such a page cannot even load the app.
 */
import type { RequestHandler } from 'express';
import { HttpError } from './http-error';
import { isOwnHost } from './own-addresses';

export function hostCheck(publicUrl: URL | undefined): RequestHandler {
  return (req, _res, next) => {
    if (isOwnHost(req, publicUrl)) return next();
    const given = req.headers.host === undefined ? 'no Host header' : `Host "${String(req.headers.host).slice(0, 100)}"`;
    const hint = publicUrl ? `` : ' (a server behind a reverse proxy needs --public-url or PUBLIC_URL)';
    next(new HttpError(421, 'misdirected', `this server does not answer to ${given}: use its own address${hint}`));
  };
}
