/**
 * The person behind a request, as the authentication middleware found them: routes pass the actor
 * to the services, which record it as creator and in the history. Never taken from the request body.
 */
import type { Response } from 'express';
import type { Session } from '../../core/model';
import type { Actor } from '../services/actor';

/** How a request was identified: a bearer token, a session cookie, or the single-user mode. */
export interface Identity {
  actor: Actor;
  via: 'token' | 'session' | 'local';
  session?: Session;
}

export function identityOf(res: Response): Identity | undefined {
  return res.locals.identity as Identity | undefined;
}

export function setIdentity(res: Response, identity: Identity | undefined): void {
  res.locals.identity = identity;
}

export function actorOf(res: Response): Actor {
  const identity = identityOf(res);
  if (!identity) throw new Error('no actor on this request: the permission check let an anonymous request through');
  return identity.actor;
}
