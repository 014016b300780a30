/**
 * Validation at the HTTP edge: request bodies and query strings go through the shared zod schemas,
 * and a failure becomes a 400 naming each bad field.
 */
import type { z } from 'zod';
import { HttpError } from './http-error';

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = 'request body'): z.output<S> {
  if (value === undefined) throw new HttpError(400, 'invalid', `the ${what} is missing (send JSON with Content-Type: application/json)`);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new HttpError(400, 'invalid', `the ${what} is invalid: ${summary}`, { issues });
}

/** A single-valued string query parameter, or undefined. Repeated parameters are an error. */
export function queryString(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new HttpError(400, 'invalid', `query parameter "${name}" must be given once`);
  return v;
}
