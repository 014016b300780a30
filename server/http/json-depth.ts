/**
 * Refuses parsed JSON bodies nested deeper than any Collate request needs (400 `too_deep`). Parsing
 * copes with any depth, but code further on that walks or re-serialises a value (error messages,
 * history entries) would overflow the stack on a body of a few hundred thousand brackets.
 */
import type { RequestHandler } from 'express';
import { HttpError } from './http-error';

/** W3C collections, the deepest bodies Collate takes, nest about ten levels. */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a parsed JSON value (a scalar is 0), counted without recursion. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const depth = d + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const inner of Object.values(v)) if (typeof inner === 'object' && inner !== null) stack.push([inner, depth]);
  }
  return deepest;
}

export const jsonDepthCheck: RequestHandler = (req, _res, next) => {
  if (req.body !== undefined && jsonDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return next(new HttpError(400, 'too_deep', `the request body nests deeper than ${MAX_JSON_DEPTH} levels`));
  }
  next();
};
