/** GET /api/events: live updates of every change anyone commits, as Server-Sent Events. */
import { Router } from 'express';
import { streamEvents } from '../http/live-events';
import type { Store } from '../store/store';

export function eventRoutes(store: Store): Router {
  const r = Router();
  r.get('/', (req, res) => {
    streamEvents(store, res, (stop) => req.on('close', stop));
  });
  return r;
}
