/**
 * Finds who a request comes from: a bearer token (programs), else a session cookie (browsers), else,
 * while no user exists and the server listens on loopback only, the single local user. It only
 * identifies; whether the identity may do what is asked is the permission check's (and a request
 * with none may still reach the public routes, such as signing in).
 *
 * A malformed or unknown bearer token is refused at once (401): a program sending one has a
 * mistake to fix, and the refusals count towards the sign-in rate limit. A session cookie that no
 * longer opens a session is cleared, and the request goes on without identity.
 */
import type { RequestHandler } from 'express';
import type { SessionService } from '../auth/sessions';
import type { UserService } from '../auth/users';
import type { Actor } from '../services/actor';
import { setIdentity, type Identity } from './actor';
import { sessionSecretOf, setCookieValue, type SessionCookie } from './cookies';
import { HttpError } from './http-error';

export interface AuthenticationOptions {
  users: UserService;
  sessions: SessionService;
  cookie: SessionCookie;
  /** The single user while no account exists. */
  local: Actor;
  /** Whether the single-user mode may apply (only when bound to loopback). */
  localMode: boolean;
}

export const unauthenticated = (message: string) => new HttpError(401, 'unauthenticated', message);

export function authentication(opts: AuthenticationOptions): RequestHandler {
  return async (req, res, next) => {
    let identity: Identity | undefined;
    const authorization = req.headers.authorization;
    if (authorization !== undefined) {
      const m = /^Bearer +(\S+) *$/i.exec(authorization);
      if (!m) throw unauthenticated('the Authorization header must be "Bearer <token>"');
      const user = await opts.users.byToken(m[1]);
      if (!user) throw unauthenticated('this token is not valid (it may have been replaced or its user removed)');
      identity = { actor: { name: user.name, role: user.role }, via: 'token' };
    } else {
      const secret = sessionSecretOf(req.headers.cookie, opts.cookie);
      if (secret !== undefined) {
        const found = await opts.sessions.resolve(secret);
        if (found) identity = { actor: { name: found.user.name, role: found.user.role }, via: 'session', session: found.session };
        else res.append('Set-Cookie', setCookieValue(opts.cookie, null));
      }
      if (!identity && opts.localMode && !(await opts.users.any())) identity = { actor: opts.local, via: 'local' };
    }
    setIdentity(res, identity);
    next();
  };
}
