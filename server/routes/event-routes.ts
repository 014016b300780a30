/** GET /api/events: live updates of every change anyone commits, as Server-Sent Events, while the credential holds. */
import { Router } from 'express';
import type { SessionService } from '../auth/sessions';
import { identityOf } from '../http/actor';
import { streamEvents, type StreamHolder } from '../http/live-events';
import { userKey, type Store } from '../store/store';

export function eventRoutes(store: Store, sessions: SessionService, now: () => Date): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const identity = identityOf(res);
    const session = identity?.session;
    const holder: StreamHolder =
      identity && identity.via !== 'local'
        ? { user: userKey(identity.actor.name), session: session?.id, live: session && (() => now().getTime() < sessions.endsAt(session)) }
        : { local: true };
    streamEvents(store, res, (stop) => req.on('close', stop), holder);
  });
  return r;
}
