/**
 * Requests whose path or query cannot mean anything are refused with 400 before routing:
 * malformed percent-escapes in the path (`%ZZ`, a lone `%`, `%C0%AF`, which is not UTF-8) would
 * otherwise fail deep inside the router, and array-shaped query parameters (`kind[]=x`,
 * `kind[a]=x`) would be silently ignored, where a repeated one is an error.
 */
import type { RequestHandler } from 'express';
import { HttpError } from './http-error';

export const requestLineCheck: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch {
    return next(new HttpError(400, 'bad_path', 'the path holds a malformed percent-escape (each % must start two hex digits of UTF-8)'));
  }
  for (const key of Object.keys(req.query as Record<string, unknown>)) {
    if (/[[\]]/.test(key)) return next(new HttpError(400, 'invalid', `query parameter "${key.slice(0, 60)}": array-shaped parameters are not accepted; give each parameter once, as name=value`));
  }
  next();
};
