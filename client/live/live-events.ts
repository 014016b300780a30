/**
 * The live updates the server pushes (`GET /api/events`, server/http/live-events.ts), read and
 * checked: an event whose data does not have the shape its name promises is dropped rather than
 * applied to a page. Plus `reconnected`, which the connection adds after a drop: events may have
 * been missed, so pages load again what they show. Pure code.
 */
import type { Annotation } from '../../core/model';

/** One live update, as pages receive it. */
export type LiveEvent =
  | { type: 'annotation'; annotation: Annotation }
  | { type: 'annotation-deleted'; id: string }
  | { type: 'sets' }
  | { type: 'suggestions' }
  | { type: 'source'; id: string; revision: number }
  | { type: 'reconnected' };

/** The event names the server sends. */
export const LIVE_EVENT_NAMES = ['annotation', 'annotation-deleted', 'sets', 'suggestions', 'source'] as const;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Enough of an annotation to apply it: the fields every page reads. */
function looksLikeAnnotation(x: unknown): x is Annotation {
  if (!isObject(x)) return false;
  return (
    typeof x.id === 'string' &&
    typeof x.revision === 'number' &&
    typeof x.kind === 'string' &&
    typeof x.set === 'string' &&
    typeof x.creator === 'string' &&
    typeof x.modified === 'string' &&
    Array.isArray(x.tags) &&
    typeof x.note === 'string' &&
    Array.isArray(x.targets) &&
    x.targets.length > 0 &&
    x.targets.every((t) => isObject(t) && typeof t.source === 'string' && typeof t.start === 'number' && typeof t.end === 'number' && typeof t.exact === 'string')
  );
}

/** The event named `name` with JSON `data`, or null when it is not one this client knows. */
export function parseLiveEvent(name: string, data: string): LiveEvent | null {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(body)) return null;
  switch (name) {
    case 'annotation':
      return looksLikeAnnotation(body.annotation) ? { type: 'annotation', annotation: body.annotation } : null;
    case 'annotation-deleted':
      return typeof body.id === 'string' && body.id !== '' ? { type: 'annotation-deleted', id: body.id } : null;
    case 'sets':
      return { type: 'sets' };
    case 'suggestions':
      return { type: 'suggestions' };
    case 'source':
      return typeof body.id === 'string' && Number.isInteger(body.revision) ? { type: 'source', id: body.id, revision: body.revision as number } : null;
    default:
      return null;
  }
}
