/**
 * Annotation lists as JSON, with each stored annotation serialised once: stored records are shared,
 * read-only objects, so their JSON can be kept beside them until they are replaced. A list of one
 * source's annotations is then mostly a join, not a re-serialisation of every record.
 */
import type { Response } from 'express';
import type { Annotation } from '../../core/model';

const serialised = new WeakMap<Annotation, string>();

export function annotationJson(a: Annotation): string {
  let json = serialised.get(a);
  if (json === undefined) {
    json = JSON.stringify(a);
    // Only frozen records are the store's own, unchangeable ones; others may still change.
    if (Object.isFrozen(a)) serialised.set(a, json);
  }
  return json;
}

/** The JSON array of a frozen list, kept while the list lives (lists are replaced, not changed). */
const arrays = new WeakMap<readonly Annotation[], string>();

function arrayJson(annotations: readonly Annotation[]): string {
  let json = arrays.get(annotations);
  if (json === undefined) {
    json = '[' + annotations.map(annotationJson).join(',') + ']';
    if (Object.isFrozen(annotations)) arrays.set(annotations, json);
  }
  return json;
}

/** Sends `{ "<field>": [annotations…] }` with the given status. */
export function sendAnnotations(res: Response, annotations: readonly Annotation[], field = 'annotations', status = 200): void {
  res.status(status).type('application/json').send(`{"${field}":${arrayJson(annotations)}}`);
}
