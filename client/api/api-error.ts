/**
 * The error every failed API call turns into: the server's `{ error: { code, message, details } }`
 * body, or a synthetic one for network failures and unreadable answers, so the UI handles one shape.
 */
import type { Annotation } from '../../core/model';

/** A failed API call. `status` is 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds the server asks to wait before trying again (its Retry-After header), when it said. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The current server version of the annotation carried by a 409 conflict, if any. */
  get currentAnnotation(): Annotation | undefined {
    if (this.status !== 409 || typeof this.details !== 'object' || this.details === null) return undefined;
    const current = (this.details as { current?: unknown }).current;
    return typeof current === 'object' && current !== null ? (current as Annotation) : undefined;
  }

  /** A one-line description for status lines and toasts (the server names bad fields in it). */
  describe(): string {
    return this.message;
  }
}

/** Turn any thrown value into a message fit for the status line. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.describe();
  if (err instanceof Error) return err.message;
  return String(err);
}
