/**
 * The error type routes throw, and the middleware that turns any error (HttpError, a service's
 * ServiceError, a store's StorageError, a body-parser failure) into the API's error body
 * `{ error: { code, message, details? } }`. Statuses are decided here, once.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ServiceError, type ServiceErrorCode } from '../services/service-error';
import { IdTakenError, StorageError } from '../store/store';
import { SourceError } from '../sources/source-error';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new HttpError(404, 'not_found', `${what} "${id}" does not exist`);

/** Unwraps a service's `undefined` into a 404. */
export function found<T>(value: T | undefined, what: string, id: string): T {
  if (value === undefined) throw notFound(what, id);
  return value;
}

/** The one place where a service's error code becomes an HTTP status. */
const STATUS_OF: Record<ServiceErrorCode, number> = {
  not_found: 404,
  invalid: 400,
  out_of_range: 422,
  anchor_mismatch: 422,
  export_failed: 422,
  no_copies: 422,
  already_carried: 409,
  conflict: 409,
  exists: 409,
  handled: 409,
  import_failed: 422,
  revision_limit: 422,
  forbidden: 403,
  last_admin: 409,
};

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no API route ${req.method} ${req.path}`));
};

/**
 * An error the libraries (body-parser, the router, static files) raise for a request they cannot
 * take, such as an aborted upload or a request for a directory: its 4xx status stands, not a 500.
 */
function clientFault(err: unknown): err is { status: number; message: unknown } {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  let e: HttpError;
  if (err instanceof HttpError) e = err;
  else if (err instanceof ServiceError) e = new HttpError(STATUS_OF[err.code], err.code, err.message, err.details);
  else if (err instanceof StorageError) {
    e = err.reason === 'full' ? new HttpError(507, 'storage_full', err.message) : new HttpError(503, 'storage_unavailable', err.message);
  } else if (err instanceof IdTakenError) e = new HttpError(409, 'exists', err.message);
  else if (err instanceof SourceError) e = new HttpError(err.status, err.code, err.message);
  else if (err?.type === 'entity.parse.failed') e = new HttpError(400, 'bad_json', `the request body is not valid JSON: ${err.message}`);
  else if (err?.type === 'entity.too.large') e = new HttpError(413, 'too_large', `the request body is over the limit of ${err.limit} bytes`);
  else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') e = new HttpError(415, 'unsupported_encoding', String(err.message));
  else if (err instanceof URIError) e = new HttpError(400, 'bad_path', 'the path holds a malformed percent-escape');
  else if (clientFault(err)) e = new HttpError(err.status, 'bad_request', String(err.message));
  else {
    console.error(err);
    e = new HttpError(500, 'internal', 'the server failed to handle this request; nothing was changed unless a success was reported');
  }
  if (res.headersSent) return;
  res.status(e.status).json({ error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } });
};
