/**
 * /api/session: signing in (name and token, for a session cookie), who is signed in, signing out.
 * The cookie's attributes are in http/cookies.ts; lifetimes in auth/sessions.ts.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { SessionService } from '../auth/sessions';
import type { UserService } from '../auth/users';
import { identityOf, type Identity } from '../http/actor';
import { unauthenticated } from '../http/authentication';
import { sessionSecretOf, setCookieValue, type SessionCookie } from '../http/cookies';
import { parseWith } from '../http/validate';

const SignIn = z.object({ name: z.string().min(1).max(200), token: z.string().min(1).max(200) }).strict();

/** The body of GET and POST /api/session. */
function whoIs(identity: Identity, sessions: SessionService) {
  return {
    user: { name: identity.actor.name, role: identity.actor.role },
    via: identity.via,
    ...(identity.session ? { expires: new Date(sessions.endsAt(identity.session)).toISOString() } : {}),
  };
}

export function sessionRoutes(users: UserService, sessions: SessionService, cookie: SessionCookie): Router {
  const r = Router();

  r.get('/', (_req, res) => {
    const identity = identityOf(res);
    if (!identity) throw unauthenticated('nobody is signed in');
    res.json(whoIs(identity, sessions));
  });

  r.post('/', async (req, res) => {
    const body = parseWith(SignIn, req.body);
    const user = await users.verify(body.name, body.token);
    if (!user) throw unauthenticated('the name or the token is wrong');
    const { secret, session } = await sessions.open(user);
    res.append('Set-Cookie', setCookieValue(cookie, secret, sessions.times.absoluteMs / 1000));
    res.status(201).json(whoIs({ actor: { name: user.name, role: user.role }, via: 'session', session }, sessions));
  });

  r.delete('/', async (req, res) => {
    const secret = sessionSecretOf(req.headers.cookie, cookie);
    if (secret !== undefined) await sessions.close(secret);
    res.append('Set-Cookie', setCookieValue(cookie, null));
    res.status(204).end();
  });

  return r;
}
