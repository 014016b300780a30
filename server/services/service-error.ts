/**
 * What the services throw when a request cannot be carried out: a code and a plain message, no
 * HTTP. The HTTP edge maps codes to statuses in one place (http/http-error.ts); the CLI prints the
 * message.
 */
export type ServiceErrorCode =
  | 'not_found'
  | 'invalid'
  | 'out_of_range'
  | 'anchor_mismatch'
  | 'export_failed'
  | 'import_failed'
  | 'no_copies'
  | 'already_carried'
  | 'conflict'
  | 'exists'
  | 'handled'
  | 'revision_limit'
  | 'forbidden'
  | 'last_admin';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A thing a request named that does not exist. */
export const missing = (what: string, id: string) => new ServiceError('not_found', `${what} "${id}" does not exist`);
