/**
 * What a request body may be, checked before anything reads it: no Content-Encoding (compressed
 * bodies are refused with 415 rather than inflated: the API's bodies are small JSON, and inflating
 * is where decompression bombs and mislabelled bodies come from), and on state-changing requests
 * JSON only (415 otherwise). Forms (urlencoded, multipart) and text/plain are what a foreign page
 * can post without asking the browser first, so refusing them is part of the CSRF defence.
 */
import type { RequestHandler } from 'express';
import { HttpError } from './http-error';

/** Routes documented to take other types (files) than JSON: none yet. Each names its types. */
export const FILE_ROUTES: readonly { method: string; path: string; types: readonly string[] }[] = [];

/** The media types each write route takes; every other write takes application/json. */
const EXTRA_TYPES: readonly { method: string; path: string; types: readonly string[] }[] = [
  { method: 'POST', path: '/api/import', types: ['application/ld+json'] },
  ...FILE_ROUTES,
];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

function accepted(method: string, path: string): string[] {
  const extra = EXTRA_TYPES.filter((r) => r.method === method && r.path === path.replace(/\/+$/, '').toLowerCase());
  return ['application/json', ...extra.flatMap((r) => r.types)];
}

export const bodyCheck: RequestHandler = (req, _res, next) => {
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return next(new HttpError(415, 'unsupported_encoding', `Content-Encoding "${encoding.slice(0, 40)}" is not accepted: send the body uncompressed`));
  }
  if (SAFE_METHODS.has(req.method)) return next();
  const type = req.headers['content-type'];
  if (type === undefined) {
    if (!hasBody(req.headers)) return next();
    return next(new HttpError(415, 'unsupported_media_type', 'a request body needs Content-Type: application/json'));
  }
  const media = type.split(';')[0].trim().toLowerCase();
  const ok = accepted(req.method, req.baseUrl + req.path);
  if (ok.includes(media)) return next();
  next(new HttpError(415, 'unsupported_media_type', `Content-Type "${media.slice(0, 60)}" is not accepted here; send ${ok.join(' or ')}`));
};
