/**
 * Rate limit on failed sign-ins, per client address (express-rate-limit, in memory): sign-ins with a
 * wrong name or token, and requests with a bearer token that is not valid, count; once `limit` of
 * them fall within `windowMs`, every sign-in and token request from that address is answered 429
 * until the window has passed. Tokens are far too long to guess, so this is about keeping floods of
 * guesses out of the store and the logs, not about making guessing slow.
 *
 * Behind a reverse proxy (--public-url) the address is taken from X-Forwarded-For as the proxy on
 * loopback sets it (app.ts sets `trust proxy`), so one client's failures do not lock out the office.
 */
import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

export interface SignInLimit {
  windowMs: number;
  limit: number;
}

export const DEFAULT_SIGN_IN_LIMIT: SignInLimit = { windowMs: 15 * 60_000, limit: 20 };

/** Requests that try credentials: a sign-in, or anything with an Authorization header. */
function triesCredentials(req: Request): boolean {
  return req.headers.authorization !== undefined || (req.method === 'POST' && /^\/api\/session\/?$/i.test(req.baseUrl + req.path));
}

export function signInLimit(opts: SignInLimit = DEFAULT_SIGN_IN_LIMIT): RequestHandler {
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    standardHeaders: false,
    legacyHeaders: false,
    skip: (req) => !triesCredentials(req),
    // Only refusals of the credentials count; a valid token that meets a 404 is no failed sign-in.
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    handler: (req, res) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : Math.ceil(opts.windowMs / 1000);
      res
        .status(429)
        .set('Retry-After', String(seconds))
        .json({ error: { code: 'too_many_attempts', message: `too many failed sign-ins from this address; try again in ${Math.ceil(seconds / 60)} minute(s)` } });
    },
  });
}
