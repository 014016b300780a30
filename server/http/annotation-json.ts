/**
 * Annotation lists as JSON, with each stored annotation serialised once: stored records are shared,
 * read-only objects, so their JSON can be kept beside them until they are replaced. A list of one
 * source's annotations is then mostly a join, not a re-serialisation of every record, and an
 * unchanged list's answer is the same bytes as last time.
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

/**
 * The whole body of a frozen list's answer, as bytes, kept while the list lives (lists are replaced,
 * not changed). Bytes rather than a string: Express encodes a string body to UTF-8 on every send,
 * which for a busy source's list cost more than everything else the request did.
 */
const bodies = new WeakMap<readonly Annotation[], Map<string, Buffer>>();

function bodyOf(annotations: readonly Annotation[], field: string): Buffer {
  let byField = bodies.get(annotations);
  let body = byField?.get(field);
  if (body === undefined) {
    body = Buffer.from(`{"${field}":[${annotations.map(annotationJson).join(',')}]}`, 'utf8');
    if (Object.isFrozen(annotations)) {
      if (!byField) bodies.set(annotations, (byField = new Map()));
      byField.set(field, body);
    }
  }
  return body;
}

/** Sends `{ "<field>": [annotations…] }` with the given status. */
export function sendAnnotations(res: Response, annotations: readonly Annotation[], field = 'annotations', status = 200): void {
  res.status(status).type('application/json').send(bodyOf(annotations, field));
}
