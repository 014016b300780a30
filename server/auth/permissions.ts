/**
 * The one table of API routes and the use case each serves; the use cases and the roles they need
 * are in core/model/permissions.ts. The HTTP edge checks the role for every request against this
 * table before any route runs (http/permission-check.ts); the services check ownership inside the
 * transaction that writes (demandChange), so it cannot change in between.
 *
 * A route missing from the table cannot be reached: the check answers 404 for it. New routes are
 * added here first.
 */
import { mayChange, permits, PERMISSIONS, type Permission, type UseCase } from '../../core/model';
import type { Actor } from '../services/actor';
import { ServiceError } from '../services/service-error';

export { mayChange, permits, PERMISSIONS, type UseCase };

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface ApiRoute {
  method: Method;
  /** As Express writes it, `:name` standing for one path segment. */
  path: string;
  use: UseCase;
}

/** Every API route. HEAD is answered as GET. */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/session', use: 'session' },
  { method: 'POST', path: '/api/session', use: 'session' },
  { method: 'DELETE', path: '/api/session', use: 'session' },
  { method: 'GET', path: '/api/events', use: 'read' },
  { method: 'GET', path: '/api/sources', use: 'read' },
  { method: 'POST', path: '/api/sources', use: 'source.import' },
  { method: 'POST', path: '/api/sources/preview', use: 'source.import' },
  { method: 'POST', path: '/api/sources/fetch', use: 'source.import' },
  { method: 'GET', path: '/api/sources/:id', use: 'read' },
  { method: 'GET', path: '/api/sources/:id/revisions', use: 'read' },
  { method: 'POST', path: '/api/sources/:id/refetch', use: 'source.import' },
  { method: 'GET', path: '/api/annotations', use: 'read' },
  { method: 'POST', path: '/api/annotations', use: 'annotation.create' },
  { method: 'GET', path: '/api/annotations/:id', use: 'read' },
  { method: 'PATCH', path: '/api/annotations/:id', use: 'annotation.edit' },
  { method: 'DELETE', path: '/api/annotations/:id', use: 'annotation.delete' },
  { method: 'GET', path: '/api/annotations/:id/history', use: 'read' },
  { method: 'GET', path: '/api/annotations/:id/copies', use: 'read' },
  { method: 'POST', path: '/api/annotations/:id/carry', use: 'annotation.carry' },
  { method: 'GET', path: '/api/sets', use: 'read' },
  { method: 'GET', path: '/api/vocabulary', use: 'read' },
  { method: 'POST', path: '/api/tags/rename', use: 'tag.rename' },
  { method: 'POST', path: '/api/sets', use: 'set.manage' },
  { method: 'GET', path: '/api/export', use: 'export' },
  { method: 'POST', path: '/api/import', use: 'annotation.import' },
  { method: 'GET', path: '/api/reuse', use: 'read' },
  { method: 'GET', path: '/api/suggestions', use: 'read' },
  { method: 'POST', path: '/api/suggestions/:id/confirm', use: 'suggestion.decide' },
  { method: 'POST', path: '/api/suggestions/:id/dismiss', use: 'suggestion.decide' },
  { method: 'POST', path: '/api/suggestions/:id/undo', use: 'suggestion.decide' },
  { method: 'GET', path: '/api/users', use: 'user.manage' },
  { method: 'POST', path: '/api/users', use: 'user.manage' },
  { method: 'DELETE', path: '/api/users/:name', use: 'user.manage' },
  { method: 'POST', path: '/api/users/:name/token', use: 'user.manage' },
];

function segments(path: string): string[] {
  return path.replace(/\/+$/, '').split('/').slice(1);
}

const PATTERNS = API_ROUTES.map((r) => ({ route: r, parts: segments(r.path) }));

/**
 * The route a request is for, and the methods its path takes (for 405). Literal segments compare
 * without regard to case, as Express routes them; a trailing slash is ignored, as Express does.
 */
export function routeOf(method: string, path: string): { route?: ApiRoute; methods: Method[] } {
  const parts = segments(path);
  const want = method === 'HEAD' ? 'GET' : method;
  const methods: Method[] = [];
  let route: ApiRoute | undefined;
  for (const p of PATTERNS) {
    if (p.parts.length !== parts.length) continue;
    const fits = p.parts.every((seg, i) => (seg.startsWith(':') ? parts[i] !== '' : seg.toLowerCase() === parts[i].toLowerCase()));
    if (!fits) continue;
    methods.push(p.route.method);
    if (p.route.method === want) route = p.route;
  }
  return { route, methods };
}

/**
 * Throws ServiceError `forbidden` unless `actor` may do `use` on a record that `creator` created.
 * Services call it inside their transaction, after reading the record.
 */
export function demandChange(actor: Actor, use: UseCase, creator: string, what: string): void {
  if (mayChange(actor, use, creator)) return;
  const rule: Permission = PERMISSIONS[use];
  const takes = rule.othersNeed && permits(actor, use) === 'ok' ? `to ${rule.what} created by others takes the ${rule.othersNeed} role` : `to ${rule.what} takes the ${rule.role} role`;
  throw new ServiceError('forbidden', `${what} was created by ${creator || 'nobody named'}; ${takes} (${actor.name} is ${actor.role})`);
}
