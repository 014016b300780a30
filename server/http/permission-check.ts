/**
 * The one place where an API request is held against the permission table (auth/permissions.ts):
 * a path the table does not know is 404 (so a route left out of the table cannot be reached), a
 * known path with another method 405, no identity where one is needed 401 `unauthenticated`, too
 * small a role 403 `forbidden`. Runs before the body is read and before any route, so a refused
 * request changes nothing. Ownership of existing records is checked later, by the services.
 */
import type { RequestHandler } from 'express';
import { PERMISSIONS, permits, routeOf } from '../auth/permissions';
import { identityOf } from './actor';
import { unauthenticated } from './authentication';
import { HttpError } from './http-error';

export function permissionCheck(anyUsers: () => Promise<boolean>): RequestHandler {
  return async (req, res, next) => {
    const { route, methods } = routeOf(req.method, req.baseUrl + req.path);
    if (!route) {
      if (!methods.length) throw new HttpError(404, 'not_found', `no API route ${req.method} ${req.path}`);
      res.set('Allow', [...new Set(methods.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', '));
      throw new HttpError(405, 'method_not_allowed', `${req.path} takes ${methods.join(', ')}, not ${req.method}`);
    }
    const identity = identityOf(res);
    const verdict = permits(identity?.actor, route.use);
    if (verdict === 'unauthenticated') {
      throw unauthenticated(
        (await anyUsers())
          ? 'sign in first (POST /api/session with your name and token) or send Authorization: Bearer <token>'
          : 'this server has no users yet and is not on loopback: add one with "collate user add <name> --role admin"',
      );
    }
    if (verdict === 'forbidden') {
      const rule = PERMISSIONS[route.use];
      throw new HttpError(403, 'forbidden', `to ${rule.what} takes the ${rule.role} role (${identity!.actor.name} is ${identity!.actor.role})`);
    }
    next();
  };
}
