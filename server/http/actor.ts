/**
 * The person behind a request, as the identity middleware found it: routes pass it to the
 * services, which record it as creator and in the history. Never taken from the request body.
 */
import type { Request, Response } from 'express';
import type { Actor } from '../services/actor';

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new Error('no actor on this request: the identity middleware did not run');
  return actor;
}

/** Middleware: every request acts as `actor` (a Collate without accounts). */
export function actAs(actor: Actor) {
  return (_req: Request, res: Response, next: () => void) => {
    res.locals.actor = actor;
    next();
  };
}
